// Every runtime message the background answers, in one switch over the protocol's request types. The browser is
// injected (storage, tabs, action, permissions, fetch, clock), so this runs under unit tests with fakes, and each
// call re-reads storage, so a restarted worker answers exactly as the one before it.
//
// Who may ask: only our extension. Messages from another extension are ignored. Our pages (popup, options) may
// send anything; our content scripts, which run inside dashboard pages, only what a page needs (config/get,
// tab/report, link/resolve, and a frame's frame/top and frame/gone), so a compromised page cannot change rules or
// settings through them.
import { fromWire, type Reply, type Request, type TabMessage } from '../protocol';
import { hostOfOriginPattern } from '../host-access';
import { notice } from '../core/notice';
import { langFromLocale, t } from '../i18n';
import { badgeFor, showBadge, type ActionApi } from './badge';
import { readRequest } from './checks';
import { loadConfig, MANAGED_WAIT_MS, type ConfigSources, type Loaded } from './config';
import { resolveLink, type ResolverDeps } from './resolver';
import { deleteRule, exportRules, importRules, Refusal, saveRule, toggleRule } from './rules';
import { changeSettings } from './settings';
import { deleteWatchRule, exportWatchRules, importWatchRules, saveWatchRule } from './watch-rules';
import { createWatchHosts, type WatchHostApis } from './watch-hosts';
import type { LocalState, TabReports } from './store';
import { frameOf, tabState, type TabsApi } from './tabs';

/** The part of runtime.MessageSender we look at. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface HandlerDeps extends ConfigSources {
  extensionId: string;
  /** runtime.getURL(''): the address every one of our pages starts with. */
  extensionUrl: string;
  tabs: TabsApi;
  action: ActionApi;
  resolver: Omit<ResolverDeps, 'local' | 'now'>;
  /** The part of browser.scripting used: the picker is injected only when the operator starts it; the content
   *  script is registered on the hosts granted for watch rules (watch-hosts.ts). */
  scripting: WatchHostApis['scripting'] & {
    executeScript(details: {
      target: { tabId: number; frameIds?: number[]; allFrames?: boolean };
      files: string[];
    }): Promise<unknown>;
  };
  permissions: WatchHostApis['permissions'];
  contentScript: WatchHostApis['contentScript'];
  now(): Date;
}

type Caller = { kind: 'page' } | { kind: 'content'; tabId: number; frameId: number; tabUrl: string | null };

const FROM_CONTENT: ReadonlySet<Request['type']> = new Set([
  'config/get',
  'tab/report',
  'link/resolve',
  'watch/picked',
  'frame/top',
  'frame/gone',
  'notice/text',
]);

function callerOf(sender: Sender, deps: HandlerDeps): Caller | null {
  if (sender.id !== deps.extensionId) return null;
  if (sender.url?.startsWith(deps.extensionUrl)) return { kind: 'page' };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return null;
  // The tab's address is given only where we hold host permission (the dashboard hosts).
  return { kind: 'content', tabId, frameId: sender.frameId ?? 0, tabUrl: sender.tab?.url ?? null };
}

const ok = { ok: true } as const;
/** The element picker's bundle (src/content/picker.ts), kept out of content.js and its size budget. */
const PICKER_SCRIPT = 'picker.js';

