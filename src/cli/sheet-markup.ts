// SpreadsheetML that exceljs's streaming reader does not take, rewritten as it streams past. Writers other than
// Excel and WPS produce it, and the reader would see no sheet or no rows in it, or fail on a cell:
// - elements with a namespace prefix (`<x:row>`, as the Open XML SDK writes), where the reader matches bare names;
// - a relationships prefix other than `r:` (`<sheet ns1:id="rId1"/>`), where it reads `r:id`;
// - rows and cells without their position (`r` is optional: a cell without one is the next column);
// - date cells written as ISO text (`t="d"`, as SheetJS writes dates), which the reader takes for a number.
// A part written the usual way passes untouched: what it needs is decided from its first tags. Markup is ASCII and
// a `<` in text is escaped, so tags are found in the bytes read as latin1 (every byte one character, kept as it is).
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import { columnLetters, columnNumber } from './columns';

const REL_NS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);
/** The first element of the part and what it declares. */
const ROOT = /<(?![?!])([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/;
const NAMESPACE = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NAME = /[\w.:-]+/y;
const POSITION = /\sr\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const ISO_DATE_CELL = /\st\s*=\s*(?:"d"|'d')/;
/** 1899-12-30, the day spreadsheets count dates from (1900 leap-year bug included). */
const DAY_ZERO = Date.UTC(1899, 11, 30);

/** An ISO date or date-time (as a wall time, with any offset ignored) as a day number; the text itself if not one. */
function dayNumber(iso: string): string {
  const match = /^\s*(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d(?:\.\d+)?))?)?/.exec(iso);
  if (!match) return iso;
  const [, y, mo, d, h = '0', mi = '0', sec = '0'] = match;
  const time = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi) + Number(sec) * 1000;
  return String((time - DAY_ZERO) / 86_400_000);
}
/** Looked at for the decision; a part whose first tags are not within this many bytes is taken as it is. */
const DECIDE_WITHIN = 1 << 20;

export interface Mending {
  /** The prefix (with its colon) of the elements, to drop; '' when they have none. */
  prefix: string;
  /** The prefix (with its colon) of relationship attributes, when it is not `r:`; '' otherwise. */
  relPrefix: string;
  /** Rows and cells get the `r` they lack. */
  number: boolean;
  /** ISO date cells (`t="d"`) become the day numbers every other date cell holds. */
  isoDates?: boolean;
}

/** What the start of a part (`sheet`: a worksheet, whose rows and cells are looked at) needs; null: not known yet. */
export function mendingOf(head: string, sheet: boolean, ended: boolean): Mending | null {
  const root = ROOT.exec(head);
  if (!root) return ended || head.length > DECIDE_WITHIN ? { prefix: '', relPrefix: '', number: false } : null;
  const name = root[1]!;
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '';
  let relPrefix = '';
  for (const [, declared, double, single] of root[2]!.matchAll(NAMESPACE)) {
    const uri = double ?? single ?? '';
    if (declared && REL_NS.has(uri) && declared !== 'r') relPrefix = `${declared}:`;
  }
  let number = false;
  if (sheet) {
    // Every row and cell tag in what has come so far (the first chunk holds hundreds): one without `r` is enough.
    const tags = [...head.matchAll(new RegExp(`<${prefix}(?:row|c)(?=[\\s/>])([^>]*)>`, 'g'))];
    const rowless = new RegExp(`<${prefix}sheetData\\s*/>|</${prefix}sheetData>`).test(head);
    const cell = tags.some((tag) => tag[0].startsWith(`<${prefix}c`));
    if (!cell && !rowless && !ended && head.length <= DECIDE_WITHIN) return null;
    number = tags.some((tag) => !POSITION.test(tag[1]!));
    if (tags.some((tag) => ISO_DATE_CELL.test(tag[1]!))) return { prefix, relPrefix, number, isoDates: true };
  }
  return { prefix, relPrefix, number };
}

