// What the command line touches of the outside world, passed in so tests run main() in-process with fake streams.
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { langFromLocale, t, type MessageKey } from '../i18n';
import type { Lang } from '../core/types';

export interface Writer {
  write(chunk: string): boolean;
  /** Present on real streams: lets output wait instead of buffering a 1 GB report in memory. */
  once?(event: 'drain', listener: () => void): unknown;
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
export class UsageError extends Error {
  constructor(
    message: string,
    /** The subcommand whose --help to point at. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** Writes and, when the stream is full, waits for it to drain. */
export async function emit(out: Writer, text: string): Promise<void> {
  if (!out.write(text) && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
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

/** UTF-8 unless these bytes cannot be UTF-8 (a sequence cut at the chunk's end is fine). */
function encodingOf(bytes: Uint8Array): 'utf-8' | 'gbk' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/**
 * Text of a file or stdin, decoded as UTF-8 — or as GBK when the first non-ASCII bytes are not UTF-8, since Excel
 * and WPS on Chinese Windows save "CSV" in GBK. The byte-order mark is dropped.
 */
async function* decoded(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    // Plain ASCII reads the same in both encodings: decide at the first byte that is not.
    if (!decoder && bytes.every((byte) => byte < 0x80)) {
      yield bytes.toString('latin1');
      continue;
    }
    decoder ??= new TextDecoder(encodingOf(bytes));
    yield decoder.decode(bytes, { stream: true });
  }
  const rest = decoder?.decode() ?? '';
  if (rest) yield rest;
}

/**
 * The lines of FILE (or stdin when FILE is absent or "-"), one at a time; never the whole file in memory.
 * A file that cannot be read is a usage error, found before any output is written.
 */
export async function openLines(file: string | undefined, io: CliIo, lang: Lang): Promise<AsyncIterable<string>> {
  let source: NodeJS.ReadableStream = io.stdin;
  if (file !== undefined && file !== '-') {
    try {
      const handle = await open(file, 'r');
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      }
      source = handle.createReadStream();
    } catch (error) {
      throw usageError(lang, 'cli_err_read', file, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
    }
  }
  const text = Readable.from(decoded(source as AsyncIterable<Buffer | string>));
  return createInterface({ input: text, crlfDelay: Infinity });
}

/** Progress on stderr for long inputs, so stdout stays clean for the report. */
export class Progress {
  static readonly EVERY = 10_000;
  private count = 0;
  constructor(
    private readonly io: CliIo,
    private readonly lang: Lang,
  ) {}

  async tick(): Promise<void> {
    this.count++;
    if (this.count % Progress.EVERY === 0) await emit(this.io.stderr, `${t(this.lang, 'cli_progress', this.count)}\n`);
  }
}
