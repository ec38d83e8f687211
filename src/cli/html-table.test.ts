import { describe, expect, it } from 'vitest';
import { cellOf, HtmlTableReader } from './html-table';

const PAGE =
  '<html><head><meta charset="utf-8"><style>td{mso-number-format:"\\@";}</style></head><body>\n<table>\n' +
  '<tr><td colspan="3">有赞 商品导出</td></tr>\n<tr><th>商品名称</th><th>商品链接</th><th>价格</th></tr>\n' +
  '<tr class="odd"><td>手套 &amp; 袜子<br/>加绒</td><td><a href="https://s.click.taobao.com/t?e=1&amp;pid=mm_1_2_3">链接</a></td><td>19.9</td></tr>\n' +
  '<tr><td>京东&#x2F;自营 &lt;新&gt;</td><td>https://item.jd.com/1.html</td><td>&nbsp;5</td></tr>\n' +
  '<tr><td>无链接<td><a href="#top">回到顶部</a><td>7\n</table></body></html>\n';
const ROWS = [
  { line: 1, cells: ['有赞 商品导出', '', ''] },
  { line: 2, cells: ['商品名称', '商品链接', '价格'] },
  { line: 3, cells: ['手套 & 袜子 加绒', '链接 https://s.click.taobao.com/t?e=1&pid=mm_1_2_3', '19.9'] },
  { line: 4, cells: ['京东/自营 <新>', 'https://item.jd.com/1.html', '5'] },
  { line: 5, cells: ['无链接', '回到顶部', '7'] },
];

function read(pieces: string[]) {
  const reader = new HtmlTableReader();
  return [...pieces.flatMap((piece) => reader.push(piece)), ...reader.end()];
}

describe('HtmlTableReader', () => {
  it('reads each row’s cells: text without tags, entities decoded, spans filled, links beside their labels', () => {
    expect(read([PAGE])).toEqual(ROWS);
  });

  it('gives the same rows wherever the text is cut', () => {
    for (let cut = 1; cut < PAGE.length; cut++) expect(read([PAGE.slice(0, cut), PAGE.slice(cut)])).toEqual(ROWS);
    expect(read([...PAGE])).toEqual(ROWS);
  });

  it('ends a row at the next one when its </tr> is left out, as HTML allows, and at the table’s end', () => {
    const loose = '<table><tr><td>a<td>b\n<tr><td>c</td><td>d\n</table><p>after</p><table><tr><td>e</table>';
    const want = [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
      { line: 3, cells: ['e'] },
    ];
    expect(read([loose])).toEqual(want);
    for (let cut = 1; cut < loose.length; cut++) expect(read([loose.slice(0, cut), loose.slice(cut)])).toEqual(want);
  });

  it('reads a long row fed line by line without searching it again for each line', () => {
    const lines = ['<table><tr>', ...Array.from({ length: 20_000 }, (_, i) => `<td>${i}</td>\n`), '</tr></table>'];
    const rows = read(lines);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cells).toHaveLength(20_000);
  });

  it('finds no row in a page without a table, and holds little of it', () => {
    const reader = new HtmlTableReader();
    expect(reader.push(`<html><body>${'<p>段落</p>'.repeat(10_000)}`)).toEqual([]);
    expect(reader.end()).toEqual([]);
  });
});

describe('cellOf', () => {
  it('keeps a link’s address once, and leaves scripts and page anchors out', () => {
    expect(cellOf('<a href="https://item.jd.com/1.html">https://item.jd.com/1.html</a>')).toBe(
      'https://item.jd.com/1.html',
    );
    expect(cellOf("<a href='https://x.cn/a'>a</a> <a href=https://x.cn/b>b</a>")).toBe(
      'a b https://x.cn/a https://x.cn/b',
    );
    expect(cellOf('<script>alert("x")</script><a href="javascript:void(0)">查看</a>')).toBe('查看');
    expect(cellOf('&#0; &#1114112; &bogus;')).toBe('&#0; &#1114112; &bogus;');
  });
});