/** Where the tag starting at `lt` ends (the index after it); -1 when it does not end in `text`. */
export function tagEnd(text: string, lt: number): number {
  const closing = (marker: string) => {
    const at = text.indexOf(marker, lt + 2);
    return at < 0 ? -1 : at + marker.length;
  };
  if (text.startsWith('<!--', lt)) return closing('-->');
  if (text.startsWith('<![CDATA[', lt)) return closing(']]>');
  if (text.startsWith('<?', lt)) return closing('?>');
  let quote = '';
  for (let i = lt + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  return -1;
}

/** The rewriting, one tag at a time; it counts rows and columns for cells that do not say where they are. */
export class MarkupMender {
  private row = 0;
  private column = 0;
  /** Inside an ISO date cell, and inside its value. */
  private isoCell = false;
  private isoValue = false;
  private readonly relAttribute: RegExp | null;

  constructor(private readonly mending: Mending) {
    this.relAttribute = mending.relPrefix ? new RegExp(`(\\s)${mending.relPrefix.replace(/\./g, '\\.')}`, 'g') : null;
  }

  /** `text` rewritten up to its last whole tag, and the rest (a tag cut by the chunk's end), to come first next time. */
  mend(text: string): { done: string; rest: string } {
    let done = '';
    let at = 0;
    for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', at)) {
      const end = tagEnd(text, lt);
      if (end < 0) break;
      const between = text.slice(at, lt);
      done += (this.isoValue ? dayNumber(between) : between) + this.tag(text.slice(lt, end));
      at = end;
    }
    // A date's text is rewritten whole: what the chunk has of it waits for the rest.
    if (this.isoValue) return { done, rest: text.slice(at) };
    if (text.indexOf('<', at) < 0) return { done: done + text.slice(at), rest: '' };
    const lt = text.indexOf('<', at);
    return { done: done + text.slice(at, lt), rest: text.slice(lt) };
  }

  private tag(tag: string): string {
    if (tag[1] === '?' || tag[1] === '!') return tag;
    const closing = tag[1] === '/';
    NAME.lastIndex = closing ? 2 : 1;
    const name = NAME.exec(tag)?.[0] ?? '';
    let nameStart = NAME.lastIndex - name.length;
    let out = tag;
    let local = name;
    const { prefix, number } = this.mending;
    if (prefix && name.startsWith(prefix)) {
      local = name.slice(prefix.length);
      out = out.slice(0, nameStart) + out.slice(nameStart + prefix.length);
    } else if (prefix) return out; // another vocabulary's element (an extension): the reader skips it as it is
    if (this.relAttribute) out = out.replace(this.relAttribute, '$1r:');
    if (this.mending.isoDates) out = this.isoDate(local, closing, out);
    if (!number || closing) return out;
    nameStart += local.length;
    if (local === 'row') {
      const given = POSITION.exec(out);
      this.row = given ? Number.parseInt(given[1] ?? given[2]!, 10) : this.row + 1;
      this.column = 0;
      return given ? out : `${out.slice(0, nameStart)} r="${this.row}"${out.slice(nameStart)}`;
    }
    if (local === 'c') {
      const given = POSITION.exec(out);
      this.column = given ? columnNumber(given[1] ?? given[2]!) : this.column + 1;
      return given
        ? out
        : `${out.slice(0, nameStart)} r="${columnLetters(this.column)}${this.row}"${out.slice(nameStart)}`;
    }
    return out;
  }

  /** `<c t="d"><v>2026-11-01T00:00:00</v></c>` → `<c><v>46327</v></c>`: its style says it is a date. */
  private isoDate(local: string, closing: boolean, tag: string): string {
    if (local === 'c') {
      this.isoCell = !closing && !tag.endsWith('/>') && ISO_DATE_CELL.test(tag);
      return this.isoCell ? tag.replace(ISO_DATE_CELL, '') : tag;
    }
    if (local === 'v' && this.isoCell) this.isoValue = !closing;
    return tag;
  }
}

/** A part's markup mended as needed (see above). `sheet`: a worksheet (its rows and cells may need numbering). */
function mendedMarkup(sheet: boolean): Transform {
  let head = '';
  let mender: MarkupMender | null | undefined; // undefined: not decided; null: nothing to mend
  let rest = '';
  const push = (stream: Transform, text: string) => {
    if (!mender) {
      if (text) stream.push(Buffer.from(text, 'latin1'));
      return;
    }
    const mended = mender.mend(rest + text);
    rest = mended.rest;
    if (mended.done) stream.push(Buffer.from(mended.done, 'latin1'));
  };
  const decide = (stream: Transform, ended: boolean) => {
    const mending = mendingOf(head, sheet, ended);
    if (!mending) return;
    mender =
      mending.prefix || mending.relPrefix || mending.number || mending.isoDates ? new MarkupMender(mending) : null;
    const text = head;
    head = '';
    push(stream, text);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (mender === null) return done(null, chunk);
      if (mender) push(this, chunk.toString('latin1'));
      else {
        head += chunk.toString('latin1');
        decide(this, false);
      }
      done();
    },
    flush(done: TransformCallback) {
      if (mender === undefined) decide(this, true);
      if (rest) this.push(Buffer.from(rest, 'latin1')); // a tag cut short: the parser says so
      done();
    },
  });
}

