// A report written as text (JSON lines, a table, CSV, HTML): built row by row and written once per batch, so a
// million rows cost a few thousand writes.
import type { JudgedLink } from '../core/types';
import type { Input } from './inputs';

export interface TextReport {
  add(input: Input, judged: JudgedLink[]): void;
  /** The output added since the last call. */
  take(): string;
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
