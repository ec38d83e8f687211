// What `cartlint check` judges: the lines of a text, or the rows of a table (a CSV export, or a sheet of an .xlsx
// workbook). A table's header row is the first row that has the columns asked for, so title rows above it
// ("快手小店 商品导出 2026-12-01") are skipped; the cells of the columns asked for are judged together (a title
// column can hold a 淘口令, a link column the link), or every cell when none is asked for.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Lang } from '../core/types';
import { t } from '../i18n';
import { columnNumber } from './columns';
import { HtmlTableReader } from './html-table';
import { CsvReader, delimiterOf, MAX_RECORD, RecordTooLongError, shownText, UnclosedQuoteError } from './csv';
import { emit, lineBatches, textOf, usageError, type CliIo, type Source } from './io';
import type { Memo } from './memo';
import type { Judged } from './report';
import { type CellValue, openSheet, WorkbookError } from './workbook';

/** One thing to judge: a text line, or the chosen cells of a table row. */
export interface Input {
  text: string;
  /** Line of the text, or the row number a spreadsheet shows. */
  line: number;
  /** The texts judged one by one (a table row's chosen cells); `text` alone when absent. */
  parts?: string[];
  /** A table row's cells as text. */
  cells?: string[];
  /** A table row's cells as they came, for reports that repeat the row (a workbook's numbers stay numbers). */
  values?: CellValue[];
  /** A text line comes judged (see textInputs); a table row is judged by its cells. */
  judged?: Judged;
}

/** The header row of a table, once found. */
export interface Layout {
  header: string[];
}

interface TableRow {
  line: number;
  cells: string[];
  values?: CellValue[];
}

/** Where the table came from, for messages. */
interface Where {
  file: string;
  sheet?: string;
}

/** How far down title rows may push the header. */
const HEADER_SEARCH = 50;
/** Rows handed on together: one await per batch, not per row. */
const BATCH = 1000;

