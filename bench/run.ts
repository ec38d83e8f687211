// npm run bench: every benchmark, figures against their targets, then a before/after summary. A benchmark, not
// a test: it never fails the build on a missed target (exit code 0), only on a crash.
//   npm run bench                 recognition throughput + bundle size
//   npm run bench -- --browser    also the in-browser bench (bench/browser.ts; needs `npm run build` first)
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { pruneCatalogue } from '../scripts/catalogue-prune';
import { BUNDLE_TARGET_GZIP, runBundleBench, type BundleSize } from './bundle';
import { runRecognitionBench, TARGETS, type RecognitionResult } from './recognition';

interface Bench {
  name: string;
  run: () => unknown;
}

const log = (line: string) => console.log(line);

/**
 * The figures before the recognition and memo work (commit 611a874), measured on this 2-core machine with this
 * bench's inputs and order (two runs, median CPU time each; the range is the spread between the runs). There was
 * no URL memo then, so cold and warm were the same.
 */
const BEFORE = {
  commit: '611a874',
  inputsPerSecond: [318_000, 356_000],
  pageMs: {
    'goods list page, a link every 8 rows': [19.4, 20.6],
    'link-dense paste, a link every row': [43.8, 47.6],
    'link-dense paste, every link distinct': [44.4, 46.6],
  } as Record<string, [number, number]>,
  coreBundleGzipKb: 26.8,
} as const;

let recognition: RecognitionResult | undefined;
let bundles: BundleSize[] | undefined;

const benches: Bench[] = [
  { name: 'recognition', run: () => (recognition = runRecognitionBench(log)) },
  { name: 'bundle', run: async () => (bundles = await runBundleBench(log)) },
  { name: 'bundle: what dominates', run: () => bundleBreakdown() },
];

const browserBench = fileURLToPath(new URL('./browser.ts', import.meta.url));
if (process.argv.includes('--browser')) {
  if (existsSync(browserBench)) {
    benches.push({
      name: 'browser',
      run: async () => {
        const { runBrowserBench } = (await import('./browser')) as { runBrowserBench: (o: { log: typeof log }) => Promise<unknown> };
        log(JSON.stringify(await runBrowserBench({ log }), null, 2));
      },
    });
  } else log('--browser: bench/browser.ts is not there; skipped');
}

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
const range = ([a, b]: readonly [number, number], digits = 1) => (a === b ? a.toFixed(digits) : `${a.toFixed(digits)}–${b.toFixed(digits)}`);
const row = (cells: string[]) => log(`${cells[0]!.padEnd(44)}${cells[1]!.padEnd(18)}${cells[2]!.padEnd(26)}${cells[3]!}`);

function summary(): void {
  log(`\n## summary: before (${BEFORE.commit}) → now`);
  row(['', 'before', 'now', 'target']);
  if (recognition) {
    const k = (n: number) => `${Math.round(n / 1000)}k`;
    row([
      'mixed inputs / s',
      `${k(BEFORE.inputsPerSecond[0])}–${k(BEFORE.inputsPerSecond[1])}`,
      k(recognition.inputsPerSecond),
      `≥ ${k(TARGETS.inputsPerSecond)}: ${met(recognition.inputsPerSecond >= TARGETS.inputsPerSecond)}`,
    ]);
    for (const page of recognition.pages) {
      const before = BEFORE.pageMs[page.name];
      row([
        `${page.name} (ms)`,
        before ? range(before) : '—',
        `${page.coldMs.toFixed(1)} cold, ${page.ms.toFixed(1)} warm`,
        `< ${TARGETS.pageMs}: cold ${met(page.coldMs < TARGETS.pageMs)}, warm ${met(page.ms < TARGETS.pageMs)}`,
      ]);
    }
  }
  if (bundles) {
    const core = bundles[bundles.length - 1]!;
    const kb = core.gzip / 1024;
    row(['core + rules bundle (KB gzipped)', BEFORE.coreBundleGzipKb.toFixed(1), kb.toFixed(1), `< ${BUNDLE_TARGET_GZIP / 1024}: ${met(core.gzip < BUNDLE_TARGET_GZIP)}`]);
  }
  log('cold: URL memo emptied before each run (a page judged the first time); warm: memo holds the page (a re-judge).');
}

/**
 * Where the core + rules bundle's bytes come from (esbuild's per-input output bytes), and what two changes outside
 * the core would save: the rule files' `comment` arrays (notes for maintainers, never shown), and validating the
 * built-in rules at build time instead of shipping src/rules/schema.ts for it. Same settings as bench/bundle.ts.
 */
async function bundleBreakdown(): Promise<void> {
  const esbuild = await import('esbuild');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const entry = [
    `export { classify } from './src/core/extract';`,
    `export { judgeText } from './src/core/judge';`,
    `export { notice } from './src/core/notice';`,
    `export { BUILT_IN_RULES } from './src/rules/index';`,
  ].join('\n');
  const notCore = ['cli', 'popup', 'options', 'demo', 'bg', 'overlay', 'guard', 'badge'];
  const build = async (opts: { noComments?: boolean; noSchema?: boolean }) => {
    const result = await esbuild.build({
      stdin: { contents: entry, resolveDir: root, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'iife',
      globalName: 'cartlintCore',
      target: 'es2020',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [
        {
          name: 'what-if',
          setup(b) {
            b.onLoad({ filter: /[\\/]_locales[\\/][^\\/]+[\\/]messages\.json$/ }, (args) => ({
              contents: JSON.stringify(pruneCatalogue(JSON.parse(readFileSync(args.path, 'utf8')), notCore)),
              loader: 'json',
            }));
            if (opts.noComments) {
              b.onLoad({ filter: /src[\\/]rules[\\/][^\\/]+\.json$/ }, (args) => {
                const { comment: _notes, ...rest } = JSON.parse(readFileSync(args.path, 'utf8')) as Record<string, unknown>;
                return { contents: JSON.stringify(rest), loader: 'json' };
              });
            }
            if (opts.noSchema) {
              b.onLoad({ filter: /src[\\/]rules[\\/]schema\.ts$/ }, () => ({
                contents: 'export const validateRuleFile = (json: any) => ({ rules: json.rules, errors: [] });',
                loader: 'ts',
              }));
            }
          },
        },
      ],
    });
    const code = result.outputFiles[0]!.contents;
    return { gzip: gzipSync(code, { level: 9 }).length, inputs: Object.values(result.metafile.outputs)[0]!.inputs };
  };
  const base = await build({});
  const groups = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(base.inputs)) {
    const group = /_locales/.test(path) ? 'message catalogues (pruned)' : /src\/rules\/.*\.json$/.test(path) ? 'rule files (JSON)' : path.replace(/^.*?src\//, 'src/');
    groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
  }
  const top = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 8);
  log(`minified bytes by input: ${top.map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`).join(', ')}`);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const noComments = await build({ noComments: true });
  const neither = await build({ noComments: true, noSchema: true });
  log(`what-if (outside the core): without the rule files' comment arrays ${kb(noComments.gzip)} gzipped (−${kb(base.gzip - noComments.gzip)}); also without schema.ts (built-in rules validated at build time) ${kb(neither.gzip)} (−${kb(base.gzip - neither.gzip)})`);
}

console.log(`cartlint bench — node ${process.version}, one core (CPU time of this process)`);
for (const bench of benches) {
  console.log(`\n## ${bench.name}`);
  await bench.run();
}
summary();
