// npm run bench: every benchmark, figures against their targets, then a before/after summary. A benchmark, not
// a test: it never fails the build on a missed target (exit code 0), only on a crash.
//   npm run bench                 recognition throughput, bundle size, CLI against a naive script (needs a build),
//                                 the false-alarm sweep over the machine's ordinary text
//   npm run bench -- --browser    also the in-browser benches (bench/browser.ts, long-cart.ts, cold-start.ts; needs
//                                 `npm run build` first)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_TARGET_GZIP, CORE_AND_RULES, coreBuildOptions, runBundleBench, type BundleSize } from './bundle';
import { CLI_TARGET_RATIO, runCliBench, type CliResult } from './cli';
import { runFalseAlarmSweep, type SweepResult } from './false-alarms';
import { percent, type Score, scoreLine, scoreSet, SETS } from './held-out';
import { runRecognitionBench, TARGETS, type RecognitionResult } from './recognition';

interface Bench {
  name: string;
  run: () => unknown;
}

const log = (line: string) => console.log(line);

/**
 * The figures before the recognition and memo work (commit 611a874), measured on this 2-core machine with this
 * bench's inputs and order (two runs, median CPU time each; the range is the spread between the runs). There was
 * no URL memo then, so cold and warm were the same. The bundle figure is that commit measured as bench/bundle.ts
 * measures now (UTF-8, terser, as the build ships a classic script); the older measure gave it 26.8.
 */
const BEFORE = {
  commit: '611a874',
  inputsPerSecond: [318_000, 356_000],
  pageMs: {
    'goods list page, a link every 8 rows': [19.4, 20.6],
    'link-dense paste, a link every row': [43.8, 47.6],
    'link-dense paste, every link distinct': [44.4, 46.6],
  } as Record<string, [number, number]>,
  coreBundleGzipKb: 26.0,
} as const;

let recognition: RecognitionResult | undefined;
let bundles: BundleSize[] | undefined;
let cli: CliResult | undefined;
let sweep: SweepResult | undefined;
let sets: [string, Score][] | undefined;

const benches: Bench[] = [
  { name: 'recognition', run: () => (recognition = runRecognitionBench(log)) },
  { name: 'bundle', run: async () => (bundles = await runBundleBench(log)) },
  { name: 'bundle: what dominates', run: () => bundleBreakdown() },
  { name: 'command line, whole process, against a naive URL-regex script', run: () => (cli = runCliBench(log)) },
  { name: 'false-alarm sweep: classify over ordinary text', run: () => (sweep = runFalseAlarmSweep(log)) },
  { name: 'labelled recognition sets (bench/held-out.ts)', run: () => recognitionSets() },
];

/** Each set's parts (our own t and h, the world's w): the families' detail is `npx tsx bench/held-out.ts FILE`. */
function recognitionSets(): void {
  sets = SETS.flatMap((file) => [...scoreSet(file)].filter(([key]) => !key.includes('·')));
  for (const [key, score] of sets) log(scoreLine(key, score));
}

const browserBench = fileURLToPath(new URL('./browser.ts', import.meta.url));
if (process.argv.includes('--browser')) {
  if (existsSync(browserBench)) {
    benches.push({
      name: 'browser',
      run: async () => {
        const { runBrowserBench } = (await import('./browser')) as {
          runBrowserBench: (o: { log: typeof log }) => Promise<unknown>;
        };
        log(JSON.stringify(await runBrowserBench({ log }), null, 2));
      },
    });
    benches.push({
      name: 'long cart',
      run: async () => {
        const { runLongCartBench } = await import('./long-cart');
        log(JSON.stringify(await runLongCartBench({ log })));
      },
    });
    benches.push({
      name: 'cold start',
      run: async () => {
        const { runColdStartBench } = await import('./cold-start');
        log(JSON.stringify(await runColdStartBench({ log }), null, 2));
      },
    });
  } else log('--browser: bench/browser.ts is not there; skipped');
}

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
const range = ([a, b]: readonly [number, number], digits = 1) =>
  a === b ? a.toFixed(digits) : `${a.toFixed(digits)}–${b.toFixed(digits)}`;
