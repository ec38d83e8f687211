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

/** A finding's id in the tab: a child frame's carry its frame id, as two frames may name the same field alike. */
const tabFindingId = (frameId: number, id: string) => (frameId === 0 ? id : `${frameId}|${id}`);

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
    findings: list.flatMap(({ frameId, report }) =>
      frameId === 0 ? report.findings : report.findings.map((f) => ({ ...f, id: tabFindingId(frameId, f.id) })),
    ),
    counts: sum(list.map(({ report }) => report.counts)),
    at: times[times.length - 1] ?? null,
    paused: isPaused(settings, locked, hostOf(page?.url ?? tabUrl)),
  };
}

/** The frame that reported a finding (by its id in the tab), and the id its frame knows it by, to send
 *  `finding/reveal` where the field is. */
export function frameOf(reports: TabReports, findingId: string): { frameId: number; findingId: string } | null {
  for (const { frameId, report } of frames(reports)) {
    const found = report.findings.find((f) => tabFindingId(frameId, f.id) === findingId);
    if (found) return { frameId, findingId: found.id };
  }
  return null;
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
 * content script already reported for it: so only an address other than the top frame's reported page clears
 * (a frame's page has its own address; with no top report yet, only a real change of address clears).
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
  if (Object.keys(reports).length === 0) return;
  const top = reports[0]?.page;
  if (top ? top.url === url : change.url === undefined) return;
  await deps.store.dropTab(tabId);
  await showBadge(deps.action, tabId, badgeFor(NO_LINKS, false, deps.lang));
}

/** tabs.onRemoved: nothing of a closed tab is kept. */
export function onTabRemoved(store: Store, tabId: number): Promise<void> {
  return store.dropTab(tabId);
}
