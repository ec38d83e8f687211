// The extension's budgets measured in the real thing: Debian Chromium with extension/chrome loaded, on a bench
// copy of the Kuaishou live console served at its real URL. A twin page on a host cartlint does not watch is the
// control (same DOM, no content script). Prints figures; never fails on timing.
//   · scan: 2,000 cart rows inserted at once → every row judged (data-cartlint settled), long tasks meanwhile
//   · paste → warning: in which animation frame after the paste the field carries data-cartlint
//   · keystrokes: main-thread time per typed character, with the extension minus without (CDP Performance metrics)
//   · many fields: 1k / 10k / 30k unlabelled inputs inserted at once → the structural scan that finds them
// Run alone with `tsx bench/browser.ts`, or from bench/run.ts through `runBrowserBench()`.
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { POPUP_READY_MARK } from '../src/popup/env';
import { createFixtureRouter, launch, type TestPage } from '../test/e2e/harness/index';

export interface BrowserBenchOptions {
  /** Cart rows in the scan measurement (the budget is stated for 2,000). */
  items?: number;
  pastes?: number;
  keystrokes?: number;
  popups?: number;
  /** Input counts for the many-fields measurement. */
  fieldCounts?: readonly number[];
  log?: (line: string) => void;
}

export interface BrowserBenchResult {
  items: number;
  /** Rows inserted → last row flag set (the scanner's throttle, its first pass and its later slices). */
  scanSettleMs: number | null;
  /** The content script's `cartlint:scan` measures (scan.ts): its first, blocking pass over the page. */
  scanMarksMs: number[];
  /** `cartlint:scan-settled`: from the scan's start until its last slice judged the last row (wall time). */
  scanSettledMarksMs: number[];
  /** Main-thread task time of the insertion with the extension minus without (CDP): all of our scan work. */
  scanTaskOverheadMs: number | null;
  flaggedRows: number;
  longTasksDuringScanMs: number[];
  /** The same insertion on the control page: long tasks that are the page's own. */
  longTasksWithoutExtensionMs: number[];
  /** Per paste: the animation frame (1 = the first after the paste) by whose end the field was flagged. */
  pasteFrames: number[];
  pasteMs: number[];
  /** Main-thread task time per keystroke, extension page minus control page. */
  keystrokeOverheadMs: number | null;
  /** Per opening of `popup.html?tab=ID` for a tab with flagged links: the popup's `cartlint:popup-ready` mark, set
   *  once its tab view has rendered, measured from the popup's navigation start. */
  popupReadyMs: number[];
  longTasksWhileTypingMs: number[];
  /** Per input count: the first pass of the scan that found that many inputs (`cartlint:scan`), null if none. */
  fieldScanMs: { fields: number; scanMs: number | null }[];
}

export const DASHBOARD_URL = 'https://zs.kwaixiaodian.com/page/helper';
/** Not a dashboard host: the content script is never injected here. */
const CONTROL_URL = 'https://bench-control.cartlint.test/page/helper';
export const LINK = 'https://s.click.taobao.com/t?e=m%3D2%26s%3Dabc&pid=mm_123_456_789';

export function benchHtml(url: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="cartlint-fixture-url" content="${url}"><title>直播助手 bench</title></head>
<body>
<div class="live-panel_x1"><div role="tablist"><span role="tab">小黄车商品</span> <span role="tab">待上车商品</span></div>
<input id="paste" placeholder="粘贴商品链接" style="width:40em">
<div class="list-container_a7f3" id="list" data-virtuoso-scroller="true"></div></div>
<script>
// The page's own render: a list row per [index, badge, title, price, link], built in a fragment so the list
// changes in one insertion like a virtualised list's page render.
window.benchRows = (rows) => {
  const fragment = document.createDocumentFragment();
  for (const [index, badge, title, price, link] of rows) {
    const row = document.createElement('div');
    row.className = 'list-item_b2c9';
    row.dataset.index = String(index);
    for (const [className, text] of [['tag', badge], ['title', title], ['price', price]]) {
      const span = document.createElement('span');
      span.className = className;
      span.textContent = text;
      row.append(span);
    }
    const anchor = document.createElement('a');
    anchor.href = link;
    anchor.textContent = '详情';
    row.append(anchor);
    fragment.append(row);
  }
  return fragment;
};
</script>
</body></html>`;
}

/** What the bench page's own script offers the code the bench runs in it. */
export interface BenchPage {
  benchRows(rows: readonly Row[]): DocumentFragment;
}

/** Four kinds of goods a live cart holds, by source: banned, banned, allowed (own shop), review. */
export type Row = [index: number, badge: string, title: string, price: string, link: string];
function benchRow(n: number): Row {
  const kinds = [
    ['淘宝', `https://item.taobao.com/item.htm?id=${600000000000 + n}`],
    ['京东', `https://item.jd.com/${100000000 + n}.html`],
    ['快手小店', `https://app.kwaixiaodian.com/merchant/shop/detail?id=${2000000 + n}`],
    ['拼多多', `https://mobile.yangkeduo.com/goods.html?goods_id=${300000000 + n}`],
  ] as const;
  const [badge, link] = kinds[n % kinds.length]!;
  return [n, badge, `商品 ${n} 春季新款`, `¥${(n % 97) + 9}.90`, link];
}