const row = (cells: string[]) =>
  log(`${cells[0]!.padEnd(44)}${cells[1]!.padEnd(18)}${cells[2]!.padEnd(26)}${cells[3]!}`);

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
    row([
      'core + rules bundle (KB gzipped)',
      BEFORE.coreBundleGzipKb.toFixed(1),
      kb.toFixed(1),
      `< ${BUNDLE_TARGET_GZIP / 1024}: ${met(core.gzip < BUNDLE_TARGET_GZIP)}`,
    ]);
  }
  if (cli) {
    for (const name of ['classify', 'check'] as const) {
      const ratio = cli.naive / cli[name];
      row([
        `cartlint ${name} vs naive script (×)`,
        '—',
        ratio.toFixed(2),
        `≥ ${CLI_TARGET_RATIO}: ${met(ratio >= CLI_TARGET_RATIO)}`,
      ]);
    }
  }
  if (sweep) {
    row([
      'false alarms per MB of ordinary text',
      '—',
      `${sweep.falseAlarmsPerMb.toFixed(3)} (${sweep.mb.toFixed(0)} MB)`,
      `0: ${met(sweep.falseAlarms === 0)}`,
    ]);
  }
  for (const [key, r] of sets ?? []) {
    const ok = r.recognised >= 0.99 * r.goods && r.falseAlarms === 0;
    row([
      `recognition set, ${key}`,
      '—',
      `${percent(r.recognised, r.goods)}, ${r.falseAlarms} false alarms`,
      `≥ 99 %, 0: ${met(ok)}`,
    ]);
  }
  log('cold: URL memo emptied before each run (a page judged the first time); warm: memo holds the page (a re-judge).');
}

/**
 * Where the core + rules bundle's bytes come from (esbuild's per-input output bytes, before terser), same settings
 * as bench/bundle.ts. The built-in rules come as compact data (src/rules/compact.ts): the schema that checks them at
 * test and build time, and the rule files' `comment` notes, are not in it; the last line says if that ever changes.
 */
async function bundleBreakdown(): Promise<void> {
  const esbuild = await import('esbuild');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = await esbuild.build({ ...coreBuildOptions(CORE_AND_RULES), metafile: true });
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  const groups = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const group = /_locales/.test(path)
      ? 'message catalogues (pruned)'
      : /src\/rules\/.*\.json$/.test(path)
        ? 'built-in rules (compact)'
        : path.replace(/^.*?src\//, 'src/');
    groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
  }
  const top = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 8);
  log(`minified bytes by input: ${top.map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`).join(', ')}`);
  const schema = Object.keys(inputs).some((path) => path.endsWith('src/rules/schema.ts'));
  // Each file's first note line, as far as it is plain ASCII.
  const rulesDir = join(root, 'src', 'rules');
  const notes = readdirSync(rulesDir)
    .filter((file) => file.endsWith('.json'))
    .map(
      (file) =>
        [(JSON.parse(readFileSync(join(rulesDir, file), 'utf8')) as { comment?: string[] }).comment ?? []].flat()[0] ??
        '',
    )
    .map((line) => line.slice(0, 40).replace(/[^\x20-\x7e].*$/, ''))
    .filter((prefix) => prefix.length >= 12);
  const code = result.outputFiles[0]!.text;
  const comments = notes.some((prefix) => code.includes(prefix));
  log(
    `rule schema in the bundle: ${schema ? 'YES' : 'no'}; rule files' comment notes in the bundle: ${comments ? 'YES' : 'no'}`,
  );
}

console.log(`cartlint bench — node ${process.version}, one core (CPU time of this process)`);
for (const bench of benches) {
  console.log(`\n## ${bench.name}`);
  await bench.run();
}
summary();
