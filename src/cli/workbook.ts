// .xlsx/.xlsm product-list exports read with exceljs's streaming WorkbookReader, row by row, so a 200,000-row
// export never sits in memory whole. A sheet's hyperlinks are listed after its rows (and their targets in another
// part of the zip), so a first pass collects them and a second pass reads the rows: a cell showing "链接" whose
// hyperlink is a URL is judged on the URL.
import type { Readable } from 'node:stream';
import { loadExcel, loadUnzipper, type Excel, type Unzipper } from './exceljs';

/** What went wrong with a workbook, said for the person who gave it (the caller adds the file name). */
export class WorkbookError extends Error {}

interface SheetRow {
  /** The row number the spreadsheet shows. */
  number: number;
  /** Column A first; an empty cell is "". */
  cells: string[];
  /** The same cells for a report to repeat: numbers stay numbers. */
  values: (string | number)[];
}

export interface OpenedSheet {
  /** Every sheet's name, in tab order. */
  sheets: string[];
  /** The sheet being read. */
  name: string;
  rows: AsyncGenerator<SheetRow>;
}

/** The first bytes of a zip (every .xlsx), and of an OLE compound file (an encrypted .xlsx, or an old .xls). */
export const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export const isWorkbookName = (file: string) => /\.xls[xm]$/i.test(file);

interface StreamEvent {
  eventType: string;
  // biome-ignore lint/suspicious/noExplicitAny: exceljs emits untyped parse events; each use narrows them
  value: any;
}
type Part = Readable;
/** The parts of exceljs's streaming reader used here; its typings describe neither `parse()`, these fields, nor the
 *  part parsers `parse()` is made of. */
interface Reader {
  parse(): AsyncIterable<StreamEvent>;
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  on(event: 'entry', listener: (entry: { type: string; id: string }) => void): void;
  _parseRels(part: Part): Promise<void>;
  _parseWorkbook(part: Part): Promise<void>;
  _parseSharedStrings(part: Part): AsyncIterable<StreamEvent>;
  _parseWorksheet(part: Part, sheet: string): Iterable<StreamEvent>;
  _parseHyperlinks(part: Part, sheet: string): Iterable<StreamEvent>;
}

interface Libraries {
  Excel: Excel;
  unzipper: Unzipper;
}

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * exceljs's reader, taking the zip's parts in the order they depend on each other. Its own parse() reads the zip in
 * one pass in stored order, and on Node 20 that pass loses the last parts of about one read in fifty (exceljs issue
 * 3064: most writers store workbook.xml and sharedStrings.xml after the sheets): "no sheet", or cells without their
 * text. Here the central directory says where each part is, as the upstream fix (exceljs PR 3065) does: the
 * workbook's relations, the workbook, the shared strings, then each sheet (or `only` that one) and its hyperlinks, a
 * sheet still read row by row.
 */
function reader({ Excel, unzipper }: Libraries, path: string, hyperlinks: 'emit' | 'ignore', only?: string): Reader {
  const read = new Excel.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks,
    styles: 'ignore',
    entries: 'emit',
  }) as unknown as Reader;
  read.parse = async function* () {
    const parts = new Map((await unzipper.Open.file(path)).files.map((file) => [file.path, file]));
    // A part left half read (the caller stopped early) is closed, and what it would still say is of no interest.
    const opened: Readable[] = [];
    const open = (name: string) => {
      const part = parts.get(name)?.stream() as Readable | undefined;
      if (part) opened.push(part);
      return part;
    };
    try {
      const rels = open('xl/_rels/workbook.xml.rels');
      if (rels) await read._parseRels(rels);
      const book = open('xl/workbook.xml');
      if (book) await read._parseWorkbook(book);
      const strings = open('xl/sharedStrings.xml');
      if (strings) yield* read._parseSharedStrings(strings);
      const sheets = [...parts.keys()]
        .flatMap((name) => SHEET_PART.exec(name)?.[1] ?? [])
        .filter((sheet) => (only ?? sheet) === sheet);
      for (const sheet of sheets.sort((a, b) => Number(a) - Number(b))) {
        yield* read._parseWorksheet(open(`xl/worksheets/sheet${sheet}.xml`)!, sheet);
        const links = hyperlinks === 'emit' && open(`xl/worksheets/_rels/sheet${sheet}.xml.rels`);
        if (links) yield* read._parseHyperlinks(links, sheet);
      }
    } finally {
      for (const part of opened) part.on('error', () => {}).destroy();
    }
  };
  return read;
}

/** A `file:` number (xl/worksheets/sheetN.xml) per tab, in tab order. */
function tabs(read: Reader): { name: string; file: string }[] {
  const rels = new Map((read.workbookRels ?? []).map((rel) => [rel.Id, rel.Target]));
  return (read.model?.sheets ?? []).map((sheet) => ({
    name: sheet.name,
    file: /sheet(\d+)\.xml$/.exec(rels.get(sheet.rId) ?? '')?.[1] ?? '',
  }));
}

