// Per-tab findings: what the popup reads (tab/state), and when they stop being true (navigation, tab closed).
import type { Lang } from '../core/types';
import { VERDICTS } from '../core/types';
import {
  hostOf,
  isPaused,
  NO_LINKS,
  type Settings,
  type TabMessage,
  type TabState,
  type VerdictCounts,
} from '../protocol';
import { badgeFor, showBadge, type ActionApi } from './badge';
import type { Store, TabReports } from './store';

/** The part of browser.tabs we use. */
export interface TabsApi {
  query(query: { active?: boolean; lastFocusedWindow?: boolean }): Promise<{ id?: number; url?: string }[]>;
  sendMessage(tabId: number, message: TabMessage, options?: { frameId?: number }): Promise<unknown>;
}

/** Top frame first, so its page describes the tab. */
const frames = (reports: TabReports) =>
  Object.entries(reports)
    .map(([frameId, report]) => ({ frameId: Number(frameId), report }))
    .sort((a, b) => a.frameId - b.frameId);

const sum = (counts: readonly VerdictCounts[]): VerdictCounts =>
  Object.fromEntries(VERDICTS.map((v) => [v, counts.reduce((n, c) => n + c[v], 0)])) as VerdictCounts;

/** The tab as the popup shows it: the top frame's page, every frame's findings and counts, the latest judging time. */
export function tabState(
  tabId: number,
  reports: TabReports,
  settings: Settings,
  locked: boolean,
  tabUrl?: string,
): TabState {
  const list = frames(reports);
  const page = list[0]?.report.page ?? null;
  const times = list.map(({ report }) => report.at).sort();
  return {
    tabId,
    page,
    findings: list.flatMap(({ report }) => report.findings),
    counts: sum(list.map(({ report }) => report.counts)),
    at: times[times.length - 1] ?? null,
    paused: isPaused(settings, locked, hostOf(page?.url ?? tabUrl)),
  };
}

/** The frame that reported a finding, to send `finding/reveal` where the field is. */
export function frameOf(reports: TabReports, findingId: string): number | null {
  const hit = frames(reports).find(({ report }) => report.findings.some((f) => f.id === findingId));
  return hit ? hit.frameId : null;
}

export interface TabEventDeps {
  store: Store;
  action: ActionApi;
  lang: Lang;
}

/**
 * tabs.onUpdated: findings belong to the address they were made on. When the tab's address changes (a new page,
 * or a single-page app's route) they are dropped and the badge cleared; the page's content script reports anew.
 * Chrome also says `loading` when only an iframe loads, and the same address may be reported again after the
 * content script already reported for it: so only an address other than the reported page's clears.
 */
export async function onTabUpdated(
  deps: TabEventDeps,
  tabId: number,
  change: { url?: string; status?: string },
  tab: { url?: string },
): Promise<void> {
  const url = change.url ?? (change.status === 'loading' ? tab.url : undefined);
  if (url === undefined) return;
  const reports = await deps.store.tab(tabId);
  const page = frames(reports)[0]?.report.page;
  if (!page) return;
  if (page.url === url) return;
  await deps.store.dropTab(tabId);
  await showBadge(deps.action, tabId, badgeFor(NO_LINKS, false, deps.lang));
}

/** tabs.onRemoved: nothing of a closed tab is kept. */
export function onTabRemoved(store: Store, tabId: number): Promise<void> {
  return store.dropTab(tabId);
}
