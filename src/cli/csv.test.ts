import { describe, expect, it } from 'vitest';
import { CsvReader, csvLine, delimiterOf, MAX_RECORD, RecordTooLongError, shownText, UnclosedQuoteError } from './csv';

function parse(lines: string[]) {
  const reader = new CsvReader();
  const records = lines.map((line, i) => reader.push(line, i + 1)).filter((r) => r !== null);
  reader.end();
  return records;
}

describe('CsvReader', () => {
  it('reads plain, quoted, escaped and empty cells', () => {
    expect(parse(['a,"b,c","say ""hi""",,'])).toEqual([{ cells: ['a', 'b,c', 'say "hi"', '', ''], line: 1 }]);
  });
  it('joins a quoted cell across lines and reports where the record started', () => {
    expect(parse(['id,desc', '1,"第一行', '第二行 https://item.jd.com/1.html"', '2,x'])).toEqual([
      { cells: ['id', 'desc'], line: 1 },
      { cells: ['1', '第一行\n第二行 https://item.jd.com/1.html'], line: 2 },
      { cells: ['2', 'x'], line: 4 },
    ]);
  });
  it('reads a quote inside an unquoted cell, and text after a closing quote, as the cell goes on', () => {
    expect(parse(['a 5" screen,"x"y,'])).toEqual([{ cells: ['a 5" screen', 'xy', ''], line: 1 }]);
  });
  it('gives up on a quoted cell past the cap, naming the line it started on', () => {
    const reader = new CsvReader();
    reader.push('id,desc', 1);
    reader.push('1,"stray', 2);
    const line = 'x'.repeat(999);
    let thrown: unknown;
    try {
      for (let i = 3; i < 3 + (MAX_RECORD / 1000) * 2; i++) reader.push(line, i);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RecordTooLongError);
    expect((thrown as RecordTooLongError).line).toBe(2);
  });
  it('splits on the delimiter it is given, quotes as in CSV', () => {
    const reader = new CsvReader('\t');
    expect(reader.push('a,b\t"c\td"\t', 1)).toEqual({ cells: ['a,b', 'c\td', ''], line: 1 });
    expect(new CsvReader(';').push('手套;"19,9";x', 1)).toEqual({ cells: ['手套', '19,9', 'x'], line: 1 });
  });
  it('refuses an input that ends inside quotes', () => {
    const reader = new CsvReader();
    reader.push('1,"open', 7);
    expect(() => reader.end()).toThrow(UnclosedQuoteError);
  });
});

describe('csvLine', () => {
  it('quotes only what needs it and ends with CRLF', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', 3])).toBe('a,"b,c","say ""hi""","two\nlines",3\r\n');
  });
  it('turns text a spreadsheet would run as a formula into plain text, numbers excepted', () => {
    expect(csvLine(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a=b', -3])).toBe(
      `'=1+1,'+1,'-1,'@SUM(A1),'\tx,"'\rx",a=b,-3\r\n`,
    );
  });
  it('round-trips through the reader', () => {
    const cells = ['淘宝', '"quoted"', 'a,b', ' padded '];
    const [record] = parse(csvLine(cells).replace(/\r\n$/, '').split('\n'));
    expect(record!.cells).toEqual(cells);
  });
});

describe('delimiterOf', () => {
  const none = () => false;
  const linkColumn = (cells: string[]) => cells.includes('商品链接');

  it('takes Excel’s sep= hint, to be skipped', () => {
    expect(delimiterOf(['sep=;', 'a;b'], none)).toEqual({ delimiter: ';', hinted: true });
    expect(delimiterOf(['SEP=|', 'a,b'], none)).toEqual({ delimiter: '|', hinted: true });
    expect(delimiterOf(['sep=x', 'a,b,c', 'd,e,f'], none)).toEqual({ delimiter: ',', hinted: false });
  });

  it('finds the columns asked for by name, under title rows', () => {
    const tabs = ['快手小店 商品导出, 2026-12-01', '', '商品名称\t商品链接', '手套, 加绒\thttps://item.jd.com/1.html'];
    expect(delimiterOf(tabs, linkColumn).delimiter).toBe('\t');
    expect(delimiterOf(['商品名称;商品链接;价格', '手套;https://x.cn/a?b=1,2;19,9'], linkColumn).delimiter).toBe(';');
    expect(delimiterOf(['"商品名称,全称",商品链接', 'a;b,c'], linkColumn).delimiter).toBe(',');
  });

  it('else takes the delimiter that splits most lines into the same number of cells', () => {
    const semicolons = ['title', 'a;b;c', '1;2,5;x', '3;4;y'];
    expect(delimiterOf(semicolons, none).delimiter).toBe(';');
    const commas = ['名称,链接,备注', '手套,https://x.cn/?a=1;b=2,x', '袜子,https://x.cn/,y'];
    expect(delimiterOf(commas, none).delimiter).toBe(',');
    expect(delimiterOf(['just one column', 'https://item.jd.com/1.html'], none).delimiter).toBe(',');
    // A one-column list whose titles use | or ; (面膜|补水) stays one column.
    const titles = [
      '商品',
      '面膜|补水保湿 https://item.taobao.com/item.htm?id=1',
      'https://item.jd.com/2.html',
      '手套;加绒',
    ];
    expect(delimiterOf(titles, none).delimiter).toBe(',');
    expect(delimiterOf(['商品链接', ...titles.slice(1), 'a|b', 'c|d'], linkColumn).delimiter).toBe(',');
    expect(delimiterOf(['商品|链接', 'a|b', 'c|d', 'x'], none).delimiter).toBe('|');
    expect(delimiterOf([], none).delimiter).toBe(',');
  });
});

describe('shownText', () => {
  it('reads ="…" as the text a spreadsheet shows, and leaves every other cell alone', () => {
    expect(['="3579123456789"', '="a ""b"" c"', '=""', '="x" y', '=SUM(A1)', 'plain'].map(shownText)).toEqual([
      '3579123456789',
      'a "b" c',
      '',
      '="x" y',
      '=SUM(A1)',
      'plain',
    ]);
  });
});
