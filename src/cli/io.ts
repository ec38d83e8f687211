// What the command line touches of the outside world, passed in so tests run main() in-process with fake streams:
// the input's bytes, their text, their lines (in batches, so a 1 GB file costs one await per chunk, not per line),
// and output that waits for a full pipe and reports a failed write instead of crashing.
import { isAscii } from 'node:buffer';
import { open } from 'node:fs/promises';
import type { Lang } from '../core/types';
import { langFromLocale, t, type MessageKey } from '../i18n';
import { detectEncoding, Utf8Decoder, type Encoding } from './encoding';

export interface Writer {
  /** Text, or UTF-8 bytes. */
  write(chunk: string | Uint8Array): boolean;
  /** Real streams: resolves once the stream takes more (or has failed), so a 1 GB report is never held in memory. */
  drained?(): Promise<void>;
  isTTY?: boolean;
}

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: Writer;
  stderr: Writer;
  env: Record<string, string | undefined>;
  now: Date;
}

/** A mistake in the command or its input: exit 2 with a message that says what to fix. */
export class UsageError extends Error {}

/** A write to stdout or stderr failed (a full disk, a closed pipe): the command stops. */
export class OutputError extends Error {
  constructor(readonly code: string | undefined) {
    super(`cannot write the output (${code ?? 'unknown error'})`);
  }
}

/** Writes and, when the stream is full, waits for it to drain. */
export async function emit(out: Writer, chunk: string | Uint8Array): Promise<void> {
  if (!out.write(chunk) && out.drained) await out.drained();
}

/**
 * A real stream as a Writer. A stream reports a failed write later, as an 'error' event; from then on every write
 * throws OutputError, and a wait for 'drain' (which would never come) ends.
 */
export function streamWriter(stream: NodeJS.WriteStream): Writer & { failure(): NodeJS.ErrnoException | undefined } {
  let reported: NodeJS.ErrnoException | undefined;
  const waiting: (() => void)[] = [];
  stream.on('error', (error: NodeJS.ErrnoException) => {
    reported ??= error;
    for (const resume of waiting.splice(0)) resume();
  });
  // A stream destroyed before we listened (stdout closed by the shell) fails without an event.
  const failure = () =>
    reported ??
    (stream.errored as NodeJS.ErrnoException | null) ??
    (stream.destroyed ? Object.assign(new Error('closed'), { code: 'EPIPE' }) : undefined);
  return {
    isTTY: stream.isTTY,
    failure,
    write(chunk) {
      const failed = failure();
      if (failed) throw new OutputError(failed.code);
      return stream.write(chunk);
    },
    drained: () =>
      new Promise<void>((resolve) => {
        if (failure()) return resolve();
        waiting.push(resolve);
        stream.once('drain', resolve);
      }).then(() => {
        const failed = failure();
        if (failed) throw new OutputError(failed.code);
      }),
  };
}

