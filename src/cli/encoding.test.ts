import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { completeUtf8Length, detectEncoding, Utf8Decoder } from './encoding';

const TEXT = '商品链接\r\nhttps://s.click.taobao.com/t?e=m%3D2 淘宝\r\nhttps://item.jd.com/100012043978.html\r\n';
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const gbk = Buffer.from([0xc1, 0xb4, 0xbd, 0xd3, 0x20, 0xc9, 0xcc, 0xc6, 0xb7, 0x0a]); // "链接 商品\n"

describe('detectEncoding', () => {
  it('reads byte-order marks, only at the start of the input', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toEqual({
      encoding: 'utf-8',
      bom: 3,
    });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]))).toEqual({
      encoding: 'utf-16le',
      bom: 2,
    });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]))).toEqual({
      encoding: 'utf-16be',
      bom: 2,
    });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), false)?.bom).toBe(0);
  });

  it('knows UTF-16 without a BOM (Excel "Unicode text") by its zero bytes, either way round', () => {
    expect(detectEncoding(Buffer.from(TEXT, 'utf16le'))).toEqual({ encoding: 'utf-16le', bom: 0 });
    expect(detectEncoding(utf16be(TEXT))).toEqual({ encoding: 'utf-16be', bom: 0 });
  });

  it('reads UTF-8 with a stray byte as UTF-8, not as GBK', () => {
    for (const stray of [[0xff], [0xc3, 0x28], [0x80], [0xfe, 0xfe]]) {
      const bytes = Buffer.concat([
        Buffer.from('【淘宝】复制这段 ￥AbCd1234￥ 打开手机淘宝\n商品 '),
        Buffer.from(stray),
      ]);
      expect(detectEncoding(bytes)?.encoding).toBe('utf-8');
    }
    // Plain ASCII with one stray byte is no GBK either.
    expect(detectEncoding(Buffer.from('name,link\nx,\xff\n', 'latin1'))?.encoding).toBe('utf-8');
  });

  it('reads GBK only when the bytes are GBK', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from('商品,'), gbk]))?.encoding).toBe('gbk');
    expect(detectEncoding(Buffer.concat([gbk, Buffer.from(TEXT.replace(/[^ -~\r\n]/g, ''))]))?.encoding).toBe('gbk');
    // A GBK chunk cut in the middle of a character is still GBK.
    expect(detectEncoding(gbk.subarray(0, 3))?.encoding).toBe('gbk');
  });

  it('refuses bytes that are no text', () => {
    expect(detectEncoding(randomBytes(1 << 16))).toBeNull();
    expect(
      detectEncoding(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0x87, 0x9c, 0x93, 0xa1])),
    ).toBeNull();
  });
});

describe('Utf8Decoder', () => {
  it('joins a character split across chunks and says where the first stray byte is', () => {
    const strays: number[] = [];
    const decoder = new Utf8Decoder((offset) => strays.push(offset));
    const bytes = Buffer.from('链接 https://item.jd.com/1.html 好');
    const text = [bytes.subarray(0, 2), bytes.subarray(2, 5), bytes.subarray(5)].map((c) => decoder.decode(c)).join('');
    expect(text + decoder.end()).toBe('链接 https://item.jd.com/1.html 好');
    expect(strays).toEqual([]);
    const stray = Buffer.concat([
      Buffer.from('好物 '),
      Buffer.from([0xff]),
      Buffer.from(' 好物 '),
      Buffer.from([0xff]),
    ]);
    expect(decoder.decode(stray) + decoder.end()).toBe('好物 \uFFFD 好物 \uFFFD');
    expect(strays).toEqual([bytes.length + Buffer.byteLength('好物 ')]);
  });

  it('turns a sequence cut off at the very end into U+FFFD', () => {
    const decoder = new Utf8Decoder(() => {});
    expect(decoder.decode(Buffer.from('好').subarray(0, 2)) + decoder.end()).toBe('\uFFFD');
  });
});

describe('completeUtf8Length', () => {
  it('stops before a sequence the next chunk completes', () => {
    const bytes = Buffer.from('a好');
    expect(completeUtf8Length(bytes)).toBe(4);
    expect(completeUtf8Length(bytes.subarray(0, 3))).toBe(1);
    expect(completeUtf8Length(Buffer.from([0x61, 0xff]))).toBe(2);
  });
});
