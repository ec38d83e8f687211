import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mendedPart, mendingOf, type PartKind } from './sheet-markup';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The part's text through mendedPart, fed in pieces cut at `cuts` (byte offsets). */
async function mended(text: string, kind: PartKind | boolean, cuts: number[] = []): Promise<string> {
  const bytes = Buffer.from(text);
  const edges = [0, ...cuts, bytes.length];
  const chunks = edges.slice(1).map((end, i) => bytes.subarray(edges[i], end));
  const out: Buffer[] = [];
  const as = kind === true ? 'sheet' : kind === false ? 'markup' : kind;
  for await (const chunk of mendedPart(Readable.from(chunks), as)) out.push(chunk as Buffer);
  return Buffer.concat(out).toString();
}

const usual =
  `<?xml version="1.0"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>` +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>商品</t></is></c></row></sheetData></worksheet>';

describe('mendingOf', () => {
  it('leaves the usual spelling alone', () => {
    expect(mendingOf(usual, true, false)).toEqual({ prefix: '', relPrefix: '', number: false });
  });

  it('waits for the root, and in a sheet for its first cell, before it decides', () => {
    expect(mendingOf('<?xml version="1.0"?><work', false, false)).toBeNull();
    expect(mendingOf(`<worksheet xmlns="${MAIN}"><sheetData><row r="1">`, true, false)).toBeNull();
    expect(mendingOf(`<worksheet xmlns="${MAIN}"><sheetData><row r="1">`, true, true)).toEqual({
      prefix: '',
      relPrefix: '',
      number: false,
    });
    expect(mendingOf(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`, true, false)?.number).toBe(false);
  });

  it('finds the element prefix, a relationships prefix other than r:, and rows or cells without a position', () => {
    expect(mendingOf(`<x:workbook xmlns:x="${MAIN}" xmlns:ns1='${REL}'>`, false, false)).toEqual({
      prefix: 'x:',
      relPrefix: 'ns1:',
      number: false,
    });
    expect(mendingOf(`<worksheet xmlns="${MAIN}"><sheetData><row><c t="s">`, true, false)?.number).toBe(true);
    expect(mendingOf(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c t="s">`, true, false)?.number).toBe(true);
    // `r:id` is not a position.
    const relId = `<worksheet xmlns="${MAIN}"><sheetData><row spans="1:2" r:id="x"><c r="A1">`;
    expect(mendingOf(relId, true, false)?.number).toBe(true);
  });
});

