// The first paste after a browser start, in Chromium and Firefox: the browser launched on a fresh profile (the
// extension just installed) and then again on the same profile (a restart), the dashboard opened at once and a
// link pasted as soon as the page has loaded. Prints how long until the field is flagged; never fails on timing.
// Run alone with `tsx bench/cold-start.ts`, or from bench/run.ts (`--browser`) through `runColdStartBench()`.
import { fileURLToPath } from 'node:url';
import { BROWSERS, createFixtureRouter, launch, type BrowserName } from '../test/e2e/harness/index';
import { makeTempDirs } from '../test/e2e/harness/temp-home';
import { benchHtml, DASHBOARD_URL, LINK, measurePaste, preparePage } from './browser';

export interface ColdStart {
  browser: BrowserName;
  start: 'fresh profile' | 'restarted profile';
  /** Paste → field flagged; null when it was not flagged within the bench's 10 s. */
  ms: number | null;
  /** The animation frame after the paste by whose end it was flagged (1 = the first). */
  frame: number | null;
}

export async function runColdStartBench(
  options: { browsers?: readonly BrowserName[]; log?: (line: string) => void } = {},
): Promise<ColdStart[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const router = createFixtureRouter({
    pages: [{ file: 'bench.html', url: DASHBOARD_URL, html: benchHtml(DASHBOARD_URL) }],
  });
  const results: ColdStart[] = [];
  for (const browser of options.browsers ?? BROWSERS) {
    const dirs = makeTempDirs(`cold-${browser}`);
    try {
      for (const start of ['fresh profile', 'restarted profile'] as const) {
        const session = await launch(browser, { router, dirs });
        try {
          const page = await session.openDashboard(DASHBOARD_URL);
          await preparePage(page);
          const pasted = await measurePaste(page, `${LINK}&first=1`);
          results.push({
            browser,
            start,
            ms: pasted ? Math.round(pasted.ms * 100) / 100 : null,
            frame: pasted?.frame ?? null,
          });
        } finally {
          await session.close();
        }
      }
    } finally {
      dirs.remove();
    }
  }
  log('cold start — the first paste after the browser starts (page opened at once, pasted once it loaded)');
  for (const { browser, start, ms, frame } of results) {
    // The budget is the later pastes' (browser.ts): flagged by the end of the first frame after the paste.
    const within = frame !== null && frame <= 1;
    log(
      `  ${browser}, ${start}: paste → warning in frame ${frame ?? '—'}, ${ms ?? '—'} ms ${within ? '(within budget: one frame)' : '(OVER budget: one frame)'}`,
    );
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runColdStartBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
