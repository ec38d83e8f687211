// Workbooks for the CLI tests: made by exceljs (as the dashboards' exports and Excel make them), and made by hand
// from the XML parts, in an order exceljs's own writer never uses (sheets before the shared strings and the
// workbook, tabs not in file order), with inline strings, rich text and hyperlinks held in the sheet's relations.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';

export async function exceljsWorkbook(path: string, sheets: Record<string, unknown[][]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  await workbook.xlsx.writeFile(path);
}

/** A large export written with the streaming writer: `rows` rows under a title row and a header row. */
export async function bigWorkbook(path: string, rows: number, row: (i: number) => unknown[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('商品');
  sheet.addRow(['快手小店 商品导出']).commit();
  sheet.addRow(['商品名称', '商品链接', '价格']).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(row(i)).commit();
  sheet.commit();
  await workbook.commit();
}

const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * Two tabs, "说明" (sheet2.xml) first and "商品" (sheet1.xml) second. 商品 has two title rows, a header on row 3,
 * then: a shared rich-text title with a 淘口令 share text and a hyperlink cell showing "链接"; an inline string URL; an empty
 * link cell; a number.
 */
export function handMadeWorkbook(path: string): void {
  const goods = xml(
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>` +
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
      '<row r="2"/>' +
      '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="inlineStr"><is><t>价格</t></is></c></row>' +
      '<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="s"><v>4</v></c><c r="C4"><v>19.9</v></c></row>' +
      '<row r="5"><c r="A5" t="inlineStr"><is><t>京东 手套</t></is></c><c r="B5" t="inlineStr"><is><t>https://item.jd.com/100012043978.html</t></is></c><c r="C5"><v>29</v></c></row>' +
      '<row r="6"><c r="A6" t="inlineStr"><is><t>无链接</t></is></c><c r="C6"><v>5</v></c></row>' +
      '</sheetData><hyperlinks><hyperlink ref="B4" r:id="rId7"/></hyperlinks></worksheet>',
  );
  const notes = xml(
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>https://s.click.taobao.com/notes</t></is></c></row></sheetData></worksheet>`,
  );
  const strings = xml(
    `<sst xmlns="${MAIN}" count="5" uniqueCount="5">` +
      '<si><t>快手小店 商品导出 2026-12-01</t></si><si><t>商品名称</t></si><si><t>商品链接</t></si>' +
      '<si><r><t xml:space="preserve">【淘宝】复制这段 </t></r><r><rPr><b/></rPr><t>￥AbCd1234￥</t></r><r><t xml:space="preserve"> 打开手机淘宝</t></r></si><si><t>链接</t></si></sst>',
  );
  const zip = zipSync({
    '[Content_Types].xml': xml(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': xml(
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': goods,
    'xl/worksheets/_rels/sheet1.xml.rels': xml(
      `<Relationships xmlns="${PKG}"><Relationship Id="rId7" Type="${REL}/hyperlink" Target="https://s.click.taobao.com/t?e=m%3D2&amp;pid=mm_1_2_3" TargetMode="External"/></Relationships>`,
    ),
    'xl/worksheets/sheet2.xml': notes,
    'xl/sharedStrings.xml': strings,
    'xl/_rels/workbook.xml.rels': xml(
      `<Relationships xmlns="${PKG}">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': xml(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
        '<sheet name="说明" sheetId="2" r:id="rId2"/><sheet name="商品" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
  });
  writeFileSync(path, zip);
}

/** How a writer other than Excel, WPS or exceljs may spell the same workbook. */
export interface Dialect {
  /** Elements carry this namespace prefix (`x`, as the Open XML SDK writes them). */
  prefix?: string;
  /** The relationships namespace is bound to this prefix instead of `r`. */
  relPrefix?: string;
  /** Rows and cells give their position always (the usual), never, or on every other one. */
  positions?: 'all' | 'none' | 'some';
  /** Where the parts are: the workbook's, the sheet's, and the shared strings' part names. */
  book?: string;
  sheet?: string;
  strings?: string;
  /** Relationship targets from the package root (`/xl/worksheets/sheet1.xml`), as openpyxl writes them. */
  absolute?: boolean;
  /** Titles as inline strings of several runs, one per word (openpyxl's rich text), not shared strings. */
  inlineRuns?: boolean;
  /** Shared strings carry a phonetic guide (`<rPh>`), as a Japanese input method leaves them. */
  guides?: boolean;
  /** Link cells next to each other with one target share one hyperlink over their range (`B3:B4`), as Excel does. */
  linkRanges?: boolean;
  /** Strict Open XML (Excel's "Strict Open XML Spreadsheet"): the purl.oclc.org namespaces and relationship types. */
  strict?: boolean;
}

/**
 * One tab "商品": a header on row 1 (商品名称, 商品链接), then the rows of `goods` (a title, and a link cell: a URL,
 * or `{ label, url }` for a cell showing the label with the URL as its hyperlink). Titles are shared strings, links
 * inline strings, and the cell after them a number.
 */
export function dialectWorkbook(
  path: string,
  goods: [string, string | { label: string; url: string }][],
  d: Dialect = {},
) {
  const p = d.prefix ? `${d.prefix}:` : '';
  const rp = d.relPrefix ?? 'r';
  const main = d.strict ? 'http://purl.oclc.org/ooxml/spreadsheetml/main' : MAIN;
  const rel = d.strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : REL;
  const ns = d.prefix ? `xmlns:${d.prefix}="${main}"` : `xmlns="${main}"`;
  const book = d.book ?? 'xl/workbook.xml';
  const sheet = d.sheet ?? 'xl/worksheets/sheet1.xml';
  const strings = d.strings ?? 'xl/sharedStrings.xml';
  const dir = (part: string) => part.slice(0, part.lastIndexOf('/') + 1);
  const rels = (part: string) => `${dir(part)}_rels/${part.slice(dir(part).length)}.rels`;
  // A target relative to the workbook's folder (both parts are below it here), or from the root.
  const target = (part: string) => (d.absolute ? `/${part}` : part.slice(dir(book).length));
  const shared: string[] = ['商品名称', '商品链接'];
  const links: { ref: string; url: string }[] = [];
  let cells = 0;
  const cell = (ref: string, body: string, type?: string) => {
    const positioned = d.positions === 'none' ? false : d.positions === 'some' ? cells++ % 2 === 0 : true;
    return `<${p}c${positioned ? ` r="${ref}"` : ''}${type ? ` t="${type}"` : ''}>${body}</${p}c>`;
  };
  const sharedCell = (ref: string, text: string) => {
    shared.push(text);
    return cell(ref, `<${p}v>${shared.length - 1}</${p}v>`, 's');
  };
  const runsCell = (ref: string, text: string) => {
    const runs = text.split(/(?<= )/).map((word, i) => {
      const format = i % 2 ? `<${p}rPr><${p}b/></${p}rPr>` : '';
      return `<${p}r>${format}<${p}t xml:space="preserve">${escaped(word)}</${p}t></${p}r>`;
    });
    return cell(ref, `<${p}is>${runs.join('')}</${p}is>`, 'inlineStr');
  };
  const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const inline = (ref: string, text: string) =>
    cell(ref, `<${p}is><${p}t>${escaped(text)}</${p}t></${p}is>`, 'inlineStr');
  const row = (n: number, body: string) =>
    `<${p}row${d.positions === 'none' || (d.positions === 'some' && n % 2 === 0) ? '' : ` r="${n}"`}>${body}</${p}row>`;
  const rows = [row(1, cell('A1', `<${p}v>0</${p}v>`, 's') + cell('B1', `<${p}v>1</${p}v>`, 's'))];
  goods.forEach(([title, link], i) => {
    const n = i + 2;
    const linkCell = typeof link === 'string' ? inline(`B${n}`, link) : inline(`B${n}`, link.label);
    if (typeof link !== 'string') links.push({ ref: `B${n}`, url: link.url });
    const titleCell = d.inlineRuns ? runsCell(`A${n}`, title) : sharedCell(`A${n}`, title);
    rows.push(row(n, titleCell + linkCell + cell(`C${n}`, `<${p}v>${n}.5</${p}v>`)));
  });
  if (d.linkRanges)
    for (let i = links.length - 1; i > 0; i--) {
      const [before, link] = [links[i - 1]!, links[i]!];
      const rowOf = (ref: string) => Number(/\d+$/.exec(ref)![0]);
      if (before.url === link.url && rowOf(link.ref) === rowOf(before.ref.split(':').at(-1)!) + 1) {
        before.ref = `${before.ref.split(':')[0]}:${link.ref.split(':').at(-1)}`;
        links.splice(i, 1);
      }
    }
  const hyperlinks = links.length
    ? `<${p}hyperlinks>${links.map((link, i) => `<${p}hyperlink ref="${link.ref}" ${rp}:id="rIdL${i}"/>`).join('')}</${p}hyperlinks>`
    : '';
  const guide = d.guides ? `<${p}rPh sb="0" eb="1"><${p}t>ふりがな</${p}t></${p}rPh><${p}phoneticPr fontId="1"/>` : '';
  const relsXml = (entries: string) => xml(`<Relationships xmlns="${PKG}">${entries}</Relationships>`);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': xml(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/${book}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/${sheet}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/${strings}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
        '</Types>',
    ),
    '_rels/.rels': relsXml(
      `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="${d.absolute ? '/' : ''}${book}"/>`,
    ),
    [rels(book)]: relsXml(
      `<Relationship Id="rId1" Type="${rel}/worksheet" Target="${target(sheet)}"/>` +
        `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="${target(strings)}"/>`,
    ),
    [book]: xml(
      `<${p}workbook ${ns} xmlns:${rp}="${rel}"><${p}sheets><${p}sheet name="商品" sheetId="1" ${rp}:id="rId1"/></${p}sheets></${p}workbook>`,
    ),
    [strings]: xml(
      `<${p}sst ${ns} count="${shared.length}" uniqueCount="${shared.length}">${shared.map((text) => `<${p}si><${p}t>${escaped(text)}</${p}t>${guide}</${p}si>`).join('')}</${p}sst>`,
    ),
    [sheet]: xml(
      `<${p}worksheet ${ns} xmlns:${rp}="${rel}"><${p}sheetData>${rows.join('')}</${p}sheetData>${hyperlinks}</${p}worksheet>`,
    ),
  };
  if (links.length)
    files[rels(sheet)] = relsXml(
      links
        .map(
          (link, i) =>
            `<Relationship Id="rIdL${i}" Type="${rel}/hyperlink" Target="${escaped(link.url)}" TargetMode="External"/>`,
        )
        .join(''),
    );
  writeFileSync(path, zipSync(files));
}
