import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from './zip';

const text = (s: string) => Buffer.from(s, 'utf8');
const files = [
  { name: 'manifest.json', data: text('{"manifest_version":3}'.repeat(20)) },
  { name: '_locales/zh_CN/messages.json', data: text('{"extName":{"message":"小黄车外链检查"}}') },
  { name: 'icons/icon-16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
  { name: 'empty.txt', data: Buffer.alloc(0) },
];

/** Runs `make` with the process in another time zone (Node re-reads TZ on change). */
function inZone<T>(zone: string, make: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return make();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe('zip', () => {
  it('lists every entry, sorted, in its central directory, and reads each back intact', () => {
    const entries = readZip(writeZip(files));
    expect(entries.map((e) => e.name)).toEqual([
      '_locales/zh_CN/messages.json',
      'empty.txt',
      'icons/icon-16.png',
      'manifest.json',
    ]);
    for (const entry of entries) {
      expect(Buffer.from(entry.data).equals(files.find((f) => f.name === entry.name)!.data)).toBe(true);
    }
    expect(entries.find((e) => e.name === 'manifest.json')!.method).toBe(8);
    expect(entries.find((e) => e.name === 'icons/icon-16.png')!.method).toBe(0);
  });

  it('makes the same bytes from the same files in any order, in any time zone, at any time', async () => {
    const first = writeZip(files);
    expect(writeZip([...files].reverse()).equals(first)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (const zone of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC', 'Pacific/Kiritimati']) {
      expect(inZone(zone, () => writeZip(files)).equals(first)).toBe(true);
    }
  });

  it('stamps every entry 1980-01-01 00:00, Unix mode 0644, UTF-8 names, as unzip reads them', () => {
    const zip = writeZip(files);
    // The DOS time and date of the first local header (offsets 10 and 12): 00:00, 1980-01-01.
    expect([zip.readUInt16LE(10), zip.readUInt16LE(12)]).toEqual([0, (0 << 9) | (1 << 5) | 1]);
    // Each central-directory entry: made by Unix (3), external attributes = mode 0100644 in the high half.
    let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const seen: string[] = [];
    while (at >= 0) {
      expect(zip[at + 5]).toBe(3);
      expect(zip.readUInt32LE(at + 38) >>> 16).toBe(0o100644);
      const nameLength = zip.readUInt16LE(at + 28);
      const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
      // Bit 11: the name is UTF-8, which unzip needs for non-ASCII names.
      if (/[^\x20-\x7e]/.test(name)) expect(zip.readUInt16LE(at + 8) & (1 << 11)).not.toBe(0);
      seen.push(name);
      at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 46 + nameLength);
    }
    expect(seen).toHaveLength(files.length);
  });

  it('writes non-ASCII names as UTF-8', () => {
    const zip = writeZip([{ name: '说明/小黄车.txt', data: text('x') }]);
    expect(readZip(zip).map((e) => e.name)).toEqual(['说明/小黄车.txt']);
  });

  it('refuses names that would escape the folder or repeat', () => {
    for (const name of ['/etc/passwd', '../x', 'a/../../x', 'a\\b', '', 'a//b']) {
      expect(() => writeZip([{ name, data: text('x') }])).toThrow(/bad entry name/);
    }
    expect(() => writeZip([files[0]!, files[0]!])).toThrow(/twice/);
  });

  it('refuses an archive cut short', () => {
    const zip = writeZip(files);
    expect(() => readZip(zip.subarray(0, zip.length - 30))).toThrow();
  });
});
