import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { measure, measureDir, overBudget, sizeTable } from './build-sizes';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('build sizes', () => {
  it('measures the raw and the gzipped size', () => {
    const text = Buffer.from('小黄车 '.repeat(500));
    const size = measure(text, 'content.js');
    expect(size.bytes).toBe(text.length);
    expect(size.gzip).toBeLessThan(text.length / 10);
    expect(size.gzip).toBe(gzipSync(text, { level: 9 }).length);
    expect(gunzipSync(gzipSync(text, { level: 9 })).equals(text)).toBe(true);
  });

  it('walks nested folders and names files with forward slashes, sorted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cartlint-sizes-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'popup.html'), '<html></html>');
    writeFileSync(join(dir, 'assets', 'popup.js'), 'x');
    expect(measureDir(dir).map((s) => [s.file, s.bytes])).toEqual([
      ['assets/popup.js', 1],
      ['popup.html', 13],
    ]);
  });

  it('fails the budget one byte over, passes at the limit, and fails when the file is missing', () => {
    const budget = [{ file: 'content.js', maxGzip: 100, why: 'test budget' }];
    expect(overBudget([{ file: 'content.js', bytes: 900, gzip: 100 }], budget)).toEqual([]);
    expect(overBudget([{ file: 'content.js', bytes: 900, gzip: 101 }], budget)[0]).toMatch(
      /content\.js: 0\.1 KB gzipped exceeds the test budget/,
    );
    expect(overBudget([], budget)[0]).toMatch(/missing/);
  });

  it('prints a row per file and a total', () => {
    const table = sizeTable('out', [
      { file: 'a.js', bytes: 2048, gzip: 1024 },
      { file: 'b.js', bytes: 1024, gzip: 512 },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toBe('out');
    expect(lines.at(-1)).toMatch(/^total\s+3\.0 KB\s+1\.5 KB$/);
    expect(lines).toHaveLength(5);
  });
});
