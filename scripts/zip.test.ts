import { describe, expect, it } from 'vitest';
import { readZipEntries, readZipFile, writeZip } from './zip';

const text = (s: string) => Buffer.from(s, 'utf8');
const files = [
  { name: 'manifest.json', data: text('{"manifest_version":3}'.repeat(20)) },
  { name: '_locales/zh_CN/messages.json', data: text('{"extName":{"message":"小黄车外链检查"}}') },
  { name: 'icons/icon-16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
  { name: 'empty.txt', data: Buffer.alloc(0) },
];

describe('zip', () => {
  it('lists every entry, sorted, in its central directory, and reads each back intact', () => {
    const zip = writeZip(files);
    const entries = readZipEntries(zip);
    expect(entries.map((e) => e.name)).toEqual([
      '_locales/zh_CN/messages.json',
      'empty.txt',
      'icons/icon-16.png',
      'manifest.json',
    ]);
    for (const entry of entries) {
      expect(readZipFile(zip, entry).equals(files.find((f) => f.name === entry.name)!.data)).toBe(true);
    }
    expect(entries.find((e) => e.name === 'manifest.json')!.method).toBe(8);
    expect(entries.find((e) => e.name === 'icons/icon-16.png')!.method).toBe(0);
  });

  it('makes the same bytes from the same files in any order', () => {
    expect(writeZip(files).equals(writeZip([...files].reverse()))).toBe(true);
  });

  it('refuses names that would escape the folder or repeat', () => {
    for (const name of ['/etc/passwd', '../x', 'a/../../x', 'a\\b', '', 'a//b']) {
      expect(() => writeZip([{ name, data: text('x') }])).toThrow(/bad entry name/);
    }
    expect(() => writeZip([files[0]!, files[0]!])).toThrow(/twice/);
  });

  it('detects a corrupted entry', () => {
    const zip = writeZip([{ name: 'a.txt', data: text('hello hello hello hello') }]);
    const [entry] = readZipEntries(zip);
    const broken = Buffer.from(zip);
    broken[30 + 'a.txt'.length + 2]! ^= 0xff;
    expect(() => readZipFile(broken, entry!)).toThrow();
  });
});
