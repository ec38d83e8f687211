// npm run build: both unpacked extensions (extension/chrome, extension/firefox) and the CLI (dist/cli/cartlint.js).
// One Vite build per entry, all on the shared vite.config.ts: the pages as ES modules, background and content script
// as classic IIFE scripts, the CLI for Node. The bundles are built once and copied, so the two browsers run the same
// code and only their manifests differ. The build checks its own output and fails rather than ship a folder a
// browser would refuse, or a content script over its size budget.
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { minify } from 'terser';
import { build, mergeConfig, type InlineConfig } from 'vite';
import { ROOT, sharedConfig } from '../vite.config';
import { measure, measureDir, overBudget, sizeTable } from './build-sizes';
import { catalogueFor, droppedKeysUsed } from './catalogue-prune';
import { classicScriptProblems, htmlProblems, missingFiles } from './ext-checks';
import { BROWSERS, manifestFor, type Browser } from './manifest';
import { builtInErrors } from './built-in-check';

export const EXTENSION_DIR = join(ROOT, 'extension');
export const CLI_FILE = join(ROOT, 'dist', 'cli', 'cartlint.js');
export const outDirFor = (browser: Browser) => join(EXTENSION_DIR, browser);

const PAGES = ['popup', 'options'] as const;
/*
 * `drop`: message areas (key prefixes) a bundle never shows, left out of its bundled catalogues
 * (scripts/catalogue-prune.ts); the build fails if the bundle still names one of their keys. Each list is what a
 * grep of the bundle's own modules finds unused, so every bundle carries only the messages it can show.
 */
/** Popup and options share one catalogue chunk: the CLI's, the demo's, the worker's and the page overlay's are not theirs. */
const PAGES_DROP = ['cli', 'demo', 'bg', 'overlay', 'guard'];
/*
 * Property names terser may shorten in the content script: the fields of its own option objects, spots and
 * adapters, which no message, storage entry, rule file or DOM API carries (the worker, the popup and rule files
 * never see them). A test checks none is a field of a protocol, settings, rule or watch rule shape or a message
 * key. DOM and built-in names stay as they are whatever this says (terser reserves them). 280 B gz.
 */
export const CONTENT_INTERNAL_PROPS = [
  // the core's source records and host rules (src/core/sources.ts) and the normaliser's offset map: tables the
  // content script builds and reads itself, never sent or stored (the findings it reports keep their names)
  'plainPage',
  'unlessMarked',
  'shopsExcept',
  'notGoods',
  'codesOnly',
  'sharedGoods',
  'shareOf',
  'pagesOnly',
  'wrapper',
  'codeAffiliate',
  'shareHosts',
  'schemes',
  'goodsPath',
  'markers',
  'alliancePaths',
  'nonGoodsPaths',
  'pathShapes',
  'appWords',
  'miniProgramApps',
  'miniProgramPaths',
  'shareTags',
  'shareAppNames',
  'badges',
  'allianceBadges',
  'cueUpgrade',
  'bangTokens',
  'secondHand',
  'alsoCalled',
  'ownOn',
  'shopNames',
  'hosts',
  'short',
  'tokens',
  'anyHost',
  'hostRules',
  'quickAppBrands',
  'namedTokenApps',
  'defaultTokenApp',
  'bangTokenApp',
  'cueUpgrades',
  'secondHandNames',
  'ownSources',
  'pathAndQuery',
  'schemeless',
  'outAt',
  'outLength',
  'copyFrom',
  'startOf',
  'endOf',
  'params',
  'decoded',
  'valueAt',
  'parts',
  'positions',
  'distance',
  // adapters and their page cues (src/dashboards)
  'paths',
  'submitLabels',
  'rowSelectors',
  'fieldSelectors',
  'says',
  // spots and the scanner (src/content/page)
  'el',
  'judged',
  'flag',
  'row',
  'indexed',
  'spots',
  'spot',
  'relevant',
  'scrolledPast',
  'invalidate',
  'scanAll',
  'scanner',
  'judges',
  'makeJudges',
  'scanned',
  'rescan',
  'touch',
  'scan',
  'poll',
  'busy',
  'schedule',
  'onChange',
  'onRoots',
  'onScan',
  'onSettled',
  'onResolved',
  'rescanMs',
  'pollMs',
  // page life and controller (src/content)
  'askNotice',
  'askLink',
  'shortLinks',
  'elsewhere',
  'inherited',
  'setConfig',
  'reveal',
  'life',
  'report',
  'ask',
  'limit',
  'stored',
  'delays',
  'delayMs',
  'maxWaitMs',
  'reportDelayMs',
  'retryDelays',
  'routePollMs',
  'doc',
  'win',
  // our UI (src/content/ui)
  'ui',
  'shadow',
  'layer',
  'shows',
  'raise',
  'card',
  'flash',
  'painted',
  'settleMs',
];

