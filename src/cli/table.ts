// A terminal table that streams: fixed-width columns (the last one free), widths counted in terminal cells so
// Chinese text lines up, colours only for a person at a terminal.
import type { Verdict } from '../core/types';
import type { CliIo } from './io';

/** East Asian wide and full-width characters take two cells; combining and zero-width ones none. */
function cells(ch: number): number {
  if (ch === 0x200b || ch === 0x200c || ch === 0x200d || ch === 0xfeff || (ch >= 0x300 && ch <= 0x36f)) return 0;
  const wide =
    (ch >= 0x1100 && ch <= 0x115f) ||
    (ch >= 0x2e80 && ch <= 0xa4cf) ||
    (ch >= 0xac00 && ch <= 0xd7a3) ||
    (ch >= 0xf900 && ch <= 0xfaff) ||
    (ch >= 0xfe30 && ch <= 0xfe4f) ||
    (ch >= 0xff00 && ch <= 0xff60) ||
    (ch >= 0xffe0 && ch <= 0xffe6) ||
    (ch >= 0x1f300 && ch <= 0x1faff) ||
    (ch >= 0x20000 && ch <= 0x3fffd);
  return wide ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += cells(ch.codePointAt(0)!);
  return width;
}

/** C0 and C1 control characters but tab and newline: a terminal acts on them (ESC starts an escape sequence). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text from a file (a rule summary, a cell, a header) safe to print on a terminal: each control character is shown
 * (␛ for ESC, \x9b for a C1 code) instead of acting, so a file cannot clear the screen or recolour the output.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `\\x${code.toString(16)}`;
  });
}

/** Cut to `width` cells with "…", or pad with spaces to it. */
export function fitCells(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  if (displayWidth(flat) <= width) return flat + ' '.repeat(width - displayWidth(flat));
  let out = '';
  for (const ch of flat) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…${' '.repeat(width - 1 - displayWidth(out))}`;
}

/** Colours when stdout is a terminal and NO_COLOR is unset (https://no-color.org). */
export function useColour(io: CliIo): boolean {
  return Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
}

const VERDICT_COLOUR: Record<Verdict, string> = { banned: '\u001b[31;1m', review: '\u001b[33m', allowed: '\u001b[32m' };

export function paint(text: string, verdict: Verdict, colour: boolean): string {
  return colour ? `${VERDICT_COLOUR[verdict]}${text}\u001b[0m` : text;
}

/**
 * One row: every column but the last padded to its width, two spaces apart, control characters shown; `decorate`
 * colours a fitted cell.
 */
export function row(
  columns: readonly string[],
  widths: readonly number[],
  decorate: (index: number, cell: string) => string = (_, cell) => cell,
): string {
  const fitted = columns.map((text, i) =>
    decorate(i, i < widths.length ? fitCells(printable(text), widths[i]!) : printable(text).replace(/\s+/g, ' ')),
  );
  return `${fitted.join('  ').trimEnd()}\n`;
}