/** Main-thread totals from Chromium (CDP Performance domain); the session stays attached so they keep counting. */
async function metricsSession(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** Functions below run in the page; tsx names them with a `__name` helper the page must have. */
export async function preparePage(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as { __name?: (fn: unknown) => unknown; __longTasks: number[] };
    g.__name ??= (fn: unknown) => fn;
    g.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) g.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

async function takeLongTasks(page: TestPage): Promise<number[]> {
  return page.evaluate(() => {
    const g = globalThis as unknown as { __longTasks: number[] };
    return g.__longTasks.splice(0).map((d) => Math.round(d));
  });
}

async function measureScan(page: TestPage, items: number, watched: boolean) {
  const rows = Array.from({ length: items }, (_, n) => benchRow(n));
  return page.evaluate(
    ({ rows, watched }) =>
      new Promise<{
        settleMs: number | null;
        flagged: number;
        marks: number[];
        settledMarks: number[];
      }>((resolve) => {
        const list = document.getElementById('list')!;
        const fragment = (globalThis as unknown as BenchPage).benchRows(rows);
        let flagged = 0;
        let lastChange = 0;
        const observer = new MutationObserver(() => {
          const count = list.querySelectorAll('[data-cartlint]').length;
          if (count === flagged) return;
          flagged = count;
          lastChange = performance.now();
        });
        observer.observe(list, { attributes: true, attributeFilter: ['data-cartlint'], subtree: true });
        const start = performance.now();
        list.append(fragment);
        const deadline = start + 30_000;
        const check = () => {
          const now = performance.now();
          // The control page flags nothing: one quiet second after the insertion is its end.
          if ((flagged > 0 && now - lastChange > 1_000) || (!watched && now - start > 1_000) || now > deadline) {
            observer.disconnect();
            // The content script's User Timing (scan.ts), only the entries of this insertion.
            const measured = (name: string) =>
              performance
                .getEntriesByName(name, 'measure')
                .filter((m) => m.startTime >= start - 1)
                .map((m) => Math.round(m.duration * 100) / 100);
            resolve({
              settleMs: flagged > 0 ? lastChange - start : null,
              flagged,
              marks: measured('cartlint:scan'),
              settledMarks: measured('cartlint:scan-settled'),
            });
          } else {
            setTimeout(check, 100);
          }
        };
        setTimeout(check, 100);
      }),
    { rows, watched },
  );
}

/** Pastes `text` into the bench page's field: in which frame after the paste, and how many ms after, it was flagged. */
export async function measurePaste(page: TestPage, text: string) {
  await page.clear('#paste');
  await page.waitFor(() => !document.getElementById('paste')!.hasAttribute('data-cartlint'), undefined, {
    what: 'the field unflagged',
  });
  return page.evaluate(
    ({ text }) =>
      new Promise<{ frame: number; ms: number } | null>((resolve) => {
        const field = document.getElementById('paste') as HTMLInputElement;
        let frames = 0;
        let done = false;
        // Registered before the paste, so in each frame this callback runs before the extension's.
        const tick = () => {
          if (done) return;
          frames++;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        const observer = new MutationObserver(() => {
          if (!field.hasAttribute('data-cartlint') || done) return;
          done = true;
          observer.disconnect();
          resolve({ frame: frames, ms: performance.now() - start });
        });
        observer.observe(field, { attributes: true, attributeFilter: ['data-cartlint'] });
        setTimeout(() => {
          if (done) return;
          done = true;
          observer.disconnect();
          resolve(null);
        }, 10_000);
        field.focus();
        const start = performance.now();
        const data = new DataTransfer();
        data.setData('text/plain', text);
        const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        if (field.dispatchEvent(paste)) document.execCommand('insertText', false, text);
      }),
    { text },
  );
}

/** `count` unlabelled inputs inserted at once (a table of price and stock cells, as in a bulk goods editor), then
 *  the duration of the content script's scan that found them. */
async function measureFields(page: TestPage, count: number): Promise<number | null> {
  return page.evaluate(
    ({ count }) =>
      new Promise<number | null>((resolve) => {
        const table = document.createElement('table');
        for (let i = 0; i < count / 4; i++) {
          const tr = table.insertRow();
          for (let k = 0; k < 4; k++) {
            const input = document.createElement('input');
            input.value = String(i * 4 + k);
            tr.insertCell().append(input);
          }
        }
        const start = performance.now();
        document.body.append(table);
        const deadline = start + 120_000;
        const check = () => {
          const scan = performance.getEntriesByName('cartlint:scan', 'measure').find((m) => m.startTime >= start);
          if (scan || performance.now() > deadline) {
            table.remove();
            resolve(scan ? Math.round(scan.duration * 100) / 100 : null);
          } else setTimeout(check, 50);
        };
        setTimeout(check, 50);
      }),
    { count },
  );
}

async function typingTaskMs(page: TestPage, cdp: CDPSession, keystrokes: number): Promise<number> {
  await page.clear('#paste');
  const text = `${LINK} `.repeat(Math.ceil(keystrokes / (LINK.length + 1))).slice(0, keystrokes);
  const before = await taskMs(cdp);
  await page.type('#paste', text);
  // Let deferred work (next-frame re-judging, debounced reports) land inside the measurement.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  return (await taskMs(cdp)) - before;
}

const round = (n: number) => Math.round(n * 100) / 100;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : NaN;
};

export async function runBrowserBench(options: BrowserBenchOptions = {}): Promise<BrowserBenchResult> {
  const items = options.items ?? 2_000;
  const pastes = options.pastes ?? 15;
  const keystrokes = options.keystrokes ?? 200;
  const popups = options.popups ?? 10;
  const fieldCounts = options.fieldCounts ?? [1_000, 10_000, 30_000];
  const log = options.log ?? ((line: string) => console.log(line));
  const router = createFixtureRouter({
    pages: [
      { file: 'bench.html', url: DASHBOARD_URL, html: benchHtml(DASHBOARD_URL) },
      { file: 'bench-control.html', url: CONTROL_URL, html: benchHtml(CONTROL_URL) },
    ],
  });
  const session = await launch('chromium', { router });
  try {
    const open = async (url: string) => {
      const page = await session.openDashboard(url);
      await preparePage(page);
      return page;
    };

    // Scan: a fresh dashboard page, the content script idle on an empty list, then 2,000 rows at once.
    const scanPage = await open(DASHBOARD_URL);
    const tabId = await session.tabIdOf(scanPage);
    // The content script has started once it reported the page (an empty list reports no findings).
    await session
      .waitForTabState(tabId, (state) => state.page !== null, 'the content script’s first report')
      .catch(() => undefined);
    await takeLongTasks(scanPage);
    const scanMetrics = await metricsSession(scanPage.raw as Page);
    const scanTaskBefore = await taskMs(scanMetrics);
    const scan = await measureScan(scanPage, items, true);
    const scanTaskWith = (await taskMs(scanMetrics)) - scanTaskBefore;
    const longTasksDuringScanMs = await takeLongTasks(scanPage);
    await scanPage.close();
    // The same insertion where cartlint does not run: the page's own work and long tasks (layout of 2,000 rows).
    const scanControl = await open(CONTROL_URL);
    const controlScanMetrics = await metricsSession(scanControl.raw as Page);
    const controlTaskBefore = await taskMs(controlScanMetrics);
    await measureScan(scanControl, items, false);
    const scanTaskWithout = (await taskMs(controlScanMetrics)) - controlTaskBefore;
    const longTasksWithoutExtensionMs = await takeLongTasks(scanControl);
    await scanControl.close();

    // Paste → warning, on a page without the big list.
    const pastePage = await open(DASHBOARD_URL);
    const pasteResults = [];
    for (let i = 0; i < pastes; i++) {
      const result = await measurePaste(pastePage, `${LINK}&n=${i}`);
      if (result) pasteResults.push(result);
    }

    // Popup: opened for the paste page's tab (it holds flagged links), timed by the popup's own clock.
    const pasteTab = await session.tabIdOf(pastePage);
    const popupReadyMs: number[] = [];
    for (let i = 0; i < popups; i++) {
      const popup = await session.openPopup(pasteTab);
      await popup.waitFor(() => document.querySelector('.findings li') !== null, undefined, {
        what: 'the popup’s findings',
      });
      const ready = await popup.evaluate(
        (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null,
        POPUP_READY_MARK,
      );
      if (ready !== null) popupReadyMs.push(round(ready));
      await popup.close();
    }

    // Keystrokes: the same typing on the watched page and on the control twin, alternating to spread noise.
    const controlPage = await open(CONTROL_URL);
    const pasteMetrics = await metricsSession(pastePage.raw as Page);
    const controlMetrics = await metricsSession(controlPage.raw as Page);
    await takeLongTasks(pastePage);
    let withExtension = 0;
    let without = 0;
    for (let round = 0; round < 2; round++) {
      withExtension += await typingTaskMs(pastePage, pasteMetrics, keystrokes);
      without += await typingTaskMs(controlPage, controlMetrics, keystrokes);
    }
    const longTasksWhileTypingMs = await takeLongTasks(pastePage);

    const fieldScanMs = [];
    for (const fields of fieldCounts) {
      const fieldsPage = await open(DASHBOARD_URL);
      fieldScanMs.push({ fields, scanMs: await measureFields(fieldsPage, fields) });
      await fieldsPage.close();
    }
    const result: BrowserBenchResult = {
      items,
      scanSettleMs: scan.settleMs === null ? null : round(scan.settleMs),
      scanMarksMs: scan.marks,
      scanSettledMarksMs: scan.settledMarks,
      scanTaskOverheadMs: round(scanTaskWith - scanTaskWithout),
      flaggedRows: scan.flagged,
      longTasksDuringScanMs,
      longTasksWithoutExtensionMs,
      pasteFrames: pasteResults.map((r) => r.frame),
      pasteMs: pasteResults.map((r) => round(r.ms)),
      keystrokeOverheadMs: round((withExtension - without) / (2 * keystrokes)),
      longTasksWhileTypingMs,
      popupReadyMs,
      fieldScanMs,
    };
    report(result, pastes, log);
    return result;
  } finally {
    await session.close();
  }
}

function report(r: BrowserBenchResult, pastes: number, log: (line: string) => void): void {
  const budget = (ok: boolean | null) => (ok === null ? '(no figure)' : ok ? '(within budget)' : '(OVER budget)');
  log(`browser bench — headless Chromium, extension/chrome, ${r.items} cart rows`);
  log(`  scan: ${r.flaggedRows} rows flagged; inserted → last flag ${r.scanSettleMs ?? '—'} ms`);
  if (r.scanMarksMs.length) {
    const slowest = Math.max(...r.scanMarksMs);
    log(`  scan, first pass (cartlint:scan): slowest ${slowest} ms of ${r.scanMarksMs.length} ${budget(slowest < 16)}`);
  } else {
    log('  scan: the content script records no cartlint:scan measures');
  }
  if (r.scanSettledMarksMs.length)
    log(`  scan until every row judged (cartlint:scan-settled): ${Math.max(...r.scanSettledMarksMs)} ms wall time`);
  log(`  main-thread time of the scan (with − without the extension): ${r.scanTaskOverheadMs} ms`);
  const list = (tasks: number[]) => (tasks.length ? `${tasks.join(', ')} ms` : 'none');
  const ours =
    r.longTasksDuringScanMs.filter((d) => d > 50).length > r.longTasksWithoutExtensionMs.filter((d) => d > 50).length;
  log(
    `  long tasks during the scan: ${list(r.longTasksDuringScanMs)}; same insertion without cartlint: ${list(r.longTasksWithoutExtensionMs)} ${ours ? '(more with cartlint: OVER budget)' : '(none added by cartlint)'}`,
  );
  const maxFrame = r.pasteFrames.length ? Math.max(...r.pasteFrames) : null;
  log(
    `  paste → warning: ${r.pasteFrames.length}/${pastes} flagged; frame median ${median(r.pasteFrames)}, max ${maxFrame ?? '—'}; ${median(r.pasteMs)} ms median ${budget(maxFrame === null ? null : maxFrame <= 1)}`,
  );
  log(
    `  keystroke overhead: ${r.keystrokeOverheadMs} ms per key (main-thread task time with − without the extension) ${budget(r.keystrokeOverheadMs === null ? null : r.keystrokeOverheadMs < 1)}`,
  );
  log(`  long tasks while typing: ${list(r.longTasksWhileTypingMs)}`);
  for (const { fields, scanMs } of r.fieldScanMs)
    log(`  ${fields} inputs inserted → the scan that finds them (cartlint:scan): ${scanMs ?? '—'} ms`);
  const popupMedian = median(r.popupReadyMs);
  log(
    `  popup shows the tab's findings: median ${popupMedian} ms, slowest ${Math.max(...r.popupReadyMs)} ms of ${r.popupReadyMs.length} (from the popup's navigation start) ${budget(typeof popupMedian === 'number' ? popupMedian < 100 : null)}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runBrowserBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