describe('mendedPart', () => {
  it('passes the usual spelling through byte for byte', async () => {
    expect(await mended(usual, true, [5, 60, 61, 100])).toBe(usual);
  });

  const prefixed =
    `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}" xmlns:ns1="${REL}"><x:sheetData>` +
    '<x:row><x:c t="inlineStr"><x:is><x:t>a &lt;x:c&gt; b</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row>' +
    '<x:row r="7"><x:c t="s"><x:v>0</x:v></x:c><x:c r="D7" t="s"><x:v>1</x:v></x:c><x:c/></x:row>' +
    '<x:row/><x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[<x:c> > ]]></x:t></x:is></x:c></x:row>' +
    '</x:sheetData><!-- <x:row> --><x:hyperlinks><x:hyperlink ref="D7" ns1:id="rId1" tooltip="a > b"/></x:hyperlinks>' +
    '<x14:ext xmlns:x14="urn:x14"><x14:c/></x14:ext></x:worksheet>';
  const expected =
    `<?xml version="1.0"?><worksheet xmlns:x="${MAIN}" xmlns:ns1="${REL}"><sheetData>` +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>a &lt;x:c&gt; b</t></is></c><c r="B1"><v>2</v></c></row>' +
    '<row r="7"><c r="A7" t="s"><v>0</v></c><c r="D7" t="s"><v>1</v></c><c r="E7"/></row>' +
    '<row r="8"/><row r="9"><c r="A9" t="inlineStr"><is><t><![CDATA[<x:c> > ]]></t></is></c></row>' +
    '</sheetData><!-- <x:row> --><hyperlinks><hyperlink ref="D7" r:id="rId1" tooltip="a > b"/></hyperlinks>' +
    '<x14:ext xmlns:x14="urn:x14"><x14:c/></x14:ext></worksheet>';

  it('drops the element prefix, renames the relationships prefix and numbers rows and cells that lack it', async () => {
    expect(await mended(prefixed, true)).toBe(expected);
  });

  it('gives the same wherever the chunks are cut, Chinese text included', async () => {
    const text = prefixed.replace('a &lt;', '商品 &lt;');
    const want = expected.replace('a &lt;', '商品 &lt;');
    const length = Buffer.byteLength(text);
    for (let cut = 1; cut < length; cut++) expect(await mended(text, true, [cut])).toBe(want);
    expect(
      await mended(
        text,
        true,
        Array.from({ length: length - 1 }, (_, i) => i + 1),
      ),
    ).toBe(want);
  });

  it('numbers nothing outside a worksheet, and keeps a tag cut off at the end for the parser to report', async () => {
    const book = `<x:workbook xmlns:x="${MAIN}"><x:sheets><x:sheet name="a"/></x:sheets></x:workbook>`;
    expect(await mended(book, false)).toBe(`<workbook xmlns:x="${MAIN}"><sheets><sheet name="a"/></sheets></workbook>`);
    const cut = prefixed.indexOf('<x:c><x:v>2') + '<x:c><x:v'.length;
    expect(await mended(prefixed.slice(0, cut), true)).toBe(`${expected.slice(0, expected.indexOf('<v>2'))}<x:v`);
  });

  const runs =
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="Z1" t="inlineStr"><is /></c>` +
    '<c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">【淘宝】 </t></r><r><t>￥AbCd1234￥</t></r>' +
    '<r><rPr><rFont val="宋体"/></rPr><t/></r><r><t xml:space="preserve"/></r><r><t> &amp; 打开</t></r></is></c>' +
    '<c r="B1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></is></c>' +
    '<c r="C1" t="inlineStr"><is><t>plain</t></is></c><c r="D1" t="inlineStr"><is/></c></row></sheetData></worksheet>';
  const joined =
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="Z1" t="inlineStr"><is /></c>` +
    '<c r="A1" t="inlineStr"><is><t xml:space="preserve">【淘宝】 ￥AbCd1234￥ &amp; 打开</t></is></c>' +
    '<c r="B1" t="inlineStr"><is><t xml:space="preserve">東京</t></is></c>' +
    '<c r="C1" t="inlineStr"><is><t>plain</t></is></c><c r="D1" t="inlineStr"><is/></c></row></sheetData></worksheet>';

  it('makes an inline string of several runs one text, without its phonetic guide, wherever the chunks are cut', async () => {
    expect(await mended(runs, 'sheet')).toBe(joined);
    const length = Buffer.byteLength(runs);
    for (let cut = 1; cut < length; cut++) expect(await mended(runs, 'sheet', [cut])).toBe(joined);
    expect(
      await mended(
        runs,
        'sheet',
        Array.from({ length: length - 1 }, (_, i) => i + 1),
      ),
    ).toBe(joined);
  });

  it('drops the phonetic guide of a shared string and keeps its runs', async () => {
    const strings =
      `<sst xmlns="${MAIN}"><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>` +
      '<si><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></si><si><t>c</t></si></sst>';
    expect(await mended(strings, 'strings', [20, 50])).toBe(
      `<sst xmlns="${MAIN}"><si><t>東京</t></si><si><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></si><si><t>c</t></si></sst>`,
    );
  });

  it('turns ISO date cells into day numbers, their style still saying they are dates, wherever the chunks are cut', async () => {
    const iso =
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="1" t="d"><v>2026-11-01T00:00:00.000Z</v></c>` +
      '<c r="B1" t="d"><v>2026-11-02T12:30:00</v></c><c r="C1" t="d"/><c r="D1" t="inlineStr"><is><t>2026-11-03</t></is></c>' +
      '<c r="E1"><v>7</v></c></row></sheetData></worksheet>';
    const want =
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="1"><v>46327</v></c>` +
      '<c r="B1"><v>46328.520833333336</v></c><c r="C1" t="d"/><c r="D1" t="inlineStr"><is><t>2026-11-03</t></is></c>' +
      '<c r="E1"><v>7</v></c></row></sheetData></worksheet>';
    expect(mendingOf(iso, true, false)?.isoDates).toBe(true);
    for (let cut = 1; cut < iso.length; cut++) expect(await mended(iso, 'sheet', [cut])).toBe(want);
  });
});
