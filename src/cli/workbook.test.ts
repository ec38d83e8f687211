import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../../test/support/cli';
import {
  bigWorkbook,
  type Dialect,
  dialectWorkbook,
  exceljsWorkbook,
  handMadeWorkbook,
} from '../../test/support/workbooks';
import { BUILT_IN_RULES } from '../rules/index';
import { Readable } from 'node:stream';
import { cellText, hyperlinkElements } from './workbook';

const ALLIANCE = 'https://s.click.taobao.com/t?e=m%3D2&pid=mm_1_2_3';
const JD = 'https://item.jd.com/100012043978.html';
const LISTED = new Date(Date.UTC(2026, 10, 1));
const dir = mkdtempSync(join(tmpdir(), 'cartlint-xlsx-'));
const path = (name: string) => join(dir, name);
const judge = ['check', '-p', 'kuaishou', '-s', 'live-cart', '-d', '2024-01-01'];
const rulesOf = (out: string) =>
  jsonLines(out).map((row) => [row.line, row.findings.map((f: { rule: string }) => f.rule)]);

/** The export a dashboard makes: a title row, a blank row, the header, then goods. */
const EXPORT = {
  商品列表: [
    ['快手小店 商品导出 2026-12-01'],
    [],
    ['商品ID', '商品名称', '商品链接', '价格', '上架时间'],
    [
      1,
      {
        richText: [
          { text: '【淘宝】复制这段 ' },
          { font: { bold: true }, text: '￥AbCd1234￥' },
          { text: ' 打开手机淘宝' },
        ],
      },
      { text: '链接', hyperlink: ALLIANCE },
      19.9,
      LISTED,
    ],
    [2, '手套', JD, 29, new Date(Date.UTC(2026, 10, 2, 12, 30))],
    [3, '帽子', { formula: `HYPERLINK("${JD}","点我")`, result: '点我' }, 5],
    [4, '无链接', null, 0],
  ],
  第二页: [
    ['名称', '链接'],
    ['x', 'https://item.jd.com/2.html'],
  ],
};

describe('hyperlinkElements', () => {
  // A sheet's end as writers store it, with cell text that reads like markup (its `<` escaped, its `>` not).
  const sheet =
    '<sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>see hyperlink ref="A9" r:id="rId9"/&gt; or &lt;hyperlink ref="A8" r:id="rId8"/></t></is></c></row></sheetData>' +
    '<hyperlinks><hyperlink ref="B4" r:id="rId7" display="链接"/>\n<x:hyperlink  r:id="rId3"\tref="C5" tooltip="a &gt; b"/>' +
    '<hyperlink location="Sheet2!A1" ref="D6"/><hyperlink tooltip="size > 5" ref="E7" r:id="rId4"/>' +
    "<hyperlink ref='F8' r:id='rId5'/></hyperlinks></worksheet>";
  const bytes = Buffer.from(sheet);
  const elements = async (chunks: Buffer[]) => {
    const found = [];
    for await (const element of hyperlinkElements(Readable.from(chunks))) found.push(element);
    return found;
  };

  it('finds each hyperlink element and its cell, and nothing in cell text, wherever the chunks are cut', async () => {
    const want = [
      { ref: 'B4', rId: 'rId7' },
      { ref: 'C5', rId: 'rId3' },
      { ref: 'E7', rId: 'rId4' },
      { ref: 'F8', rId: 'rId5' },
    ];
    expect(await elements([bytes])).toEqual(want);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await elements([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(want);
    }
  });
});

describe('cellText', () => {
  it('reads strings, numbers, rich text, hyperlinks and HYPERLINK formulas as the text to judge', () => {
    expect(cellText('a')).toBe('a');
    expect(cellText(19.9)).toBe('19.9');
    expect(cellText(null)).toBe('');
    expect(cellText({ richText: [{ text: '围巾 ' }, { text: '￥AbCd1234￥' }] })).toBe('围巾 ￥AbCd1234￥');
    expect(cellText('链接', ALLIANCE)).toBe(`链接 ${ALLIANCE}`);
    expect(cellText(ALLIANCE, ALLIANCE)).toBe(ALLIANCE);
    expect(cellText({ text: '链接', hyperlink: JD })).toBe(`链接 ${JD}`);
    expect(cellText({ formula: `HYPERLINK("${JD}","点我")`, result: '点我' })).toBe(`点我 ${JD}`);
    expect(cellText({ error: '#N/A' })).toBe('');
    const dates = [Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 2, 12, 30), Date.UTC(2026, 10, 2, 12, 30, 15)];
    expect([...dates, Date.UTC(1899, 11, 30, 8, 5)].map((time) => cellText(new Date(time)))).toEqual([
      '2026-11-01',
      '2026-11-02 12:30',
      '2026-11-02 12:30:15',
      '08:05',
    ]);
  });
});

