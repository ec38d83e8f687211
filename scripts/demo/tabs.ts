// The demo's browser side: one tab per fixture dashboard with `?demo=1` (the page pre-fills a mix of banned,
// review and allowed links), each waited on until the extension's report for it stops changing.
import type { TabState } from '../../src/protocol';
import { eventually, type ExtensionSession, type FixturePage, type TestPage } from '../../test/e2e/harness/index';

/** Opened first, and its popup shown: the case the product was built for (淘宝 links in 快手's live cart). */
export const HEADLINE_PAGE = 'kuaishou-live-helper';
const SETTLE_QUIET_MS = 800;
const SETTLE_MAX_MS = 20_000;

export interface DemoTab {
  id: string;
  url: string;
  page: TestPage;
  tabId: number | null;
  /** The background's view of the tab once its report settled; null when the page never reported. */
  state: TabState | null;
}

export function demoUrl(url: string): string {
  const demo = new URL(url);
  demo.searchParams.set('demo', '1');
  return demo.href;
}

export function demoOrder(fixtures: readonly FixturePage[]): FixturePage[] {
  const id = (fixture: FixturePage) => fixture.file.replace(/\.html$/, '');
  return [...fixtures].sort(
    (a, b) => Number(id(b) === HEADLINE_PAGE) - Number(id(a) === HEADLINE_PAGE) || a.file.localeCompare(b.file),
  );
}

export async function openDemoTabs(session: ExtensionSession, fixtures: readonly FixturePage[]): Promise<DemoTab[]> {
  const tabs: DemoTab[] = [];
  // One at a time, each in front while it settles: on two cores fourteen pages loading at once starve the
  // extension's first scans, and a background tab gets no animation frames, where the scanner does its work.
  for (const fixture of demoOrder(fixtures)) {
    const url = demoUrl(fixture.url);
    const page = await session.openDashboard(url);
    const tabId = await session.tabIdOf(page).catch(() => null);
    await page.bringToFront();
    const state = await settledState(session, tabId);
    tabs.push({ id: fixture.file.replace(/\.html$/, ''), url, page, tabId, state });
  }
  return tabs;
}

const fingerprint = (state: TabState) =>
  JSON.stringify([state.counts, state.findings.map((f) => [f.id, f.link.text, f.decision.verdict, f.decision.rule])]);

/** The tab's state once its page has reported and the findings stayed the same for a moment; null if it never reported. */
export async function settledState(session: ExtensionSession, tabId: number | null): Promise<TabState | null> {
  if (tabId === null) return null;
  let last = '';
  let since = Date.now();
  let state: TabState | null = null;
  try {
    await eventually(
      async () => {
        state = await session.request({ type: 'tab/state', tabId });
        if (!state.page || state.at === null) return false;
        const now = fingerprint(state);
        if (now !== last) {
          last = now;
          since = Date.now();
        }
        return Date.now() - since >= SETTLE_QUIET_MS;
      },
      { timeout: SETTLE_MAX_MS, what: `a settled report from tab ${tabId}` },
    );
  } catch {
    // Reported but still changing after the budget: show what it said last.
  }
  const final = state as TabState | null;
  return final?.page ? final : null;
}

/** Focuses the first flagged field so its warning card shows in a screenshot (in the selected tab: a background
 *  tab's document has no focus, so no focus event would reach the content script). */
export async function showFirstWarning(page: TestPage): Promise<boolean> {
  await page.bringToFront();
  return page.evaluate(() => {
    const flagged = document.querySelector<HTMLElement>(
      'input[data-cartlint], textarea[data-cartlint], [contenteditable][data-cartlint], #shop-window-url-edit[data-cartlint]',
    );
    if (!flagged) return false;
    flagged.scrollIntoView({ block: 'center' });
    flagged.blur();
    flagged.focus();
    return true;
  });
}
