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

/** Collects text and hands it over in one piece. */
export class Held {
  private parts: string[] = [];
  push(...texts: string[]): void {
    this.parts.push(...texts);
  }
  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    return text;
  }
}