describe('cartlint check on .xlsx workbooks', () => {
  it('reads an exceljs workbook: first sheet, title rows skipped, header found where the column is', async () => {
    await exceljsWorkbook(path('goods.xlsx'), EXPORT);
    const { code, out, err } = await runCli([...judge, '-c', '商品链接', path('goods.xlsx')]);
    expect([code, err]).toEqual([1, '']);
    expect(rulesOf(out)).toEqual([
      [4, ['KS-4']],
      [5, ['KS-5']],
      [6, ['KS-5']],
      [7, []],
    ]);
    expect(jsonLines(out)[0].findings[0].text).toBe(ALLIANCE);
    // Dates read as the sheet shows them, not as day counts.
    const dates = await runCli([...judge, '-c', '上架时间', path('goods.xlsx')]);
    expect(jsonLines(dates.out).map((row) => row.input)).toEqual(['2026-11-01', '2026-11-02 12:30', '', '']);
    // In a built-in Chinese date format (31: 2026年11月1日), named by its id alone, too.
    const parts = unzipSync(readFileSync(path('goods.xlsx')));
    const styles = strFromU8(parts['xl/styles.xml']!);
    expect(styles).toContain('numFmtId="14"');
    parts['xl/styles.xml'] = strToU8(styles.replaceAll('numFmtId="14"', 'numFmtId="31"'));
    writeFileSync(path('goods-zh-dates.xlsx'), zipSync(parts));
    const zh = await runCli([...judge, '-c', '上架时间', path('goods-zh-dates.xlsx')]);
    expect(jsonLines(zh.out).map((row) => row.input)).toEqual(['2026-11-01', '2026-11-02 12:30', '', '']);
  });

  it('judges several columns at once (a 淘口令 in the title), by name, letter or number', async () => {
    await exceljsWorkbook(path('goods.xlsx'), EXPORT);
    for (const columns of [
      ['商品名称', '商品链接'],
      ['B', 'C'],
      ['2', '3'],
    ]) {
      const { out } = await runCli([...judge, ...columns.flatMap((c) => ['-c', c]), path('goods.xlsx')]);
      const findings = jsonLines(out)[0].findings;
      expect(findings.map((f: { text: string }) => f.text)).toEqual(['【淘宝】复制这段 ￥AbCd1234￥', ALLIANCE]);
    }
    const every = await runCli([...judge, path('goods.xlsx')]);
    expect(jsonLines(every.out)[0].findings).toHaveLength(2);
  });

  it('picks a sheet by name or tab number', async () => {
    await exceljsWorkbook(path('goods.xlsx'), EXPORT);
    for (const sheet of ['第二页', '2']) {
      const { out } = await runCli([...judge, '--sheet', sheet, '-c', '链接', path('goods.xlsx')]);
      expect(rulesOf(out)).toEqual([[2, ['KS-5']]]);
    }
  });

  it('reads a workbook made by hand: parts out of order, tabs not in file order, inline and shared strings', async () => {
    handMadeWorkbook(path('hand.xlsx'));
    const first = await runCli([...judge, '-c', 'A', path('hand.xlsx')]);
    expect([first.code, first.out]).toEqual([0, '']); // 说明 is the first tab: one row, its header
    const { code, out } = await runCli([
      ...judge,
      '--sheet',
      '商品',
      '-c',
      '商品名称',
      '-c',
      '商品链接',
      path('hand.xlsx'),
    ]);
    expect(code).toBe(1);
    const rows = jsonLines(out);
    expect(rows.map((row) => row.line)).toEqual([4, 5, 6]);
    expect(rows[0].input).toBe(`【淘宝】复制这段 ￥AbCd1234￥ 打开手机淘宝 链接 ${ALLIANCE}`);
    expect(rows[0].findings.map((f: { rule: string }) => f.rule)).toEqual(['KS-4', 'KS-4']);
    expect(rows[2].findings).toEqual([]);
  });

  describe('as writers other than Excel, WPS and exceljs spell it', () => {
    const goods: Parameters<typeof dialectWorkbook>[1] = [
      ['京东 手套', JD],
      ['淘宝联盟 券', { label: '链接', url: ALLIANCE }],
      ['淘宝联盟 袜子', { label: '链接', url: ALLIANCE }],
      ['无链接 帽子', ''],
      ['【淘宝】￥AbCd1234￥ 打开手机淘宝', 'https://item.taobao.com/item.htm?id=6'],
    ];
    const dialects: Record<string, Dialect> = {
      'elements with a namespace prefix (Open XML SDK)': { prefix: 'x' },
      'a relationships prefix other than r:': { relPrefix: 'ns1' },
      'prefixed, no positions on rows or cells': { prefix: 'x', relPrefix: 'rel', positions: 'none' },
      'positions on every other row and cell': { positions: 'some' },
      'targets from the package root (openpyxl)': { absolute: true },
      'parts named otherwise': {
        book: 'xl/Workbook.xml',
        sheet: 'xl/worksheets/Goods.xml',
        strings: 'xl/SharedStrings.xml',
      },
      'titles as inline strings of several runs (openpyxl rich text)': { inlineRuns: true },
      'prefixed inline runs, shared strings with phonetic guides': { prefix: 'x', inlineRuns: true, guides: true },
      'shared strings with phonetic guides': { guides: true },
      'one hyperlink over a range of link cells (Excel)': { linkRanges: true },
      'Strict Open XML namespaces and relationship types': { strict: true },
      'the workbook outside xl/, targets from the root': {
        book: 'book/main.xml',
        sheet: 'book/s/1.xml',
        strings: 'book/ss.xml',
        absolute: true,
      },
    };
    it.each(Object.entries(dialects))('%s: the same rows as the usual spelling', async (name, dialect) => {
      dialectWorkbook(path('usual.xlsx'), goods);
      const file = path(`${name.replace(/\W+/g, '-')}.xlsx`);
      dialectWorkbook(file, goods, dialect);
      const args = [...judge, '-c', '商品名称', '-c', '商品链接'];
      const usual = await runCli([...args, path('usual.xlsx')]);
      expect(rulesOf(usual.out)).toEqual([
        [2, ['KS-5']],
        [3, ['KS-4']],
        [4, ['KS-4']],
        [5, []],
        [6, ['KS-4', 'KS-4']],
      ]);
      expect(jsonLines(usual.out)[1].input).toBe(`淘宝联盟 券 链接 ${ALLIANCE}`);
      expect(await runCli([...args, file])).toEqual(usual);
    });
  });

  it('links the cells of a hyperlink range that show something, on every row of a long list', async () => {
    const rows = 3000;
    const goods = Array.from({ length: rows }, (_, i): [string, { label: string; url: string }] => [
      `商品 ${i}`,
      { label: '链接', url: `https://item.jd.com/${100000 + i}.html` },
    ]);
    dialectWorkbook(path('merged.xlsx'), goods);
    // As Excel writes a link on merged cells: one range per row, over the link cell and the empty ones it covers.
    const parts = unzipSync(readFileSync(path('merged.xlsx')));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!)
      .replace(/<hyperlink ref="B(\d+)"/g, '<hyperlink ref="B$1:D$1"')
      .replace(/<\/c><\/row>/g, '</c><c r="D0" s="0"/></row>')
      .replace(/<row r="(\d+)">(.*?)<c r="D0"/g, '<row r="$1">$2<c r="D$1"');
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet);
    writeFileSync(path('merged.xlsx'), zipSync(parts));
    for (const columns of [['-c', '商品链接'], []]) {
      const { out } = await runCli([...judge, ...columns, path('merged.xlsx')]);
      const found = jsonLines(out).map((row) => row.findings.map((f: { text: string }) => f.text));
      expect(found).toHaveLength(rows);
      found.forEach((links, i) => expect(links).toEqual([`https://item.jd.com/${100000 + i}.html`]));
    }
  });

  it('reads a workbook from stdin too', async () => {
    await exceljsWorkbook(path('goods.xlsx'), EXPORT);
    const { code, out } = await runCli([...judge, '-c', '商品链接'], { stdin: readFileSync(path('goods.xlsx')) });
    expect(code).toBe(1);
    expect(rulesOf(out)).toHaveLength(4);
  });

  it('reads 100,000 rows', async () => {
    await bigWorkbook(path('big.xlsx'), 100_000, (i) => [
      `商品 ${i}`,
      i % 1000 === 0 ? ALLIANCE : `https://app.kwaixiaodian.com/merchant/shop/detail?id=${i}`,
      i,
    ]);
    const { code, out } = await runCli([...judge, '-c', '商品链接', path('big.xlsx')]);
    expect(code).toBe(1);
    const rows = jsonLines(out);
    expect(rows).toHaveLength(100_000);
    expect(rows[0].line).toBe(3);
    expect(rows.filter((row) => row.findings[0]?.verdict === 'banned')).toHaveLength(100);
  }, 120_000);

  it.each([
    [
      'not a zip',
      () => writeFileSync(path('bad.xlsx'), 'name,link\n1,2\n'),
      ['-c', 'link'],
      'cannot read the workbook',
      'not a zip',
    ],
    [
      'a zip without a workbook',
      () => writeFileSync(path('bad.xlsx'), zipSync({ 'a.txt': strToU8('x') })),
      [],
      'cannot read the workbook',
      '',
    ],
    [
      'encrypted',
      () => writeFileSync(path('bad.xlsx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      [],
      'is encrypted or an old .xls',
      '',
    ],
  ])('refuses a bad workbook (%s) with exit 2 naming the file', async (_, make, extra, message) => {
    make();
    const { code, err, out } = await runCli([...judge, ...extra, path('bad.xlsx')]);
    expect([code, out]).toEqual([2, '']);
    expect(err).toContain(path('bad.xlsx'));
    expect(err).toContain(message);
  });

  it('knows an old .xls by its bytes, and reads a web page named .xls (an HTML export) as a table', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 7)]);
    writeFileSync(path('old.xls'), ole);
    const old = await runCli([...judge, '-c', '商品链接', path('old.xls')]);
    expect([old.code, old.err]).toEqual([2, expect.stringContaining('is encrypted or an old .xls workbook')]);
    const page =
      '\uFEFF<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table>\n' +
      '<tr><td colspan="3">快手小店 商品导出</td></tr>\n<tr><th>商品名称</th><th>商品链接</th><th>价格</th></tr>\n' +
      `<tr><td>券</td><td><a href="${ALLIANCE.replace(/&/g, '&amp;')}">链接</a></td><td>1</td></tr>\n` +
      `<tr><td>手套</td><td>${JD}</td><td>2</td></tr>\n</table></body></html>\n`;
    writeFileSync(path('page.xls'), page);
    const asTable = await runCli([...judge, '-c', '商品链接', path('page.xls')]);
    expect([asTable.code, asTable.err]).toEqual([1, '']);
    expect(rulesOf(asTable.out)).toEqual([
      [3, ['KS-4']],
      [4, ['KS-5']],
    ]);
    expect(jsonLines(asTable.out)[0].input).toBe(`链接 ${ALLIANCE}`);
    writeFileSync(path('no-table.xls'), `<html><body><p>${JD}</p></body></html>\n`);
    const noTable = await runCli([...judge, '-c', '商品链接', path('no-table.xls')]);
    expect([noTable.code, noTable.out]).toEqual([2, '']);
    expect(noTable.err).toContain(`${path('no-table.xls')} is a web page with no table rows in it`);
    // Without --column, a page not named .xls is text, judged line by line.
    writeFileSync(path('page.html'), page);
    const asText = rulesOf((await runCli([...judge, path('page.html')])).out).filter(([, rules]) => rules.length > 0);
    expect(asText).toEqual([
      [4, ['KS-4']],
      [5, ['KS-5']],
    ]);
  });

  it('says a sheet cut short is cut short, after the rows it has, in a zip that is whole', async () => {
    await exceljsWorkbook(path('whole.xlsx'), EXPORT);
    const parts = unzipSync(readFileSync(path('whole.xlsx')));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    // Cut inside the 手套 row (spreadsheet row 5): rows 4 and 5 are read, the rest of the sheet is gone.
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.slice(0, sheet.indexOf('<row r="6"')));
    writeFileSync(path('cut.xlsx'), zipSync(parts));
    const { code, out, err } = await runCli([...judge, '-c', '商品链接', path('cut.xlsx')]);
    expect(code).toBe(2);
    expect(jsonLines(out).map((row) => row.line)).toEqual([4, 5]);
    expect(err).toContain(`the sheet "商品列表" of ${path('cut.xlsx')} ends before its last row`);
    const whole = await runCli([...judge, '-c', '商品链接', path('whole.xlsx')]);
    expect([whole.code, jsonLines(whole.out).length]).toEqual([1, 4]);
    // What XML allows after the root element is no cut.
    parts['xl/worksheets/sheet1.xml'] = strToU8(`${sheet}\n<!-- exported by a dashboard -->\n`);
    writeFileSync(path('trailer.xlsx'), zipSync(parts));
    const trailer = await runCli([...judge, '-c', '商品链接', path('trailer.xlsx')]);
    expect([trailer.code, jsonLines(trailer.out).length]).toEqual([1, 4]);
  });

  it('names the sheet and the header it found when the column or the sheet is not there', async () => {
    await exceljsWorkbook(path('goods.xlsx'), EXPORT);
    const column = await runCli([...judge, '-c', '链接地址', path('goods.xlsx')]);
    expect(column.code).toBe(2);
    expect(column.err).toContain(
      `no column "链接地址" in ${path('goods.xlsx')}, sheet "商品列表"; the header row it found has: 商品ID, 商品名称, 商品链接, 价格`,
    );
    const sheet = await runCli([...judge, '--sheet', '9', path('goods.xlsx')]);
    expect(sheet.code).toBe(2);
    expect(sheet.err).toContain(`no sheet "9" in ${path('goods.xlsx')}; its sheets are: 商品列表, 第二页`);
  });
});

