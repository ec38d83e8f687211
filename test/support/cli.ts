// Runs the command line in-process on fake streams, as a user's shell would run it.
import { Readable } from 'node:stream';
import { main, type CliIo } from '../../src/cli/cartlint';

export interface RunOptions {
  /** stdin, as one chunk or as the chunks a pipe would deliver. */
  stdin?: string | Buffer | Buffer[];
  tty?: boolean;
  env?: Record<string, string>;
  stdout?: CliIo['stdout'];
}

/** What a Writer was given, as text (a command writes text or UTF-8 bytes, each chunk whole lines). */
export const chunkText = (chunk: string | Uint8Array) =>
  typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');

export async function runCli(argv: string[], { stdin = '', tty = false, env = {}, stdout }: RunOptions = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const chunks = Array.isArray(stdin) ? stdin : [typeof stdin === 'string' ? Buffer.from(stdin) : stdin];
  const io: CliIo = {
    stdin: Readable.from(chunks),
    stdout: stdout ?? { write: (chunk) => (out.push(chunkText(chunk)), true), isTTY: tty },
    stderr: { write: (chunk) => (err.push(chunkText(chunk)), true) },
    env,
    now: new Date('2026-11-23T01:00:00+08:00'),
  };
  const code = await main(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

export const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
