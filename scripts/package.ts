// npm run package: builds, then writes the store packages to extension/packages/:
//   cartlint-chrome-<version>.zip         the Chrome Web Store / Edge upload (extension/chrome)
//   cartlint-firefox-<version>.zip        the AMO upload (extension/firefox)
//   cartlint-firefox-sources-<version>.zip  what AMO reviewers need to rebuild the bundled, minified code
// Each zip is read back after writing and compared with what should be in it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../vite.config';
import { buildAll, EXTENSION_DIR, outDirFor } from './build';
import { readZip, writeZip, type ZipInput } from './zip';

export const PACKAGES_DIR = join(EXTENSION_DIR, 'packages');

/** Everything needed to rebuild the extension from scratch, and nothing generated. */
export const SOURCE_PATHS = [
  'package.json',
  'package-lock.json',
  'manifest.json',
  'vite.config.ts',
  'tsconfig.json',
  'README.md',
  'src',
  'public',
  'scripts',
];

export const BUILD_NOTE_NAME = 'BUILD-FOR-AMO.md';

export function buildNote(version: string): string {
  return [
    `# Building cartlint ${version} for review`,
    '',
    'The add-on is bundled and minified with Vite from the TypeScript sources in this archive; nothing is',
    'downloaded at build time other than the npm packages pinned in package-lock.json, and no code is generated.',
    '',
    '- Linux or macOS, Node.js 20.19 or newer (tested with Node 20, npm 11)',
    '- `npm ci && npm run build-for-amo`',
    '- The add-on is then in `extension/firefox/` and matches the uploaded package file for file',
    '  (`extension/chrome/` is the Chrome build of the same sources; only its manifest differs).',
    '',
    'Build entry: scripts/build.ts (one Vite build per entry, settings in vite.config.ts).',
    '',
  ].join('\n');
}

/** Files under `dir` as zip entries, named relative to it. */
export function folderEntries(dir: string): ZipInput[] {
  const walk = (at: string): string[] =>
    readdirSync(at).flatMap((name) =>
      statSync(join(at, name)).isDirectory() ? walk(join(at, name)) : [join(at, name)],
    );
  return walk(dir).map((path) => ({ name: relative(dir, path).split(sep).join('/'), data: readFileSync(path) }));
}

/** The source files git knows (tracked, or new and not ignored) under SOURCE_PATHS: never node_modules or builds. */
export function sourceFiles(root: string): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...SOURCE_PATHS],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  // --cached also lists files deleted in the working tree; a sources zip holds what is there now.
  return [...new Set(listed.split('\0').filter((file) => file && existsSync(join(root, file))))].sort();
}

/** The sources zip's contents: the source files and the build note for AMO's reviewers. */
export function sourcesEntries(root: string, version: string): ZipInput[] {
  const files = sourceFiles(root).map((name) => ({ name, data: readFileSync(join(root, name)) }));
  return [...files, { name: BUILD_NOTE_NAME, data: Buffer.from(buildNote(version)) }];
}

/** Writes one zip and proves it holds exactly `inputs`, byte for byte, read back as unzip reads it. */
function writeChecked(file: string, inputs: ZipInput[]): void {
  const zip = writeZip(inputs);
  const entries = readZip(zip);
  const names = entries.map((entry) => entry.name);
  const expected = [...inputs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const same =
    entries.length === expected.length &&
    entries.every((entry, i) => entry.name === expected[i]!.name && Buffer.from(entry.data).equals(expected[i]!.data));
  if (!same) throw new Error(`${file}: entries differ from the input`);
  writeFileSync(file, zip);
  console.log(`${relative(ROOT, file)}  ${names.length} files  ${(zip.length / 1024).toFixed(1)} KB`);
}

export async function packageAll(): Promise<void> {
  await buildAll();
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  mkdirSync(PACKAGES_DIR, { recursive: true });
  console.log('');
  for (const browser of ['chrome', 'firefox'] as const) {
    writeChecked(join(PACKAGES_DIR, `cartlint-${browser}-${version}.zip`), folderEntries(outDirFor(browser)));
  }
  writeChecked(join(PACKAGES_DIR, `cartlint-firefox-sources-${version}.zip`), sourcesEntries(ROOT, version));
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  packageAll().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