describe('reports', () => {
  it('--format xlsx: the rows as they came with verdict columns, banned rows filled, a summary sheet', async () => {
    await exceljsWorkbook(path('goods.xlsx'), EXPORT);
    const report = path('report.xlsx');
    const { code } = await runCli([
      ...judge,
      '-c',
      '商品链接',
      '-f',
      'xlsx',
      '-o',
      report,
      '--lang',
      'zh',
      path('goods.xlsx'),
    ]);
    expect(code).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(report);
    const [rows, summary] = workbook.worksheets;
    expect(rows!.getRow(1).values).toEqual([
      undefined,
      '行',
      '商品ID',
      '商品名称',
      '商品链接',
      '价格',
      '上架时间',
      '结论',
      '规则',
      '原因',
      '依据新旧',
    ]);
    const first = rows!.getRow(2);
    expect(first.getCell(1).value).toBe(4);
    expect(first.getCell(3).value).toBe('【淘宝】复制这段 ￥AbCd1234￥ 打开手机淘宝');
    expect([first.getCell(2).value, first.getCell(5).value]).toEqual([1, 19.9]); // numbers stay numbers
    expect(first.getCell(6).value).toEqual(LISTED); // a date stays a date
    expect(first.getCell(7).value).toBe('禁止');
    expect(first.getCell(8).value).toBe('KS-4');
    // KS-4's newest report on record, from the rule's own data.
    const ks4 = BUILT_IN_RULES.find((rule) => rule.id === 'KS-4')!.lastReport!;
    expect(first.getCell(10).value).toContain(ks4.date);
    expect(first.getCell(10).value).toContain(ks4.name);
    expect((first.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(rows!.getRow(5).getCell(7).value).toBe('无链接');
    expect(rows!.getRow(5).getCell(1).fill).toBeUndefined();
    const counts = Object.fromEntries(
      summary!.getRows(2, 3)!.map((row) => [row.getCell(1).value, row.getCell(2).value]),
    );
    expect(counts).toEqual({ 禁止: 3, 待核实: 0, 允许: 0 });
    expect(summary!.getSheetValues().flat()).toContain('KS-5');
  });

  it('--format xlsx needs -o', async () => {
    const { code, err } = await runCli([...judge, '-f', 'xlsx'], { stdin: JD });
    expect(code).toBe(2);
    expect(err).toContain('-o report.xlsx');
  });

  it('--format html: one page, no network, every text escaped, notices for banned links, a summary', async () => {
    const hostile = `<img src=x onerror=alert(1)> "'& ${ALLIANCE}`;
    const report = path('report.html');
    const { code } = await runCli([...judge, '-f', 'html', '-o', report], {
      stdin: `${hostile}\n${JD}\nhttps://app.kwaixiaodian.com/merchant/shop/detail?id=1\n`,
    });
    expect(code).toBe(1);
    const html = readFileSync(report, 'utf8');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;&#39;&amp;');
    expect(html).not.toMatch(/\b(?:src|href)=["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('name="viewport"');
    expect(html).toContain('<span lang="zh">禁止</span> <span lang="en">Banned</span>');
    expect(html.match(/<textarea readonly>/g)).toHaveLength(2);
    expect(html).toMatch(
      /<textarea readonly>【平台规则提醒】|<textarea readonly>\[Platform rule notice\]|<textarea readonly>/,
    );
    expect(html).toContain('<section id="summary">');
    expect(html.match(/<tr class="(banned|review|allowed)">/g)).toHaveLength(3);
  });
});

describe('workbook reading, again and again (as an agency runs it over many shops)', () => {
  it('finds every sheet and shared string on each read: no part of the zip lost', async () => {
    // exceljs's own one-pass reader lost workbook.xml or sharedStrings.xml in about one read in fifty.
    handMadeWorkbook(path('again.xlsx'));
    for (let read = 0; read < 150; read++) {
      const { code, out, err } = await runCli([...judge, '--sheet', '商品', '-c', '商品链接', path('again.xlsx')]);
      expect([read, code, err]).toEqual([read, 1, '']);
      expect(jsonLines(out).map((row) => row.line)).toEqual([4, 5, 6]);
    }
  });

  it('leaves no file open behind it', async () => {
    await exceljsWorkbook(path('open.xlsx'), EXPORT);
    const openFiles = () => readdirSync('/proc/self/fd').length;
    await runCli([...judge, '-c', '商品链接', path('open.xlsx')]);
    const before = openFiles();
    for (let read = 0; read < 20; read++) await runCli([...judge, '-c', '商品链接', path('open.xlsx')]);
    expect(openFiles()).toBeLessThanOrEqual(before + 2);
  });
});
