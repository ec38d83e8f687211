// Gzipped size of the pure core as a content script would carry it: recognition alone, and recognition +
// verdicts + notices + built-in rules. Those pull in the bilingual message catalogue; like the build does for
// the content script (scripts/catalogue-prune.ts), only the message areas the core shows are kept, and the rules
// come in the compact form every bundle carries (scripts/built-in-compact.ts). Minified
// IIFE in UTF-8 and squeezed by terser as scripts/build.ts does a classic script, gzip -9. esbuild comes with
// tsx and vite; if it cannot be loaded, Vite's own library build is used.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { squeeze } from '../scripts/build';
import { builtInRulesCompact, builtInRulesCompactEsbuild } from '../scripts/built-in-compact';
import { bundledCatalogue, catalogueFor, droppedKeysUsed, PLAIN_CATALOGUES } from '../scripts/catalogue-prune';

export const BUNDLE_TARGET_GZIP = 25 * 1024;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Message areas the core never shows (the UI's, the CLI's, the background's, the element picker's). */
export const NOT_CORE = ['cli', 'popup', 'options', 'demo', 'bg', 'overlay', 'guard', 'badge', 'picker'];
const CATALOGUE = /[\\/]_locales[\\/][^\\/]+[\\/]messages\.json$/;

export interface BundleSize {
  name: string;
  bytes: number;
  gzip: number;
  tool: string;
}

/** The core + rules bundle's entry: what a content script needs to recognise, judge and word a notice. */
export const CORE_AND_RULES = [
  `export { classify } from './src/core/extract';`,
  `export { judgeText } from './src/core/judge';`,
  `export { notice } from './src/core/notice';`,
  `export { BUILT_IN_RULES } from './src/rules/index';`,
].join('\n');

const ENTRIES: Array<{ name: string; code: string }> = [
  { name: 'recognition (classify)', code: `export { classify } from './src/core/extract';` },
  { name: 'core + rules (classify, judgeText, notice, BUILT_IN_RULES)', code: CORE_AND_RULES },
];

/** esbuild's settings for a core bundle of `code` (the bench's breakdown adds a metafile to the same). */
export function coreBuildOptions(code: string): BuildOptions & { write: false } {
  return {
    stdin: { contents: code, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'cartlintCore',
    target: 'es2020',
    // What Vite writes: text as UTF-8, not \u escapes (a Chinese character is 3 bytes, not 6).
    charset: 'utf8',
    define: PLAIN_CATALOGUES,
    write: false,
    logLevel: 'silent',
    plugins: [
      builtInRulesCompactEsbuild(),
      {
        name: 'catalogue-prune',
        setup(build) {
          build.onLoad({ filter: CATALOGUE }, (args) => ({
            contents: bundledCatalogue(args.path, readFileSync(args.path, 'utf8'), NOT_CORE),
            loader: 'json',
          }));
        },
      },
    ],
  };
}

async function withEsbuild(code: string): Promise<Uint8Array> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build(coreBuildOptions(code));
  return result.outputFiles[0]!.contents;
}

async function withVite(code: string): Promise<Uint8Array> {
  const { build } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'cartlint-bundle-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, code.replaceAll("'./src/", `'${ROOT}src/`));
    await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [catalogueFor(NOT_CORE), builtInRulesCompact()],
      build: {
        lib: { entry, name: 'cartlintCore', formats: ['iife'], fileName: () => 'core.js' },
        outDir: join(dir, 'out'),
        minify: true,
        write: true,
      },
    });
    return readFileSync(join(dir, 'out', 'core.js'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureCoreBundles(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const { name, code } of ENTRIES) {
    let bytes: Uint8Array;
    let tool = 'esbuild';
    try {
      bytes = await withEsbuild(code);
    } catch {
      bytes = await withVite(code);
      tool = 'vite';
    }
    const squeezed = await squeeze(new TextDecoder().decode(bytes));
    const missing = droppedKeysUsed(squeezed, NOT_CORE);
    if (missing.length) throw new Error(`bundle ${name}: pruned message keys still used: ${missing.join(', ')}`);
    const shipped = new TextEncoder().encode(squeezed);
    sizes.push({ name, bytes: shipped.length, gzip: gzipSync(shipped, { level: 9 }).length, tool: `${tool} + terser` });
  }
  return sizes;
}

export async function runBundleBench(log: (line: string) => void = console.log): Promise<BundleSize[]> {
  const sizes = await measureCoreBundles();
  for (const size of sizes) {
    log(
      `bundle, ${size.name}: ${(size.bytes / 1024).toFixed(1)} KB, ${(size.gzip / 1024).toFixed(1)} KB gzipped (${size.tool})`,
    );
  }
  const core = sizes[sizes.length - 1]!;
  log(
    `  target core + rules < ${BUNDLE_TARGET_GZIP / 1024} KB gzipped: ${core.gzip < BUNDLE_TARGET_GZIP ? 'met' : 'NOT met'}`,
  );
  return sizes;
}
