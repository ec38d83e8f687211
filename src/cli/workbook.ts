// .xlsx/.xlsm product-list exports read with exceljs's streaming WorkbookReader, row by row, so a 200,000-row
// export never sits in memory whole. A sheet's hyperlinks are listed after its rows (and their targets in another
// part of the zip), so a first pass finds the tabs and the chosen sheet's hyperlinks and a second pass reads the
// rows: a cell showing "链接" whose hyperlink is a URL is judged on the URL.
import { pipeline, type Readable, Transform } from 'node:stream';
import { cellAt, columnLetters } from './columns';
import { loadExcel, loadUnzipper, type Excel, type Unzipper } from './exceljs';
import { mendedPart, type PartKind, tagEnd } from './sheet-markup';

/** What went wrong with a workbook, said for the person who gave it (the caller adds the file name). */
export class WorkbookError extends Error {}

/** A cell as a report repeats it: a number or a date stays one. */
export type CellValue = string | number | Date;

interface SheetRow {
  /** The row number the spreadsheet shows. */
  number: number;
  /** Column A first; an empty cell is "". */
  cells: string[];
  /** The same cells for a report to repeat. */
  values: CellValue[];
}

export interface OpenedSheet {
  /** Every sheet's name, in tab order. */
  sheets: string[];
  /** The sheet being read. */
  name: string;
  rows: AsyncGenerator<SheetRow>;
}

/** The first bytes of a zip (every .xlsx), and of an OLE compound file (an encrypted .xlsx, or an old .xls). */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Whether a file starting with `head` is a workbook: a zip, or an OLE file (an encrypted .xlsx, an old .xls). */
export const isWorkbookHead = (head: Buffer) =>
  [ZIP_MAGIC, OLE_MAGIC].some((magic) => head.subarray(0, magic.length).equals(magic));

export const isWorkbookName = (file: string) => /\.xls[xm]$/i.test(file);

interface StreamEvent {
  eventType: string;
  // biome-ignore lint/suspicious/noExplicitAny: exceljs emits untyped parse events; each use narrows them
  value: any;
}
type Part = Readable;
/** The parts of exceljs's streaming reader used here; its typings describe neither these fields nor the part
 *  parsers its `parse()` is made of. */
interface Reader {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: Relation[];
  _parseRels(part: Part): Promise<void>;
  _parseWorkbook(part: Part): Promise<void>;
  _parseStyles(part: Part): Promise<void>;
  /** The number formats by id, once _parseStyles has read them. */
  styles?: { index?: { numFmt?: Record<number, string> } };
  _parseSharedStrings(part: Part): AsyncIterable<StreamEvent>;
  _parseWorksheet(part: Part, sheet: string): Iterable<StreamEvent>;
}

/**
 * The zip's parts by name, from its central directory; `close` ends those left half read. Part names are not case
 * sensitive (Open Packaging Conventions), and a relationship may spell one otherwise than the zip does.
 */
async function zipParts(unzipper: Unzipper, path: string) {
  const files = new Map((await unzipper.Open.file(path)).files.map((file) => [file.path.toLowerCase(), file]));
  const opened: Readable[] = [];
  return {
    /** The part's bytes; as `kind`, mended for exceljs's reader (sheet-markup.ts). */
    open(name: string, kind?: PartKind): Readable | undefined {
      const part = files.get(name.toLowerCase())?.stream() as Readable | undefined;
      if (!part) return undefined;
      opened.push(part);
      return kind ? mendedPart(part, kind) : part;
    },
    // A part left half read (the caller stopped early) is closed, and what it would still say is of no interest.
    close() {
      for (const part of opened) part.on('error', () => {}).destroy();
    },
  };
}
type Parts = Awaited<ReturnType<typeof zipParts>>;

/**
 * exceljs's reader, fed the zip's parts in the order they depend on each other. Its own parse() reads the zip in one
 * pass in stored order, and on Node 20 that pass loses the last parts of about one read in fifty (exceljs issue
 * 3064: most writers store workbook.xml and sharedStrings.xml after the sheets): "no sheet", or cells without their
 * text. Here the central directory says where each part is, as the upstream fix (exceljs PR 3065) does.
 */