export function createHandler(deps: HandlerDeps) {
  const { store, builtIn } = deps;
  /** Tabs where the popup started the picker: only there may a content script save the watch rule it picked
   *  (once), so a dashboard page cannot add watch rules by itself. A restarted worker forgets them: pick again. */
  const picking = new Set<number>();
  const watchHosts = createWatchHosts(deps);

  async function broadcast(): Promise<void> {
    const message: TabMessage = { type: 'config/changed' };
    const tabs = await deps.tabs.query({});
    // Tabs without our content script reject; nothing to tell them.
    await Promise.allSettled(tabs.map((tab) => (tab.id === undefined ? null : deps.tabs.sendMessage(tab.id, message))));
  }

  /** `reports`: the tab's reports when the caller already holds them (a report just stored), saving a re-read. */
  async function paintTab(loaded: Loaded, tabId: number, reports?: TabReports): Promise<void> {
    const state = tabState(tabId, reports ?? (await store.tab(tabId)), loaded.settings, loaded.snapshot.locked);
    await showBadge(deps.action, tabId, badgeFor(state.counts, state.paused, loaded.lang));
  }

  /** The top frame's guard weighs the banned links of the tab's other frames (a picker frame's link, confirmed by
   *  the console's own button): it is told them after a frame reported or went. Only tabs with frames are told. */
  async function tellTop(tabId: number, frameId: number, reports: TabReports): Promise<void> {
    const frames = Object.entries(reports).filter(([id]) => id !== '0');
    if (frameId === 0 && frames.length === 0) return;
    const banned = frames.flatMap(([, report]) =>
      report.findings.flatMap(({ link, decision }) => (decision.verdict === 'banned' ? [{ link, decision }] : [])),
    );
    const message: TabMessage = { type: 'frames/banned', banned };
    // A top page without our content script (not a dashboard) rejects; nothing to tell it.
    await deps.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
  }

  /** After a change of config: every tab re-judges, every badge is repainted (pausing clears one), and the content
   *  script is registered where the watch rules now say, on granted hosts. */
  async function refreshTabs(loaded: Loaded): Promise<void> {
    await broadcast();
    await Promise.all((await store.tabIds()).map((tabId) => paintTab(loaded, tabId)));
    await watchHosts.sync(loaded.snapshot.watchRules);
  }

  /** A read-modify-write of storage.local under the store's lock; then every tab re-reads its config. */
  async function change<T>(decide: (loaded: Loaded) => { patch: Partial<LocalState>; value: T }): Promise<T> {
    const { value, loaded } = await store.exclusive(async () => {
      const before = await loadConfig(deps);
      const { patch, value } = decide(before);
      await store.write(patch);
      return { value, loaded: await loadConfig(deps) };
    });
    await refreshTabs(loaded);
    return value;
  }

  async function answer(request: Request, caller: Caller, loaded: Loaded): Promise<unknown> {
    const { lang } = loaded;
    switch (request.type) {
      case 'config/get':
        return loaded.snapshot;
      case 'tab/report': {
        if (caller.kind !== 'content') throw new Refusal(t(lang, 'bg_no_tab'));
        const { page, findings, counts, at } = request;
        const openTabs = async () =>
          (await deps.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
        const reports = await store.putReport(caller.tabId, caller.frameId, { page, findings, counts, at }, openTabs);
        await paintTab(loaded, caller.tabId, reports);
        await tellTop(caller.tabId, caller.frameId, reports);
        return ok;
      }
      case 'frame/top': {
        if (caller.kind !== 'content') throw new Refusal(t(lang, 'bg_no_tab'));
        const top = (await store.tab(caller.tabId))[0]?.page;
        return { url: caller.tabUrl, surface: top && top.url === caller.tabUrl ? top.surface : 'unknown' };
      }
      case 'frame/gone': {
        if (caller.kind !== 'content') throw new Refusal(t(lang, 'bg_no_tab'));
        const reports = await store.dropFrame(caller.tabId, caller.frameId);
        await paintTab(loaded, caller.tabId, reports);
        if (caller.frameId !== 0) await tellTop(caller.tabId, caller.frameId, reports);
        return ok;
      }
      case 'tab/state': {
        let tabId = request.tabId;
        let tabUrl: string | undefined;
        if (tabId === undefined) {
          const [active] = await deps.tabs.query({ active: true, lastFocusedWindow: true });
          if (active?.id === undefined) throw new Refusal(t(lang, 'bg_no_active_tab'));
          tabId = active.id;
          tabUrl = active.url;
        }
        return tabState(tabId, await store.tab(tabId), loaded.settings, loaded.snapshot.locked, tabUrl);
      }
      case 'surface/set':
        return change(({ local }) => {
          const surfaceOverrides = { ...local.surfaceOverrides };
          if (request.surface === 'unknown') delete surfaceOverrides[request.pattern];
          else surfaceOverrides[request.pattern] = request.surface;
          return { patch: { surfaceOverrides }, value: ok };
        });
      case 'finding/reveal': {
        const found = frameOf(await store.tab(request.tabId), request.findingId);
        if (found === null) throw new Refusal(t(lang, 'bg_finding_gone'));
        const message: TabMessage = { type: 'finding/reveal', findingId: found.findingId };
        await deps.tabs.sendMessage(request.tabId, message, { frameId: found.frameId }).catch(() => {
          throw new Refusal(t(lang, 'bg_tab_unreachable'));
        });
        return ok;
      }
      case 'settings/set':
        return change((current) => changeSettings(current, request.patch));
      case 'rules/import':
        return change((current) => {
          const { patch, added, replaced } = importRules(current, builtIn, request.json);
          return { patch, value: { added, replaced } };
        });
      case 'rules/save':
        return change((current) => ({ patch: saveRule(current, builtIn, request.rule), value: ok }));
      case 'rules/delete':
        return change((current) => ({ patch: deleteRule(current, builtIn, request.id), value: ok }));
      case 'rules/toggle':
        return change((current) => ({ patch: toggleRule(current, builtIn, request.id, request.enabled), value: ok }));
      case 'rules/export':
        return { json: exportRules(loaded, deps.now()) };
      case 'watch/save':
        return change((current) => ({ patch: saveWatchRule(current, request.rule), value: ok }));
      case 'watch/delete':
        return change((current) => ({ patch: deleteWatchRule(current, request.id), value: ok }));
      case 'watch/import':
        return change((current) => {
          const { patch, added, replaced } = importWatchRules(current, request.json);
          return { patch, value: { added, replaced } };
        });
      case 'watch/export':
        return { json: exportWatchRules(loaded, deps.now()) };
      case 'picker/start': {
        picking.add(request.tabId);
        const target = { tabId: request.tabId, frameIds: [0] };
        await deps.scripting.executeScript({ target, files: [PICKER_SCRIPT] }).catch(() => {
          picking.delete(request.tabId);
          throw new Refusal(t(lang, 'bg_tab_unreachable'));
        });
        return ok;
      }
      case 'watch/picked': {
        if (caller.kind !== 'content' || !picking.has(caller.tabId))
          throw new Refusal(t(lang, 'bg_picker_not_started'));
        // The tab may pick again after a refused save (a bad selector); only a saved rule ends its turn.
        const saved = await change((current) => ({ patch: saveWatchRule(current, request.rule), value: ok }));
        picking.delete(caller.tabId);
        // A granted host outside the dashboards has no content script yet: start it in this tab now (later visits
        // get the registered one). The sync just ran, so this one only reads what it registered.
        const { host } = request.rule as { host: string };
        const registered = await watchHosts.sync((await loadConfig(deps)).snapshot.watchRules);
        if (registered.some((origin) => hostOfOriginPattern(origin) === host)) {
          const target = { tabId: caller.tabId, allFrames: deps.contentScript.all_frames ?? false };
          await deps.scripting.executeScript({ target, files: deps.contentScript.js }).catch(() => {
            throw new Refusal(t(lang, 'bg_tab_unreachable'));
          });
        }
        return saved;
      }
      case 'link/resolve': {
        const resolver = { ...deps.resolver, local: store.local, now: deps.now };
        return { target: await resolveLink(request.url, loaded.settings.resolveShortLinks, resolver) };
      }
      case 'notice/text': {
        const { link, decision, platform, surface, lang: noticeLang } = request;
        return {
          text: notice({ link, decision }, { platform, surface, lang: noticeLang, rules: loaded.snapshot.rules }),
        };
      }
    }
  }

  async function reply(wire: unknown, caller: Caller): Promise<Reply<unknown>> {
    const message = fromWire(wire);
    let lang = langFromLocale(deps.uiLocale);
    try {
      // Nobody waits for a slow storage.managed: a tab re-judges on config/changed, our pages re-read when the
      // snapshot changes, and a write (change) reads the policy in full before it applies.
      const loaded = await loadConfig(deps, deps.managedWaitMs ?? MANAGED_WAIT_MS);
      lang = loaded.lang;
      const reading = readRequest(message);
      if (!reading.request) {
        const { type, field } = reading;
        return {
          ok: false,
          error: field === null ? t(lang, 'bg_malformed', type ?? '?') : t(lang, 'bg_malformed_field', type!, field),
        };
      }
      const { request } = reading;
      if (caller.kind === 'content' && !FROM_CONTENT.has(request.type)) {
        return { ok: false, error: t(lang, 'bg_not_allowed', request.type) };
      }
      return { ok: true, value: await answer(request, caller, loaded) };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.message };
      return { ok: false, error: t(lang, 'bg_failed', error instanceof Error ? error.message : String(error)) };
    }
  }

  return {
    /**
     * runtime.onMessage listener: a promise of the reply, or undefined (no reply at all) for senders we ignore.
     * Never throws: whatever arrives, the answer is data.
     */
    handle(message: unknown, sender: Sender): Promise<Reply<unknown>> | undefined {
      const caller = callerOf(sender, deps);
      return caller ? reply(message, caller) : undefined;
    },
    /** The organisation's policy changed (storage.onChanged, area "managed"): tabs re-judge, badges repaint. */
    async policyChanged(): Promise<void> {
      await refreshTabs(await loadConfig(deps));
    },
    /** Host permissions changed, or the browser started: the content script registered where granted and watched. */
    async permissionsChanged(): Promise<void> {
      await watchHosts.sync((await loadConfig(deps)).snapshot.watchRules);
    },
  };
}
