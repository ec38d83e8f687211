import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../vite.config';
import { BUILD_NOTE_NAME, folderEntries, sourcesEntries } from './package';
import { readZip, writeZip } from './zip';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const listed = (zip: Buffer) => readZip(zip).map((entry) => entry.name);

describe('extension zip', () => {
  it('holds the built folder with manifest.json at the top, read back from the central directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cartlint-pkg-'));
    dirs.push(dir);
    for (const sub of ['assets', '_locales/zh_CN', 'icons']) mkdirSync(join(dir, sub), { recursive: true });
    const files = [
      'manifest.json',
      'background.js',
      'content.js',
      'popup.html',
      'assets/popup.js',
      '_locales/zh_CN/messages.json',
      'icons/icon-16.png',
    ];
    for (const file of files) writeFileSync(join(dir, file), `// ${file}`);
    const zip = writeZip(folderEntries(dir));
    expect(listed(zip)).toEqual([...files].sort());
    const manifest = readZip(zip).find((entry) => entry.name === 'manifest.json')!;
    expect(Buffer.from(manifest.data).toString()).toBe('// manifest.json');
  });
});

describe('Firefox sources zip', () => {
  const zip = writeZip(sourcesEntries(ROOT, '9.9.9'));
  const names = listed(zip);

  it('holds what `npm ci && npm run build-for-amo` needs, and the note saying so', () => {
    for (const file of [
      'package.json',
      'package-lock.json',
      'manifest.json',
      'vite.config.ts',
      'tsconfig.json',
      'scripts/build.ts',
      'scripts/manifest.ts',
      'src/cli/cartlint.ts',
      'src/popup/popup.html',
      'public/_locales/en/messages.json',
      'public/_locales/zh_CN/messages.json',
      BUILD_NOTE_NAME,
    ]) {
      expect(names).toContain(file);
    }
    const note = entryText(zip, BUILD_NOTE_NAME);
    expect(note).toContain('npm ci && npm run build-for-amo');
    expect(note).toContain('cartlint 9.9.9');
  });

  it('holds no dependencies, builds or tests of the extension in browsers', () => {
    expect(names.filter((name) => /^(node_modules|extension|dist|test|\.git)\//.test(name))).toEqual([]);
  });
});

function entryText(zip: Buffer, name: string): string {
  return Buffer.from(readZip(zip).find((entry) => entry.name === name)!.data).toString('utf8');
}
