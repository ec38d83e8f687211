// RFC 4180 CSV, both ways, streaming: records may span lines (quoted cells with newlines), so lines are fed in
// one at a time and a record comes out once its quotes are balanced.

export interface CsvRecord {
  cells: string[];
  /** 1-based line of the input where the record starts (the row number a spreadsheet shows). */
  line: number;
}

/** Thrown when the input ends inside a quoted cell. */
export class UnclosedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`unclosed quote from line ${line}`);
  }
}

/**
 * A record still open after this many characters (1 Mi; a spreadsheet cell holds at most 32,767) is a stray
 * quote, not data: without a cap it would hold the rest of the file in memory.
 */
export const MAX_RECORD = 1 << 20;

/** Thrown when a quoted cell runs past MAX_RECORD characters. */
export class RecordTooLongError extends Error {
  constructor(readonly line: number) {
    super(`record from line ${line} over ${MAX_RECORD} characters`);
  }
}

/** Splits lines into records. Feed every line, then call `end()`. */
export class CsvReader {
  private cells: string[] = [];
  private cell = '';
  private quoted = false;
  private start = 0;
  /** Characters held for the record being read. */
  private held = 0;

  /** The record this line completes, or null while a quoted cell continues on the next line. */
  push(text: string, line: number): CsvRecord | null {
    if (!this.quoted) {
      this.start = line;
      // Most rows have no quotes at all.
      if (!text.includes('"')) return { cells: text.split(','), line };
    } else this.cell += '\n';
    let i = 0;
    while (i < text.length) {
      if (this.quoted) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          this.cell += text.slice(i);
          break;
        }
        this.cell += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          this.cell += '"';
          i = quote + 2;
        } else {
          this.quoted = false;
          i = quote + 1;
        }
        continue;
      }
      if (this.cell === '' && text[i] === '"') {
        this.quoted = true;
        i++;
        continue;
      }
      const comma = text.indexOf(',', i);
      if (comma < 0) {
        this.cell += text.slice(i);
        break;
      }
      this.cells.push(this.cell + text.slice(i, comma));
      this.cell = '';
      i = comma + 1;
    }
    if (this.quoted) {
      this.held += text.length + 1;
      if (this.held > MAX_RECORD) throw new RecordTooLongError(this.start);
      return null;
    }
    const record = { cells: [...this.cells, this.cell], line: this.start };
    this.cells = [];
    this.cell = '';
    this.held = 0;
    return record;
  }

  end(): void {
    if (this.quoted) throw new UnclosedQuoteError(this.start);
  }
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** What Excel, WPS and LibreOffice read as the start of a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV line (with CRLF, as Excel and WPS write it). A text cell a spreadsheet would run as a formula
 * (`=HYPERLINK(…)`, `@SUM(…)`) gets a leading apostrophe, which shows it as the text it is.
 */
export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells
    .map((value) => {
      const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
      return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\r\n`;
}
