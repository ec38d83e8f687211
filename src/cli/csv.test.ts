import { describe, expect, it } from 'vitest';
import { CsvReader, csvLine, MAX_RECORD, RecordTooLongError, UnclosedQuoteError } from './csv';

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