const CLASSIC: { entry: string; file: string; drop: string[]; mangle?: readonly string[] }[] = [
  // The worker words its badge titles and refusals (bg_) and the notice of one finding for the page's card
  // (notice/text); it never judges, and the notice of all findings (notice_combined_, notice_group_,
  // notice_link_line) is the popup's.
  {
    entry: 'src/background/index.ts',
    file: 'background.js',
    drop: [
      'cli',
      'popup',
      'options',
      'demo',
      'overlay',
      'guard',
      'rules',
      'notice_combined',
      'notice_group',
      'notice_link',
    ],
  },
  // The page words no notice: its card asks the worker for one (notice/text).
  {
    entry: 'src/content/index.ts',
    file: 'content.js',
    drop: ['cli', 'popup', 'options', 'demo', 'bg', 'rules', 'picker', 'notice'],
    mangle: CONTENT_INTERNAL_PROPS,
  },
  // The element picker, injected into a tab only when the operator starts it from the popup: it names platforms
  // and surfaces, nothing of verdicts or notices.
  {
    entry: 'src/content/picker.ts',
    file: 'picker.js',
    drop: ['cli', 'popup', 'options', 'demo', 'bg', 'rules', 'overlay', 'guard', 'notice', 'reason', 'verdict'],
  },
];

/** Fails the build when `file` names a message of an area dropped from its catalogue: it would throw at run time. */
function checkDropped(code: string, file: string, drop: readonly string[]): void {
  const used = droppedKeysUsed(code, drop);
  if (used.length)
    throw new Error(
      `${file} uses messages left out of its bundle: ${used.join(', ')} (see the drop lists in scripts/build.ts)`,
    );
}

type Output = Awaited<ReturnType<typeof build>>;

/** Names of the files a Vite build wrote (it returns one output per format). */
function emitted(output: Output): string[] {
  const outputs = Array.isArray(output) ? output : 'output' in output ? [output] : [];
  return outputs.flatMap((o) => o.output.map((chunk) => chunk.fileName));
}

async function run(config: InlineConfig): Promise<string[]> {
  return emitted(await build(mergeConfig(sharedConfig(), config)));
}

/**
 * Popup and options in one multi-page build, so Preact and the shared UI are one chunk. Vite places each page
 * where it sits under the root (popup/popup.html); the manifest wants them at the top, so they move up one level
 * and their ../assets/ URLs become ./assets/.
 */
async function buildPages(outDir: string): Promise<void> {
  const srcDir = join(ROOT, 'src');
  const files = await run({
    root: srcDir,
    plugins: [catalogueFor(PAGES_DROP)],
    build: {
      outDir,
      rolldownOptions: {
        input: Object.fromEntries(PAGES.map((page) => [page, join(srcDir, page, `${page}.html`)])),
        // Stable names: AMO's reviewers rebuild from the sources zip and diff file by file.
        output: {
          entryFileNames: 'assets/[name].js',
          chunkFileNames: 'assets/[name].js',
          assetFileNames: 'assets/[name][extname]',
          // What both pages use (Preact, the shared UI, i18n) in one file named for what it is.
          codeSplitting: { groups: [{ name: 'shared', minShareCount: 2 }] },
        },
      },
    },
  });
  for (const file of files.filter((name) => name.endsWith('.js'))) {
    checkDropped(readFileSync(join(outDir, file), 'utf8'), file, PAGES_DROP);
  }
  for (const page of PAGES) {
    writeFileSync(join(outDir, `${page}.html`), liftPage(readFileSync(join(outDir, page, `${page}.html`), 'utf8')));
    rmSync(join(outDir, page), { recursive: true });
  }
}

