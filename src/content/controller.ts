// The content script's lifetime on one tab: wakes where the manifest (dashboard hosts, their frames too) injects it,
// takes the page's adapter (a watch rule's first; in a cross-origin frame, else its top page's), follows SPA routes
// (one page life per route, aborted on the next), honours paused sites, answers the background's tab messages, and
// keeps every error to itself. It judges from its first moment with the config it has without a round trip (the
// last route's, else the snapshot the worker keeps in storage.local), because a worker waking after a browser start
// can take seconds to answer; the worker's config, retried while it wakes, then replaces it when it differs.
import type { JudgedLink, Lang } from '../core/types';
import {
  createClient,
  isPaused,
  isTabMessage,
  NO_LINKS,
  toWire,
  type ConfigSnapshot,
  type PageInfo,
  type TabMessage,
  SNAPSHOT_KEY,
} from '../protocol';
import { resolveLang } from '../i18n';
import { ADAPTERS, adapterFor, type AdapterMatch } from '../dashboards';
import { watchAdapters } from '../dashboards/watch';
import type { JudgeContext } from './judges';
import { createReporter, retried, sleep, RETRY_DELAYS_MS } from './messaging';
import { startPageLife, type PageLife, type Report } from './page-life';
import { watchRoute } from './page/route';
import { logged } from './logged';
import type { Judges } from './page/scan';

/** The slice of the extension runtime the content script uses (webextension-polyfill's, or a fake in tests). */
export interface ContentRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage(listener: (message: unknown, senderId: string | undefined) => void): void;
  /** Our extension's id; undefined once the extension was reloaded or removed under us. */
  id(): string | undefined;
  /** What storage.local holds under `key` (read straight from storage, without the worker). */
  stored(key: string): Promise<unknown>;
}

export interface ContentOptions {
  win: Window;
  runtime: ContentRuntime;
  makeJudges(context: () => JudgeContext): Judges;
  retryDelays?: readonly number[];
  reportDelayMs?: number;
  routePollMs?: number;
}

export interface Content {
  stop(): void;
  /** The page life now, if the page is a dashboard and not paused. */
  life(): PageLife | null;
  /** Resolves when the current route's start finished (tests). */
  ready(): Promise<void>;
}

/** Only the worker writes the snapshot, but storage outlives versions: a shape we cannot judge with is no snapshot. */
function asSnapshot(value: unknown): ConfigSnapshot | null {
  const snapshot = value as Partial<ConfigSnapshot> | null | undefined;
  return Array.isArray(snapshot?.rules) && Array.isArray(snapshot.settings?.pausedSites) && snapshot.surfaceOverrides
    ? (snapshot as ConfigSnapshot)
    : null;
}

const sameConfig = (a: ConfigSnapshot, b: ConfigSnapshot) => JSON.stringify(a) === JSON.stringify(b);

/** A frame whose parent we can read is scanned by the top frame's script (roots.ts walks same-origin iframes). */
function scannedByParent(win: Window): boolean {
  try {
    return Boolean(win.parent.document);
  } catch {
    return false;
  }
}