/** --lang, else the locale environment (LC_ALL > LC_MESSAGES > LANG): zh* → 简体中文. */
export function cliLang(option: string | undefined, env: CliIo['env']): Lang {
  if (option !== undefined) {
    if (option === 'zh' || option === 'en') return option;
    throw new UsageError(t('en', 'cli_err_choice', '--lang', 'zh, en', option));
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return langFromLocale(locale?.replace(/\..*$/, ''));
}

/** A translated UsageError, in the user's language. */
export function usageError(lang: Lang, key: MessageKey, ...subs: (string | number)[]): UsageError {
  return new UsageError(t(lang, key, ...subs));
}

/** The bytes of FILE, or of stdin when FILE is absent or "-", with the name messages call it by. */
export interface Source {
  name: string;
  bytes: AsyncIterable<Buffer>;
}

async function* asBuffers(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  for await (const chunk of input) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

/**
 * Opens FILE (a file, or a pipe: a FIFO, `<(…)`) or stdin. A path that cannot be read is a usage error, found
 * before any output is written.
 */
export async function openSource(file: string | undefined, io: CliIo, lang: Lang): Promise<Source> {
  if (file === undefined || file === '-') {
    return { name: '-', bytes: asBuffers(io.stdin as AsyncIterable<Buffer | string>) };
  }
  try {
    const handle = await open(file, 'r');
    const stat = await handle.stat();
    if (!stat.isFile() && !stat.isFIFO() && !stat.isSocket()) {
      await handle.close();
      throw Object.assign(new Error('not a file'), { code: stat.isDirectory() ? 'EISDIR' : 'not a file or a pipe' });
    }
    return { name: file, bytes: handle.createReadStream({ highWaterMark: 1 << 16 }) };
  } catch (error) {
    throw usageError(lang, 'cli_err_read', file, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
}

/** The first chunk of a source, looked at before the whole is read (a workbook is a zip, a text is not). */
export async function peek(source: Source): Promise<{ head: Buffer; source: Source }> {
  const iterator = source.bytes[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  async function* again(): AsyncGenerator<Buffer> {
    try {
      if (!first.done) yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // Stopped early (an error, `| head`): close the file or stdin.
      await iterator.return?.();
    }
  }
  return { head, source: { name: source.name, bytes: again() } };
}

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gbk: 'GBK',
};

/**
 * The text of a source, decoded in the encoding its first bytes that are not plain ASCII show (see encoding.ts);
 * the byte-order mark dropped. stderr says which encoding was used when it is not UTF-8, and where a UTF-8 text
 * first has a byte that is not UTF-8 (read as U+FFFD). Bytes that are no text at all are a usage error.
 */
export async function* textOf(source: Source, io: CliIo, lang: Lang): AsyncGenerator<string> {
  let decode: ((chunk: Buffer) => string) | undefined;
  let finish = () => '';
  const warnings: string[] = [];
  let atStart = true;
  for await (const bytes of source.bytes) {
    // Plain ASCII (with no zero byte, which only UTF-16 has) reads the same in every encoding: decide at the first
    // chunk that is not.
    if (!decode && isAscii(bytes) && !bytes.includes(0)) {
      atStart = false;
      yield bytes.toString('latin1');
      continue;
    }
    let chunk = bytes;
    if (!decode) {
      const detected = detectEncoding(bytes, atStart);
      if (!detected) throw usageError(lang, 'cli_err_not_text', source.name);
      const { encoding, bom } = detected;
      if (encoding === 'utf-8') {
        const utf8 = new Utf8Decoder((offset) => warnings.push(t(lang, 'cli_warn_stray_bytes', source.name, offset)));
        decode = (next) => utf8.decode(next);
        finish = () => utf8.end();
      } else {
        await emit(io.stderr, `${t(lang, 'cli_note_encoding', source.name, ENCODING_NAMES[encoding])}\n`);
        const decoder = new TextDecoder(encoding, { ignoreBOM: true });
        decode = (next) => decoder.decode(next, { stream: true });
        finish = () => decoder.decode();
      }
      chunk = bytes.subarray(bom);
    }
    const text = decode(chunk);
    for (const warning of warnings.splice(0)) await emit(io.stderr, `${warning}\n`);
    if (text) yield text;
  }
  const rest = finish();
  for (const warning of warnings.splice(0)) await emit(io.stderr, `${warning}\n`);
  if (rest) yield rest;
}

/**
 * No line is longer than this many characters (64 Mi): far beyond any real export, well below what one string can
 * hold (a 600 MB line would otherwise end the process).
 */
export const MAX_LINE = 64 * 1024 * 1024;

const LINE_BREAK = /\r\n|\n|\r/;

/** The lines of a text (LF, CRLF or CR), in one batch per chunk; a line over MAX_LINE is a usage error. */
export async function* lineBatches(texts: AsyncIterable<string>, name: string, lang: Lang): AsyncGenerator<string[]> {
  let pending: string[] = [];
  let pendingLength = 0;
  let count = 0;
  /** The chunk before ended in CR: a LF starting this one belongs to it. */
  let afterCr = false;
  const tooLong = () => usageError(lang, 'cli_err_line_long', name, count + 1, MAX_LINE);
  for await (let text of texts) {
    if (afterCr && text.startsWith('\n')) text = text.slice(1);
    afterCr = text.endsWith('\r');
    const parts = text.split(LINE_BREAK);
    if (parts.length === 1) {
      pendingLength += text.length;
      if (pendingLength > MAX_LINE) throw tooLong();
      pending.push(text);
      continue;
    }
    const last = parts.pop()!;
    if (pending.length > 0) {
      if (pendingLength + parts[0]!.length > MAX_LINE) throw tooLong();
      pending.push(parts[0]!);
      parts[0] = pending.join('');
    }
    for (const part of parts) {
      if (part.length > MAX_LINE) throw tooLong();
      count++;
    }
    pending = last ? [last] : [];
    pendingLength = last.length;
    if (pendingLength > MAX_LINE) throw tooLong();
    yield parts;
  }
  if (pending.length > 0) yield [pending.join('')];
}

/** The lines of FILE (or stdin), in batches; never the whole file in memory. */
export async function openLines(file: string | undefined, io: CliIo, lang: Lang): Promise<AsyncIterable<string[]>> {
  const source = await openSource(file, io, lang);
  return lineBatches(textOf(source, io, lang), source.name, lang);
}

/** Progress on stderr for long inputs, so stdout stays clean for the report. */
export class Progress {
  static readonly EVERY = 10_000;
  private count = 0;
  constructor(
    private readonly io: CliIo,
    private readonly lang: Lang,
  ) {}

  /** Counts `n` more lines, reporting each multiple of EVERY passed. */
  async tick(n = 1): Promise<void> {
    const before = Math.floor(this.count / Progress.EVERY);
    this.count += n;
    for (let step = before + 1; step <= Math.floor(this.count / Progress.EVERY); step++) {
      await emit(this.io.stderr, `${t(this.lang, 'cli_progress', step * Progress.EVERY)}\n`);
    }
  }
}