function reader(Excel: Excel, path: string): Reader {
  return new Excel.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'emit',
    // The number formats say which numbers are dates (上架日期), shown as dates, not as day counts.
    styles: 'cache',
  }) as unknown as Reader;
}

/**
 * The built-in East Asian date and time formats (ECMA-376 numFmtId 27–36 and 50–58) as a Chinese Excel or WPS shows
 * them. A workbook names them by id only, and exceljs knows the ids of the Western ones alone: a date cell in one
 * (2026年11月1日) read as its day count.
 */
const EAST_ASIAN_DATES: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** A relationship's target as a part name: relative to the part `from` that names it, or from the root (`/xl/…`). */
function partName(from: string, target: string): string {
  const segments = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

/** The relations part of part `name`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
function relsOf(name: string): string {
  const slash = name.lastIndexOf('/');
  return `${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`;
}

/** A relationship as exceljs reads it. Its type is a URI ending in the kind (…/worksheet, …/hyperlink), in the
 *  transitional namespace or the Strict one (http://purl.oclc.org/ooxml/…). */
interface Relation {
  Id: string;
  Type?: string;
  Target: string;
}

const ofType = (relations: readonly Relation[], type: string) =>
  relations.filter((rel) => rel.Type?.endsWith(`/${type}`) && rel.Target);

/** The relationships of a rels part (exceljs's parser leaves them as its workbookRels). */
async function relationsOf(read: Reader, part: Readable | undefined): Promise<Relation[]> {
  if (!part) return [];
  read.workbookRels = [];
  await read._parseRels(part);
  return read.workbookRels ?? [];
}

interface Tab {
  name: string;
  /** The sheet's part: `xl/worksheets/sheet1.xml`, usually. */
  part: string;
  /** Its place among the tabs, from 1: exceljs's id for it. */
  id: string;
}

/**
 * The workbook's tabs and the part of its shared strings. The package's relations say where the workbook is, and
 * the workbook's where its sheets are: most writers name them xl/workbook.xml and xl/worksheets/sheetN.xml, not all.
 */
async function readBook(read: Reader, parts: Parts): Promise<{ tabs: Tab[]; strings: string; styles: string }> {
  const root = await relationsOf(read, parts.open('_rels/.rels'));
  const book = partName('', ofType(root, 'officeDocument')[0]?.Target ?? 'xl/workbook.xml');
  const relations = await relationsOf(read, parts.open(relsOf(book)));
  const bookPart = parts.open(book, 'markup');
  if (bookPart) await read._parseWorkbook(bookPart);
  const targets = new Map(relations.map((rel) => [rel.Id, rel.Target]));
  const tabs = (read.model?.sheets ?? []).map((sheet, index) => ({
    name: sheet.name,
    part: partName(book, targets.get(sheet.rId) ?? ''),
    id: String(index + 1),
  }));
  const named = (type: string, usual: string) => partName(book, ofType(relations, type)[0]?.Target ?? usual);
  return { tabs, strings: named('sharedStrings', 'sharedStrings.xml'), styles: named('styles', 'styles.xml') };
}

interface LinkRange {
  left: number;
  right: number;
  top: number;
  bottom: number;
  target: string;
}

/**
 * A sheet's hyperlinks by cell. One may cover a range (`B2:C2`: Excel's link on merged cells or on a selection);
 * in each row it links the first cell of the range that shows something (not the empty ones merged under it, and
 * the row has the link once). Rows are asked for in order, so the ranges are swept by their first row: each is
 * taken up and put down once.
 */
class CellLinks {
  private readonly cells = new Map<string, string>();
  private readonly ranges: LinkRange[] = [];
  private sorted = false;
  /** The ranges that may hold the row asked for last, and the next range (by first row) not taken up yet. */
  private open: LinkRange[] = [];
  private next = 0;
  private row = 0;
  /** The ranges that have linked a cell of that row. */
  private used = new Set<LinkRange>();

  get size(): number {
    return this.cells.size + this.ranges.length;
  }

  add(ref: string, target: string): void {
    const [from = '', to] = ref.split(':');
    const start = cellAt(from);
    const end = to === undefined ? start : cellAt(to);
    if (!start || !end) return;
    if (to === undefined) this.cells.set(`${columnLetters(start.column)}${start.row}`, target);
    else
      this.ranges.push({
        left: Math.min(start.column, end.column),
        right: Math.max(start.column, end.column),
        top: Math.min(start.row, end.row),
        bottom: Math.max(start.row, end.row),
        target,
      });
  }

  /** The target of the cell at `column` (from 1) and `row` (asked left to right): its own link, else a range's. */
  at(column: number, row: number, shown: boolean): string | undefined {
    const own = this.cells.size > 0 ? this.cells.get(`${columnLetters(column)}${row}`) : undefined;
    if (own !== undefined || !shown || this.ranges.length === 0) return own;
    if (!this.sorted) {
      this.ranges.sort((a, b) => a.top - b.top);
      this.sorted = true;
    }
    if (row < this.row) [this.open, this.next] = [[], 0]; // out of order: sweep again from the top
    if (row !== this.row) {
      this.row = row;
      this.used.clear();
      this.open = this.open.filter((range) => range.bottom >= row);
      for (; this.next < this.ranges.length && this.ranges[this.next]!.top <= row; this.next++)
        if (this.ranges[this.next]!.bottom >= row) this.open.push(this.ranges[this.next]!);
    }
    const range = this.open.find((each) => column >= each.left && column <= each.right && !this.used.has(each));
    if (range) this.used.add(range);
    return range?.target;
  }
}

/**
 * The hyperlinks of `tab`. Its relations part holds the targets; only when it has some is the sheet read for the
 * cells that carry them (listed after its rows).
 */
async function hyperlinksOf(read: Reader, parts: Parts, tab: Tab): Promise<CellLinks> {
  const rels = await relationsOf(read, parts.open(relsOf(tab.part)));
  const targets = new Map(ofType(rels, 'hyperlink').map((rel) => [rel.Id, rel.Target]));
  const links = new CellLinks();
  // Only the hyperlink elements are wanted: the rows' numbering and strings are pass 2's.
  const sheet = targets.size > 0 ? parts.open(tab.part, 'markup') : undefined;
  if (sheet) {
    for await (const { ref, rId } of hyperlinkElements(sheet)) {
      const target = targets.get(rId);
      if (target) links.add(ref, target);
    }
  }
  return links;
}

/** Longest `<hyperlink …/>` element looked for across two chunks (its tooltip and display text are ≤ 255 each). */
const MAX_ELEMENT = 4096;
const ELEMENT_START = /<(?:[\w.-]+:)?$/;
const ATTRIBUTE = /\s([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The `<hyperlink ref="C3" r:id="rId2"/>` elements of a sheet part, found in its bytes: only they are wanted from a
 * sheet of 200,000 rows, and an XML parse of all of it took as long as reading the rows. Markup is ASCII and `<`
 * inside cell text is escaped, so a `<hyperlink ` in the part is the element; the relationship attribute is named
 * `r:id` as exceljs reads it.
 */
export async function* hyperlinkElements(part: Readable): AsyncGenerator<{ ref: string; rId: string }> {
  let carry = '';
  for await (const chunk of part) {
    const text = carry + (chunk as Buffer).toString('latin1');
    let done = 0;
    for (let at = text.indexOf('hyperlink'); at >= 0; at = text.indexOf('hyperlink', at + 9)) {
      if (!ELEMENT_START.test(text.slice(Math.max(0, at - 24), at)) || !/\s/.test(text[at + 9] ?? '')) continue;
      const close = tagEnd(text, text.lastIndexOf('<', at)) - 1; // its `>`: a tooltip may hold one in quotes
      if (close < 0) break;
      const attributes = new Map(
        [...text.slice(at + 9, close).matchAll(ATTRIBUTE)].map((m) => [m[1]!, m[2] ?? m[3]!] as const),
      );
      const ref = attributes.get('ref');
      const rId = attributes.get('r:id');
      if (ref && rId) yield { ref, rId };
      done = close + 1;
    }
    carry = text.slice(Math.max(done, text.length - MAX_ELEMENT));
  }
}

const SHEET_CLOSE = Buffer.from('worksheet>');
/** What stands before `worksheet>` when the root element closes, whatever namespace prefix it has. */
const CLOSE_START = /<\/(?:[\w.-]+:)?$/;

/**
 * The part's bytes as they come, and whether the sheet's root element closed among them: exceljs's parser takes a
 * sheet cut short (a writer that stopped half way, in a zip that is whole) as ending there, and its rows would be
 * all there is without a word. Markup is ASCII and a `<` in cell text is escaped, so `</worksheet>` in the bytes is
 * the end tag (comments may follow it).
 */
function watchEnd(part: Readable): { stream: Readable; closed(): boolean } {
  let carry = Buffer.alloc(0);
  let closed = false;
  const watch = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!closed) {
        const bytes = Buffer.concat([carry, chunk]);
        for (let at = bytes.indexOf(SHEET_CLOSE); at >= 0 && !closed; at = bytes.indexOf(SHEET_CLOSE, at + 1))
          closed = CLOSE_START.test(bytes.toString('latin1', Math.max(0, at - 24), at));
        carry = bytes.subarray(-40);
      }
      done(null, chunk);
    },
  });
  // An error of the part (a damaged zip) reaches the parser through the pipeline.
  const stream = pipeline(part, watch, () => {});
  return { stream, closed: () => closed };
}