/** Text held back longer than this (an element that never closes: a damaged part) goes on as it is. */
const MAX_HELD = 1 << 20;

/**
 * Strings whose text the reader would get wrong, rewritten as one plain text: an inline string of several runs
 * (`<is><r><t>【淘宝】</t></r><r><t>￥…￥</t></r></is>`, as openpyxl writes rich text) reads as its last run, and a
 * string with a phonetic guide (`<rPh>`, from a Japanese input method) as the guide. `element`: `is` (a sheet's
 * inline strings: runs joined, guides dropped) or `si` (shared strings: guides dropped; the reader joins runs).
 * Chunks without the element pass untouched. Bare element names: after mendedMarkup.
 */
function plainStrings(element: 'is' | 'si'): Transform {
  const open = Buffer.from(`<${element}`);
  const close = Buffer.from(`</${element}>`);
  const markers = ['<r>', '<r ', '<rPh'].map((marker) => Buffer.from(marker));
  // Not `<is/>`: an empty string, whose lazy match would run on into the next one.
  const whole = new RegExp(`<${element}(?=[\\s>])[^>]*(?<!/)>([\\s\\S]*?)</${element}>`, 'g');
  const guide = /<rPh\b[^>]*\/>|<rPh\b[\s\S]*?<\/rPh>/g;
  const textOf = /<t(?:\s[^>]*)?(?<!\/)>([\s\S]*?)<\/t>/g; // not `<t/>`, an empty run
  const rewrite = (text: string) =>
    text.replace(whole, (string, body: string) => {
      if (!/<r[\s>]|<rPh\b/.test(body)) return string;
      const unguided = body.replace(guide, '');
      if (element === 'si') return `<si>${unguided}</si>`;
      const joined = [...unguided.matchAll(textOf)].map((m) => m[1]).join('');
      return `<is><t xml:space="preserve">${joined}</t></is>`;
    });
  const isNameEnd = (byte: number | undefined) =>
    byte === undefined || byte === 0x3e || byte === 0x2f || byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
  /** Where the bytes still open at their end start (an element not closed yet, or a tag cut off); else their end. */
  const heldFrom = (bytes: Buffer) => {
    // Elements of one name do not nest: only the last can be open.
    let at = bytes.lastIndexOf(open);
    while (at >= 0 && !isNameEnd(bytes[at + open.length])) at = at > 0 ? bytes.lastIndexOf(open, at - 1) : -1;
    if (at >= 0) {
      const end = bytes.indexOf(0x3e, at);
      if (end < 0 || (bytes[end - 1] !== 0x2f && bytes.indexOf(close, end) < 0)) return at;
    }
    const last = bytes.lastIndexOf(0x3c);
    return last >= 0 && bytes.length - last < open.length && bytes.indexOf(0x3e, last) < 0 ? last : bytes.length;
  };
  const push = (stream: Transform, bytes: Buffer) => {
    if (bytes.length === 0) return;
    if (!markers.some((marker) => bytes.includes(marker))) stream.push(bytes);
    else stream.push(Buffer.from(rewrite(bytes.toString('latin1')), 'latin1'));
  };
  let held = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      const bytes = held.length > 0 ? Buffer.concat([held, chunk]) : chunk;
      let cut = heldFrom(bytes);
      if (bytes.length - cut > MAX_HELD) cut = bytes.length;
      held = Buffer.from(bytes.subarray(cut)); // a copy: the chunk is not kept for a few bytes of it
      push(this, bytes.subarray(0, cut));
      done();
    },
    flush(done: TransformCallback) {
      push(this, held);
      done();
    },
  });
}

/**
 * How a part is read: `sheet` for its rows (markup mended, rows and cells numbered, inline strings made plain),
 * `strings` for the shared strings (markup mended, strings made plain), `markup` for its elements alone (the
 * workbook, the styles, a sheet scanned for its hyperlinks only).
 */
export type PartKind = 'markup' | 'strings' | 'sheet';

/**
 * A part's bytes as exceljs's reader can take them: its markup mended (see the top of this file), and for shared
 * and inline strings their text made plain (plainStrings). An error of the part passes on.
 */
export function mendedPart(part: Readable, kind: PartKind): Readable {
  const markup = mendedMarkup(kind === 'sheet');
  if (kind === 'markup') return pipeline(part, markup, () => {});
  return pipeline(part, markup, plainStrings(kind === 'sheet' ? 'is' : 'si'), () => {});
}
