// A web page's table rows. Many back-offices "export to Excel" as an HTML table in a file named .xls, which Excel
// and WPS open as a sheet. Read as the text streams in, a row at a time: the cells of each <tr>, their text with
// tags dropped and entities decoded, and a link's address beside its label (<a href="…">链接</a>), as a
// workbook's hyperlink is judged.

export interface HtmlRow {
  /** The row's place among the page's rows, from 1: the row number Excel shows for it. */
  line: number;
  cells: string[];
}

const ROW_START = /<tr(?=[\s>])/i;
const AT_ROW = /^<tr(?=[\s>])/i;
const CELL = /<t([dh])(?=[\s>])([^>]*)>([\s\S]*?)(?=<t[dh][\s>]|<\/tr\s*>|$)/gi;
const CELL_END = /<\/t[dh]\s*>[\s\S]*$/i;
const COLSPAN = /\bcolspan\s*=\s*["']?(\d{1,3})/i;
const LINK = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const ENTITY = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/** A row still open after this many characters is read as it stands: the page holds no more of it. */
const MAX_ROW = 1 << 20;

function decoded(text: string): string {
  return text.replace(ENTITY, (entity, decimal?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name.toLowerCase()]!;
    const code = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** A cell's text as a spreadsheet shows it, with the addresses of its links after it when it does not show them. */
export function cellOf(html: string): string {
  const links = [...html.matchAll(LINK)]
    .map((m) => decoded(m[1] ?? m[2] ?? m[3] ?? '').trim())
    .filter((href) => href && !/^(?:#|javascript:|mailto:|tel:)/i.test(href));
  const text = decoded(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
  return [text, ...links.filter((href) => !text.includes(href))].filter(Boolean).join(' ');
}

/** The cells of one `<tr>…</tr>`; a cell spanning columns is followed by the empty ones it covers. */
function cellsOf(row: string): string[] {
  const cells: string[] = [];
  for (const [, , attributes, body] of row.matchAll(CELL)) {
    cells.push(cellOf(body!.replace(CELL_END, '')));
    const span = Number(COLSPAN.exec(attributes!)?.[1] ?? 1);
    for (let i = 1; i < Math.min(span, 256); i++) cells.push('');
  }
  return cells;
}

/** Where a row ends: its `</tr>`, or (HTML lets it be left out) the next row's `<tr>`, or the table's end. */
const ROW_STOP = /<\/tr\s*>|<tr(?=[\s>])|<\/table\s*>/gi;

/** Rows out of a page's text fed in pieces (lines); `end()` gives the last. */
export class HtmlTableReader {
  /** Text from the start of the row being read (or the last few characters, outside a row). */
  private held = '';
  /** How far `held` was searched for the row's end already. */
  private searched = 0;
  private count = 0;

  push(text: string): HtmlRow[] {
    this.held += text;
    const rows: HtmlRow[] = [];
    for (;;) {
      if (!AT_ROW.test(this.held)) {
        const start = this.held.search(ROW_START);
        if (start < 0) {
          this.held = this.held.slice(-8); // `<t` + `r` may be cut by the piece's end
          this.searched = 0;
          return rows;
        }
        this.held = this.held.slice(start);
        this.searched = 0;
      }
      // The row's own `<tr` is not its end; a stop cut by the piece's end is found once the rest comes.
      ROW_STOP.lastIndex = Math.max(3, this.searched - 8);
      const stop = ROW_STOP.exec(this.held);
      if (!stop) {
        this.searched = this.held.length;
        if (this.held.length <= MAX_ROW) return rows;
        rows.push(this.row(this.held));
        this.held = '';
        this.searched = 0;
        return rows;
      }
      rows.push(this.row(this.held.slice(0, stop.index)));
      this.held = this.held.slice(stop[0].toLowerCase().startsWith('<tr') ? stop.index : stop.index + stop[0].length);
      this.searched = 0;
    }
  }

  end(): HtmlRow[] {
    const rows = AT_ROW.test(this.held) ? [this.row(this.held)] : [];
    this.held = '';
    this.searched = 0;
    return rows;
  }

  private row(html: string): HtmlRow {
    return { line: ++this.count, cells: cellsOf(html.replace(/^<tr[^>]*>/i, '')) };
  }
}