/**
 * A date cell as the sheet shows it: `2026-11-01`, with the time when it has one (`2026-11-01 12:30`), a time alone
 * (day 0, 1899-12-30) as `12:30`. exceljs gives the cell's wall time as a UTC instant, so it is read back in UTC.
 */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const [day, time] = date.toISOString().split('T') as [string, string];
  const clock = time.slice(0, 8).replace(/:00$/, '');
  if (day === '1899-12-30') return clock;
  return clock === '00:00' ? day : `${day} ${clock}`;
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
  else if (value instanceof Date) text = dateText(value);
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

function chosen(all: Tab[], sheet: string | undefined): Tab | undefined {
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
  const [Excel, unzipper] = await Promise.all([loadExcel(), loadUnzipper()]);
  // Pass 1: the tabs, and the chosen sheet's hyperlinks.
  let all: Tab[];
  let strings: string;
  let styles: string;
  let tab: Tab | undefined;
  let links = new CellLinks();
  const read = reader(Excel, path);
  let parts: Parts | undefined;
  try {
    parts = await zipParts(unzipper, path);
    ({ tabs: all, strings, styles } = await readBook(read, parts));
    tab = chosen(all, sheet);
    if (tab) links = await hyperlinksOf(read, parts, tab);
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(`unreadable: ${(error as Error).message}`);
  } finally {
    parts?.close();
  }
  const names = all.map((each) => each.name);
  if (!tab) throw Object.assign(new WorkbookError('no such sheet'), { sheets: names });
  const { part: sheetPart, id } = tab;
  // Pass 2, by the same reader (it knows the tabs): the shared strings, then the sheet row by row.
  async function* rows(): AsyncGenerator<SheetRow> {
    const parts = await zipParts(unzipper, path);
    try {
      const formats = parts.open(styles, 'markup');
      if (formats) await read._parseStyles(formats);
      const known = read.styles?.index?.numFmt;
      if (known) for (const [id, code] of Object.entries(EAST_ASIAN_DATES)) known[Number(id)] ??= code;
      const shared = parts.open(strings, 'strings');
      if (shared) for await (const _ of read._parseSharedStrings(shared));
      const part = parts.open(sheetPart, 'sheet');
      const ending = part && watchEnd(part);
      for (const { value } of ending ? read._parseWorksheet(ending.stream, id) : []) {
        for await (const row of value as AsyncIterable<{ number: number; values: unknown[] }>) {
          const values = row.values;
          const cells: string[] = [];
          const kept: CellValue[] = [];
          for (let column = 1; column < values.length; column++) {
            const value = values[column];
            const shown = value !== null && value !== undefined && value !== '';
            const link = links.size > 0 ? links.at(column, row.number, shown) : undefined;
            const text = cellText(value, link);
            cells.push(text);
            kept.push(typeof value === 'number' || value instanceof Date ? value : text);
          }
          yield { number: row.number, cells, values: kept };
        }
      }
      if (ending && !ending.closed()) throw new WorkbookError('cut short');
    } finally {
      parts.close();
    }
  }
  return { sheets: names, name: tab.name, rows: rows() };
}