/** A page Vite wrote one folder down, with its asset URLs made right for the top of the extension. */
export function liftPage(html: string): string {
  return html.replace(/(\s(?:src|href)=["'])\.\.\/assets\//g, '$1./assets/');
}

/** A classic script: one self-contained IIFE file, nothing else beside it (a stray CSS file would never load). */
async function buildClassic({ entry, file, drop, mangle }: (typeof CLASSIC)[number], outDir: string): Promise<void> {
  const files = await run({
    plugins: [catalogueFor(drop)],
    build: {
      outDir,
      lib: { entry: join(ROOT, entry), formats: ['iife'], name: file.replace(/\W.*$/, ''), fileName: () => file },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  const strays = files.filter((name) => name !== file);
  if (strays.length)
    throw new Error(`${entry} emitted ${strays.join(', ')} beside ${file}; a classic script must be one file`);
  const path = join(outDir, file);
  const squeezed = await squeeze(readFileSync(path, 'utf8'), mangle);
  writeFileSync(path, squeezed);
  checkDropped(squeezed, file, drop);
}

/**
 * A second, slower pass with terser over Vite's minified output: about 0.6 KB less gzipped on the content
 * script, whose 30 KB budget is tight. ecma 2020 keeps the output inside BROWSER_TARGET (Chrome 102). Reading a
 * property has no side effect anywhere in our code (no getter is read for what it does), so terser may drop the
 * reads nothing uses: another 27 B. Written in ASCII alone, the Chinese of the catalogues and the core's cues as
 * \u escapes (the same strings and patterns): 250 B less gzipped, since gzip codes the hex digits of an escape
 * tighter than the three high bytes of a character's UTF-8. `mangle`: property names to shorten (exact names).
 */
export async function squeeze(code: string, mangle: readonly string[] = []): Promise<string> {
  const squeezed = await minify(code, {
    ecma: 2020,
    compress: { passes: 2, pure_getters: true, unsafe: true, unsafe_comps: true, unsafe_methods: true },
    mangle: mangle.length ? { properties: { regex: new RegExp(`^(?:${mangle.join('|')})$`) } } : true,
    format: { comments: false, ascii_only: true },
  });
  return squeezed.code!;
}

/**
 * The CLI for Node: everything bundled except Node's own modules and exceljs, executable, with its shebang.
 * exceljs (2.4 MB, CommonJS) stays a dependency loaded from node_modules only when a workbook is read or written,
 * so a text check starts as fast as before.
 */
async function buildCli(): Promise<void> {
  const outDir = join(ROOT, 'dist', 'cli');
  await run({
    build: {
      outDir,
      ssr: join(ROOT, 'src/cli/cartlint.ts'),
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'cartlint.js', codeSplitting: false } },
    },
    ssr: { noExternal: true, external: ['exceljs', 'unzipper'], target: 'node' },
  });
  const code = readFileSync(CLI_FILE, 'utf8');
  if (!code.startsWith('#!')) writeFileSync(CLI_FILE, `#!/usr/bin/env node\n${code}`);
  chmodSync(CLI_FILE, 0o755);
  // It must at least start and print its usage; a bundle that throws at load time fails here, not for a user.
  execFileSync(process.execPath, [CLI_FILE, '--help'], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function writeManifest(browser: Browser, version: string): void {
  const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(
    join(outDirFor(browser), 'manifest.json'),
    `${JSON.stringify(manifestFor(source, browser, version), null, 2)}\n`,
  );
}

function verify(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const problems = missingFiles(manifest, dir);
  for (const { file } of CLASSIC) {
    if (existsSync(join(dir, file)))
      problems.push(...classicScriptProblems(readFileSync(join(dir, file), 'utf8'), file));
  }
  for (const page of PAGES) {
    const html = readFileSync(join(dir, `${page}.html`), 'utf8');
    problems.push(...htmlProblems(html, `${page}.html`, (path) => existsSync(join(dir, path))));
  }
  // The CLI's workbook library is no part of the extension.
  for (const { file } of measureDir(dir)) {
    if (/\.js$/.test(file) && /\bexceljs\b|WorkbookReader/.test(readFileSync(join(dir, file), 'utf8')))
      problems.push(`${file} contains exceljs`);
  }
  // A path of this machine in a shipped file (a source map, a module id) leaks it and breaks reproducibility.
  for (const { file } of measureDir(dir)) {
    if (/\.(js|html|css|json)$/.test(file) && readFileSync(join(dir, file), 'utf8').includes(ROOT))
      problems.push(`${file} contains ${ROOT}`);
  }
  return problems.map((problem) => `${dir}: ${problem}`);
}

export async function buildAll(): Promise<void> {
  // The bundles ship the built-in rules unchecked (src/rules/built-in.ts): they are checked here, once.
  const ruleErrors = builtInErrors();
  if (ruleErrors.length) throw new Error(`built-in rules are not shippable:\n  ${ruleErrors.join('\n  ')}`);
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  for (const dir of [...BROWSERS.map(outDirFor), join(ROOT, 'dist', 'cli')])
    rmSync(dir, { recursive: true, force: true });

  const first = outDirFor(BROWSERS[0]);
  mkdirSync(first, { recursive: true });
  await buildPages(first);
  for (const script of CLASSIC) await buildClassic(script, first);
  cpSync(join(ROOT, 'public'), first, { recursive: true });
  for (const browser of BROWSERS.slice(1)) cpSync(first, outDirFor(browser), { recursive: true });
  for (const browser of BROWSERS) writeManifest(browser, version);

  const problems = BROWSERS.flatMap((browser) => verify(outDirFor(browser)));
  const sizes = measureDir(first).filter((size) => size.file !== 'manifest.json');
  console.log(sizeTable(`extension/{${BROWSERS.join(',')}} ${version} (same files; manifests differ)`, sizes));
  problems.push(...overBudget(sizes));

  await buildCli();
  console.log(`\n${sizeTable('dist/cli', [measure(readFileSync(CLI_FILE), 'cartlint.js')])}`);

  if (problems.length) throw new Error(`build output is not shippable:\n  ${problems.join('\n  ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  buildAll().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