/** A text's lines as inputs, each judged as it is read (a repeated line by the memo, once). */
export async function* textInputs(batches: AsyncIterable<string[]>, judge: Memo<Judged>): AsyncGenerator<Input[]> {
  let line = 0;
  for await (const batch of batches) yield batch.map((text) => ({ text, line: ++line, judged: judge.get(text) }));
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
/** `-c 3` or `-c C`: a column by number or letters (inside the table), unless the header has a column of that name. */
const POSITION = /^(?:\d+|[A-Z]{1,3})$/;

function positionOf(spec: string): number {
  return (/^\d+$/.test(spec) ? Number(spec) : columnNumber(spec)) - 1;
}

const filled = (cells: string[]) => cells.filter((cell) => cell.trim() !== '').length;

const named = (specs: readonly string[]) => specs.filter((spec) => !POSITION.test(spec));

/**
 * Is this the header row? Every column asked for by name is in it; with none named, it has two cells or more
 * (a title row has one).
 */
function isHeader(cells: string[], specs: readonly string[]): boolean {
  const names = named(specs);
  if (names.length > 0) return names.every((spec) => cells.some((cell) => same(cell, spec)));
  return filled(cells) >= 2;
}

function columnsOf(header: string[], specs: readonly string[], where: Where, lang: Lang): number[] {
  return specs.map((spec) => {
    const byName = header.findIndex((cell) => same(cell, spec));
    if (byName >= 0) return byName;
    if (!POSITION.test(spec)) throw missing(spec, header, where, lang);
    const index = positionOf(spec);
    if (/^\d+$/.test(spec)) {
      if (index < 0 || index >= header.length)
        throw usageError(lang, 'cli_err_column_index', spec, where.file, header.length);
      return index;
    }
    // Letters beyond the table's width are a header name that is not there (`-c ID`, `-c SKU`), not a column
    // far to the right: judging that column would judge nothing, and say nothing.
    if (index >= header.length) throw missing(spec, header, where, lang);
    return index;
  });
}

/** The first column asked for by name that `cells` lacks. */
const unmatched = (cells: string[], specs: readonly string[]) =>
  named(specs).find((spec) => !cells.some((cell) => same(cell, spec))) ?? specs[0]!;

function missing(spec: string, header: string[], where: Where, lang: Lang) {
  const found = header.filter((cell) => cell.trim() !== '').join(', ');
  return where.sheet === undefined
    ? usageError(lang, 'cli_err_column_missing', spec, where.file, found)
    : usageError(lang, 'cli_err_column_missing_sheet', spec, where.file, where.sheet, found);
}

/** The rows under the header as inputs; the header row goes to `layout`. */
async function* tableInputs(
  rows: AsyncIterable<TableRow[]>,
  specs: readonly string[],
  where: Where,
  layout: Layout,
  lang: Lang,
): AsyncGenerator<Input[]> {
  let columns: number[] | null | undefined;
  /** Rows above the header while it is looked for. */
  const above: TableRow[] = [];
  const toInput = ({ line, cells, values }: TableRow): Input => {
    const parts = columns ? columns.map((index) => cells[index] ?? '') : cells;
    return { text: parts.join(' '), parts, line, cells, values: values ?? cells };
  };
  /** The header is `row`; rows after it that were held while looking come out as inputs. */
  const found = (row: TableRow, after: TableRow[]): Input[] => {
    layout.header = row.cells;
    columns = specs.length > 0 ? columnsOf(row.cells, specs, where, lang) : null;
    return after.map(toInput);
  };
  /** Not found: with nothing asked by name, the first row that is not empty is the header after all. */
  const fallback = (): Input[] => {
    if (named(specs).length > 0) {
      const widest = above.reduce((a, b) => (filled(b.cells) > filled(a.cells) ? b : a), above[0]!);
      throw missing(unmatched(widest.cells, specs), widest.cells, where, lang);
    }
    const first = above.findIndex((row) => filled(row.cells) > 0);
    return found(above[first]!, above.slice(first + 1));
  };
  for await (const batch of rows) {
    const inputs: Input[] = [];
    for (const row of batch) {
      if (columns !== undefined) inputs.push(toInput(row));
      else if (isHeader(row.cells, specs)) inputs.push(...found(row, []));
      else if (above.push(row) >= HEADER_SEARCH) inputs.push(...fallback());
    }
    if (inputs.length > 0) yield inputs;
  }
  if (columns === undefined) {
    if (!above.some((row) => filled(row.cells) > 0)) {
      throw where.sheet === undefined
        ? usageError(lang, 'cli_err_empty_csv', where.file)
        : usageError(lang, 'cli_err_sheet_empty', where.file, where.sheet);
    }
    const rest = fallback();
    if (rest.length > 0) yield rest;
  }
}

/** Lines looked at to tell a table's delimiter: its title rows and header, and rows under them. */
const SNIFF_LINES = HEADER_SEARCH + 10;
const DELIMITER_NAMES = {
  '\t': 'cli_delimiter_tab',
  ';': 'cli_delimiter_semicolon',
  '|': 'cli_delimiter_bar',
} as const;

async function* csvRows(
  batches: AsyncIterable<string[]>,
  specs: readonly string[],
  io: CliIo,
  file: string,
  lang: Lang,
): AsyncGenerator<TableRow[]> {
  let reader: CsvReader | undefined;
  let line = 0;
  const read = (lines: readonly string[]) => {
    const rows: TableRow[] = [];
    for (const text of lines) {
      const record = reader!.push(text, ++line);
      if (record) rows.push({ line: record.line, cells: record.cells.map(shownText) });
    }
    return rows;
  };
  /** The delimiter, from the first lines (see delimiterOf); said on stderr when it is not the comma. */
  const start = async (first: string[]) => {
    const { delimiter, hinted } = delimiterOf(first, (cells) => named(specs).length > 0 && isHeader(cells, specs));
    reader = new CsvReader(delimiter);
    if (delimiter !== ',')
      await emit(io.stderr, `${t(lang, 'cli_note_delimiter', file, t(lang, DELIMITER_NAMES[delimiter]))}\n`);
    if (hinted) line++; // `sep=;`: Excel's hint, not a row
    return hinted ? first.slice(1) : first;
  };
  const first: string[] = [];
  try {
    for await (const batch of batches) {
      if (reader) {
        yield read(batch);
        continue;
      }
      first.push(...batch);
      if (first.length >= SNIFF_LINES) yield read(await start(first));
    }
    if (!reader) yield read(await start(first));
    reader!.end();
  } catch (error) {
    if (error instanceof UnclosedQuoteError) throw usageError(lang, 'cli_err_csv_quote', file, error.line);
    if (error instanceof RecordTooLongError)
      throw usageError(lang, 'cli_err_csv_record_long', file, error.line, MAX_RECORD);
    throw error;
  }
}

async function* htmlRows(batches: AsyncIterable<string[]>, file: string, lang: Lang): AsyncGenerator<TableRow[]> {
  const reader = new HtmlTableReader();
  let any = false;
  for await (const batch of batches) {
    const rows = reader.push(`${batch.join('\n')}\n`);
    any ||= rows.length > 0;
    yield rows;
  }
  const rows = reader.end();
  if (!any && rows.length === 0) throw usageError(lang, 'cli_err_web_page', file);
  yield rows;
}

/**
 * A table in a text file as inputs: a CSV's rows (any delimiter, see csvRows), or the rows of a web page's tables
 * (an HTML "export to Excel"), under the same header search.
 */
export function textTableInputs(
  source: Source,
  kind: 'csv' | 'html',
  specs: readonly string[],
  layout: Layout,
  io: CliIo,
  lang: Lang,
): AsyncGenerator<Input[]> {
  const batches = lineBatches(textOf(source, io, lang), source.name, lang);
  const rows = kind === 'csv' ? csvRows(batches, specs, io, source.name, lang) : htmlRows(batches, source.name, lang);
  return tableInputs(rows, specs, { file: source.name }, layout, lang);
}

/** A workbook on stdin goes to a temporary file first: the reader needs to read it twice. */
async function asFile(source: Source): Promise<{ path: string; done: () => Promise<void> }> {
  if (source.name !== '-') {
    // The workbook is read from its path: the stream its first bytes came from closes here, not at garbage collection.
    for await (const _ of source.bytes) break;
    return { path: source.name, done: async () => {} };
  }
  const dir = await mkdtemp(join(tmpdir(), 'cartlint-'));
  const path = join(dir, 'stdin.xlsx');
  await pipeline(Readable.from(source.bytes), createWriteStream(path));
  return { path, done: () => rm(dir, { recursive: true, force: true }) };
}

export async function sheetInputs(
  source: Source,
  head: Buffer,
  sheet: string | undefined,
  specs: readonly string[],
  layout: Layout,
  lang: Lang,
): Promise<AsyncGenerator<Input[]>> {
  const { path, done } = await asFile(source);
  let opened: Awaited<ReturnType<typeof openSheet>>;
  try {
    opened = await openSheet(path, head, sheet);
  } catch (error) {
    await done();
    if (!(error instanceof WorkbookError)) throw error;
    const sheets = (error as WorkbookError & { sheets?: string[] }).sheets;
    if (sheets) throw usageError(lang, 'cli_err_sheet_missing', sheet ?? '', source.name, sheets.join(', '));
    if (error.message === 'encrypted') throw usageError(lang, 'cli_err_workbook_encrypted', source.name);
    throw usageError(lang, 'cli_err_workbook', source.name, error.message);
  }
  async function* rows(): AsyncGenerator<TableRow[]> {
    let batch: TableRow[] = [];
    try {
      for await (const row of opened.rows) {
        batch.push({ line: row.number, cells: row.cells, values: row.values });
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } catch (error) {
      // The rows read before the damage are judged and reported all the same.
      if (batch.length > 0) yield batch;
      if (error instanceof WorkbookError && error.message === 'cut short')
        throw usageError(lang, 'cli_err_workbook_cut', source.name, opened.name);
      throw usageError(lang, 'cli_err_workbook', source.name, (error as Error).message);
    } finally {
      await done();
    }
  }
  return tableInputs(rows(), specs, { file: source.name, sheet: opened.name }, layout, lang);
}