/** Pass 1: the sheets in tab order, and each sheet's hyperlinks (cell reference → target). */
async function survey(libraries: Libraries, path: string) {
  const read = reader(libraries, path, 'emit');
  let entry = '';
  read.on('entry', (next) => {
    entry = next.id;
  });
  /** Per sheet file: cell reference → relationship id; per sheet file: relationship id → target. */
  const refs = new Map<string, Map<string, string>>();
  const targets = new Map<string, Map<string, string>>();
  for await (const { eventType, value } of read.parse()) {
    const file = entry;
    if (eventType === 'worksheet') {
      const found = new Map<string, string>();
      refs.set(file, found);
      for await (const events of value.parse() as AsyncIterable<StreamEvent[]>) {
        for (const event of events) if (event.eventType === 'hyperlink') found.set(event.value.ref, event.value.rId);
      }
    } else if (eventType === 'hyperlinks') {
      const found = new Map<string, string>();
      targets.set(file, found);
      value.on('hyperlink', (rel: { rId: string; target: string }) => found.set(rel.rId, rel.target));
      await value.read();
    }
  }
  const links = new Map<string, Map<string, string>>();
  for (const [file, cells] of refs) {
    const byId = targets.get(file);
    const resolved = new Map<string, string>();
    for (const [ref, rId] of cells) {
      const target = byId?.get(rId);
      if (target) resolved.set(ref, target);
    }
    links.set(file, resolved);
  }
  return { tabs: tabs(read), links };
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `HYPERLINK("url", "label")`'s URL. */
const HYPERLINK_FORMULA = /^\s*HYPERLINK\(\s*"([^"]*)"/i;

/** A cell's value as the text to judge: rich text joined, numbers as written, a hyperlink's URL beside its label. */
export function cellText(value: unknown, hyperlink?: string): string {
  let text: string;
  let link = hyperlink;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else if (value instanceof Date) text = value.toISOString().replace(/T00:00:00\.000Z$/, '');
  else if (typeof value === 'object') {
    const cell = value as {
      richText?: { text: string }[];
      text?: unknown;
      hyperlink?: string;
      formula?: string;
      sharedFormula?: string;
      result?: unknown;
      error?: string;
    };
    if (cell.richText) text = cell.richText.map((run) => run.text).join('');
    else if (cell.formula !== undefined || cell.sharedFormula !== undefined) {
      text = cellText(cell.result);
      link ??= HYPERLINK_FORMULA.exec(cell.formula ?? '')?.[1];
    } else if (cell.text !== undefined) {
      text = cellText(cell.text);
      link ??= cell.hyperlink;
    } else text = '';
  } else text = '';
  return link && !text.includes(link) ? (text ? `${text} ${link}` : link) : text;
}

function chosen(all: { name: string; file: string }[], sheet: string | undefined) {
  if (all.length === 0) throw new WorkbookError('no sheet');
  if (sheet === undefined) return all[0]!;
  const byName = all.find((tab) => tab.name === sheet) ?? all.find((tab) => tab.name.trim() === sheet.trim());
  if (byName) return byName;
  if (/^\d+$/.test(sheet) && Number(sheet) >= 1 && Number(sheet) <= all.length) return all[Number(sheet) - 1]!;
  return undefined;
}

/**
 * Opens one sheet of the workbook at `path`: `sheet` by name or 1-based tab number, else the first. A missing sheet
 * is a WorkbookError naming the sheets there are; a file exceljs cannot read, one naming what it said.
 */
export async function openSheet(path: string, head: Buffer, sheet: string | undefined): Promise<OpenedSheet> {
  if (head.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC)) throw new WorkbookError('encrypted');
  if (!head.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) throw new WorkbookError('not a zip');
  const libraries = { Excel: await loadExcel(), unzipper: await loadUnzipper() };
  let surveyed: Awaited<ReturnType<typeof survey>>;
  try {
    surveyed = await survey(libraries, path);
  } catch (error) {
    throw new WorkbookError(`unreadable: ${(error as Error).message}`);
  }
  const names = surveyed.tabs.map((tab) => tab.name);
  const tab = chosen(surveyed.tabs, sheet);
  if (!tab) throw Object.assign(new WorkbookError('no such sheet'), { sheets: names });
  const links = surveyed.links.get(tab.file) ?? new Map<string, string>();
  async function* rows(): AsyncGenerator<SheetRow> {
    for await (const { eventType, value } of reader(libraries, path, 'ignore', tab!.file).parse()) {
      if (eventType !== 'worksheet') continue;
      for await (const row of value as AsyncIterable<{ number: number; values: unknown[] }>) {
        const values = row.values;
        const cells: string[] = [];
        const kept: (string | number)[] = [];
        for (let column = 1; column < values.length; column++) {
          const link = links.size > 0 ? links.get(`${columnLetters(column)}${row.number}`) : undefined;
          const text = cellText(values[column], link);
          cells.push(text);
          kept.push(typeof values[column] === 'number' ? (values[column] as number) : text);
        }
        yield { number: row.number, cells, values: kept };
      }
    }
  }
  return { sheets: names, name: tab.name, rows: rows() };
}
