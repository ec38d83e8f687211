// A report written as text (JSON lines, a table, CSV, HTML): built row by row and written once per batch, so a
// million rows cost a few thousand writes.
import type { JudgedLink } from '../core/types';
import type { Input } from './inputs';

export interface TextReport {
  add(input: Input, judged: JudgedLink[]): void;
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

  /** Text of ASCII characters only (a line number): one byte each. */
  pushAscii(text: string): void {
    this.reserve(text.length);
    this.length += this.buffer.write(text, this.length, 'latin1');
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
