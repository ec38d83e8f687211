// npm run bench: every benchmark, figures against their targets, then a before/after summary. A benchmark, not
// a test: it never fails the build on a missed target (exit code 0), only on a crash.
//   npm run bench                 recognition throughput + bundle size
//   npm run bench -- --browser    also the in-browser bench (bench/browser.ts; needs `npm run build` first)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

console.log(`cartlint bench — node ${process.version}, one core (CPU time of this process)`);
for (const bench of benches) {
  console.log(`\n## ${bench.name}`);
  await bench.run();
}
summary();
