// npm run bench: every benchmark, figures against their targets. A benchmark, not a test: it never fails the
// build on a missed target (exit code 0), only on a crash.
//   npm run bench                 recognition throughput + bundle size
//   npm run bench -- --browser    also the in-browser bench (bench/browser.ts; needs `npm run build` first)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runBundleBench } from './bundle';
import { runRecognitionBench } from './recognition';

interface Bench {
  name: string;
  run: () => unknown;
}

const log = (line: string) => console.log(line);

const benches: Bench[] = [
  { name: 'recognition', run: () => runRecognitionBench(log) },
  { name: 'bundle', run: () => runBundleBench(log) },
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

console.log(`cartlint bench — node ${process.version}, one core (CPU time of this process)`);
for (const bench of benches) {
  console.log(`\n## ${bench.name}`);
  await bench.run();
}
