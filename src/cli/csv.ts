// RFC 4180 CSV, both ways, streaming: records may span lines (quoted cells with newlines), so lines are fed in
// one at a time and a record comes out once its quotes are balanced. Read with the delimiter the file uses (a tab
// in Excel's "Unicode text" and WPS's tab-separated text, a semicolon where the comma is the decimal mark).

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
  constructor(private readonly delimiter = ',') {}

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
      if (!text.includes('"')) return { cells: text.split(this.delimiter), line };
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
      const delimiter = text.indexOf(this.delimiter, i);
      if (delimiter < 0) {
        this.cell += text.slice(i);
        break;
      }
      this.cells.push(this.cell + text.slice(i, delimiter));
      this.cell = '';
      i = delimiter + 1;
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

/**
 * `="00123"`: how exports keep a cell that a spreadsheet would read as a number (long IDs, leading zeros) as text.
 * The cell is the text a spreadsheet shows.
 */
const FORCED_TEXT = /^="((?:[^"]|"")*)"$/s;
export function shownText(cell: string): string {
  const forced = cell.startsWith('="') ? FORCED_TEXT.exec(cell) : null;
  return forced ? forced[1]!.replace(/""/g, '"') : cell;
}

/** The delimiters a product list is found with, the usual first. */
export const DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Excel's hint on a file's first line: `sep=;`. */
const HINT = /^sep=(.)$/i;

/**
 * The delimiter of a table whose first lines are `lines`, and whether the first line is the `sep=` hint (to be
 * skipped). Without a hint: the delimiter under which a line holds the columns asked for by name (`named`; a line
 * that holds them whole is a one-column table, read with commas), else one that splits most lines into one width:
 * a title with a `|` or a `;` in it (面膜|补水) does not make a one-column list a table of two.
 */
export function delimiterOf(
  lines: readonly string[],
  named: (cells: string[]) => boolean,
): { delimiter: Delimiter; hinted: boolean } {
  const hint = HINT.exec(lines[0] ?? '')?.[1];
  const known = DELIMITERS.find((delimiter) => delimiter === hint);
  if (known) return { delimiter: known, hinted: true };
  const byName = DELIMITERS.find((delimiter) => lines.some((line) => named(cellsOf(line, delimiter))));
  if (byName) return { delimiter: byName, hinted: false };
  const filled = lines.filter((line) => line.trim() !== '').length;
  let best: Delimiter = ',';
  let bestScore = 1; // a width shared by one line is no table
  for (const delimiter of DELIMITERS) {
    const widths = new Map<number, number>();
    for (const line of lines) {
      const cells = cellsOf(line, delimiter).length;
      if (cells > 1) widths.set(cells, (widths.get(cells) ?? 0) + 1);
    }
    const score = Math.max(0, ...widths.values());
    // The comma needs no majority: it is what a .csv has unless most lines say otherwise.
    if (score > bestScore && (delimiter === ',' || score * 2 > filled)) [best, bestScore] = [delimiter, score];
  }
  return { delimiter: best, hinted: false };
}

/** A line's cells under `delimiter`, quotes as CSV reads them (a record cut by the line's end: what it has). */
const cellsOf = (line: string, delimiter: Delimiter) => new CsvReader(delimiter).push(line, 1)?.cells ?? [line];

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
