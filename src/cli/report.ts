// A report written as text (JSON lines, a table, CSV, HTML): built row by row and written once per batch, so a
// million rows cost a few thousand writes.
import type { JudgedLink } from '../core/types';
import type { Input } from './inputs';

/**
 * What was found in one distinct text. The memos hand out one object per distinct text, so a report can keep its
 * own work on a text (a row's JSON) by this object.
 */
export interface Judged {
  /** The text judged: a line, or the chosen cells of a row joined by spaces. */
  text: string;
  links: JudgedLink[];
  banned: boolean;
}

export interface TextReport {
  add(input: Input, judged: Judged): void;
  /** The output added since the last call: text, or its UTF-8 bytes. */
  take(): string | Uint8Array;
  /** What follows the last row (a legend, a summary); the header alone when there were no rows. */
  end(): string;
}

/**
 * Collects text and hands it over in one piece. Concatenated, not joined: V8 keeps the pieces as a rope that the
 * write flattens once, where joining an array of template strings copies every byte twice.
 */
export class Held {
  private text = '';
  push(...texts: string[]): void {
    for (const text of texts) this.text += text;
  }
  take(): string {
    const text = this.text;
    this.text = '';
    return text;
  }
}

/**
 * Collects UTF-8 bytes and hands them over in one piece. A long list repeats a few thousand distinct parts (a
 * memo's, encoded once): copying their bytes is much cheaper than building text that each write encodes again.
 */
export class HeldBytes {
  private static readonly START = 1 << 16;
  private buffer = Buffer.allocUnsafe(HeldBytes.START);
  private length = 0;

  push(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** A whole number ≥ 0 (a line number) in decimal: written digit by digit, with no string made for it. */
  pushInteger(value: number): void {
    this.reserve(16);
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    for (let i = this.length + digits - 1, rest = value; i >= this.length; i--, rest = Math.floor(rest / 10)) {
      this.buffer[i] = 48 + (rest % 10);
    }
    this.length += digits;
  }

  /** The bytes held, handed over (the next ones go to a new buffer: a write may still be reading these). */
  take(): Buffer {
    const bytes = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(Math.max(HeldBytes.START, this.length));
    this.length = 0;
    return bytes;
  }

  private reserve(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + more));
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }
}