export function startContent(options: ContentOptions): Content | null {
  const { win, runtime } = options;
  const doc = win.document;
  // Where it runs is the manifest's (dashboard hosts) and the granted watch rules' business; here only frames.
  const framed = win !== win.top;
  if (framed && scannedByParent(win)) return null;

  const whole = new AbortController();
  const client = createClient((message) => runtime.sendMessage(toWire(message)));
  const delays = options.retryDelays ?? RETRY_DELAYS_MS;
  const reporter = createReporter<Report>((report) => client.request({ type: 'tab/report', ...report }), {
    delayMs: options.reportDelayMs,
    delays,
  });
  let config: ConfigSnapshot | null = null;
  let life: PageLife | null = null;
  let lifeControl: AbortController | null = null;
  let reportedPage = false;
  let ready: Promise<void> = Promise.resolve();

  const langOf = (snapshot: ConfigSnapshot): Lang => resolveLang(snapshot.settings.language, win.navigator.language);
  const report = (make: () => Report) => {
    reportedPage = true;
    reporter.report(make);
  };

  /** The config, retried while the worker wakes up; the last one we had when it does not answer. */
  async function fetchConfig(signal: AbortSignal): Promise<ConfigSnapshot | null> {
    for (;;) {
      try {
        config = await retried(() => client.request({ type: 'config/get' }), { delays, signal });
        return config;
      } catch (error) {
        if (signal.aborted) return null;
        if (runtime.id() === undefined) {
          stop(); // the extension was reloaded or removed: this script is orphaned
          return null;
        }
        if (config) return config;
        logged('config')(error);
        await sleep(delays.at(-1) ?? 1000, signal);
      }
    }
  }

  /** Reports the page with nothing judged: a route off the dashboard (no match), or a paused site. */
  function reportNothing(match?: AdapterMatch) {
    const page: PageInfo = {
      url: win.location.href,
      adapter: match?.adapter.id ?? null,
      platform: match?.adapter.platform ?? null,
      surface: 'unknown',
      surfaceFrom: 'unknown',
      pattern: match?.pattern ?? '',
    };
    report(() => ({ page, findings: [], counts: NO_LINKS, at: new Date().toISOString() }));
  }

  /** The config to judge with at once: the last route's, else the worker's snapshot; null on a first run. */
  function configAtHand(): Promise<ConfigSnapshot | null> {
    return config ? Promise.resolve(config) : runtime.stored(SNAPSHOT_KEY).then(asSnapshot, () => null);
  }

  /** The config the current route runs on. */
  let applied: ConfigSnapshot | null = null;
  /** In the top frame: the banned links the tab's other frames hold (frames/banned), which its guard weighs too. */
  let elsewhere: readonly JudgedLink[] = [];
  /** The host whose pause the current route honours: the tab's top page's. */
  let site = '';

  async function startRoute() {
    lifeControl?.abort();
    life = null;
    applied = null;
    const control = new AbortController();
    lifeControl = control;
    whole.signal.addEventListener('abort', () => control.abort(), { once: true, signal: control.signal });
    const fetched = fetchConfig(control.signal);
    const atHand = await configAtHand();
    const snapshot = atHand ?? (await fetched);
    // A cross-origin frame acts only inside a dashboard page (the worker gives the top's address on our hosts alone),
    // with its own page's adapter or else the top's (a goods picker on a sibling host), paused with the top's site.
    const top = framed
      ? await retried(() => client.request({ type: 'frame/top' }), { delays }).catch(() => null)
      : null;
    if (!snapshot || control.signal.aborted) return;
    const topUrl = framed ? top?.url : win.location.href;
    // Watch rules first (an operator's fix for a page that changed); a snapshot stored by an older version has none.
    const adapters = [...watchAdapters(snapshot.watchRules ?? [], doc), ...ADAPTERS];
    const topMatch = topUrl && adapterFor(topUrl, adapters);
    const match = topMatch && ((framed && adapterFor(win.location.href, adapters)) || topMatch);
    if (!match) {
      // A route off the dashboard: clear what the last route reported, then stay idle.
      if (reportedPage) reportNothing();
      return;
    }
    applied = snapshot;
    site = new URL(topUrl!).host; // an address adapterFor read
    if (isPaused(snapshot.settings, snapshot.locked, site)) {
      reportNothing(match);
    } else {
      life = startPageLife({
        doc,
        match,
        config: snapshot,
        inherited: top?.surface,
        elsewhere: () => elsewhere,
        lang: langOf(snapshot),
        signal: control.signal,
        makeJudges: options.makeJudges,
        report,
        askLink: async (url) => (await client.request({ type: 'link/resolve', url })).target,
        askNotice: async (request) => (await client.request({ type: 'notice/text', ...request })).text,
      });
    }
    if (atHand) {
      const fresh = await fetched;
      if (fresh && !control.signal.aborted) apply(fresh);
    }
  }

  function restart() {
    ready = startRoute().catch(logged('start'));
  }

  /** The worker's config for the current route: re-judge when it differs from the one the route runs on. */
  function apply(snapshot: ConfigSnapshot) {
    if (!applied || sameConfig(snapshot, applied)) return;
    const pausedChanged =
      isPaused(snapshot.settings, snapshot.locked, site) !== isPaused(applied.settings, applied.locked, site);
    if (pausedChanged || !life) return restart();
    applied = snapshot;
    life.setConfig(snapshot, langOf(snapshot));
  }

  async function onConfigChanged() {
    const signal = lifeControl?.signal ?? whole.signal;
    const snapshot = await fetchConfig(signal);
    if (!snapshot || signal.aborted) return;
    if (!applied) return restart();
    apply(snapshot);
  }

  function onTabMessage(message: TabMessage) {
    if (message.type === 'config/changed') ready = onConfigChanged().catch(logged('config'));
    else if (message.type === 'frames/banned') elsewhere = message.banned;
    else life?.reveal(message.findingId);
  }

  function stop() {
    whole.abort();
    life = null;
  }

  runtime.onMessage((message, senderId) => {
    if (whole.signal.aborted || senderId !== runtime.id() || !isTabMessage(message)) return;
    try {
      onTabMessage(message);
    } catch (error) {
      logged('message')(error);
    }
  });
  // No tab event tells the worker that a frame was removed or navigated: the frame says so itself.
  if (framed)
    win.addEventListener('pagehide', () => void runtime.sendMessage({ type: 'frame/gone' }).catch(() => {}), {
      signal: whole.signal,
    });
  watchRoute(win, restart, whole.signal, options.routePollMs);
  restart();

  return { stop, life: () => life, ready: () => ready };
}
