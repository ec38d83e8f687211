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

/** Splits lines into records. Feed every line, then call `end()`. */
export class CsvReader {
  private cells: string[] = [];
  private cell = '';
  private quoted = false;
  private start = 0;

  /** The record this line completes, or null while a quoted cell continues on the next line. */
  push(text: string, line: number): CsvRecord | null {
    if (!this.quoted) this.start = line;
    else this.cell += '\n';
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (this.quoted) {
        if (ch !== '"') this.cell += ch;
        else if (text[i + 1] === '"') {
          this.cell += '"';
          i++;
        } else this.quoted = false;
      } else if (ch === '"' && this.cell === '') this.quoted = true;
      else if (ch === ',') {
        this.cells.push(this.cell);
        this.cell = '';
      } else this.cell += ch;
    }
    if (this.quoted) return null;
    const record = { cells: [...this.cells, this.cell], line: this.start };
    this.cells = [];
    this.cell = '';
    return record;
  }

  end(): void {
    if (this.quoted) throw new UnclosedQuoteError(this.start);
  }
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV line (with CRLF, as Excel and WPS write it). */
export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells
    .map((value) => {
      const text = String(value);
      return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\r\n`;
}
