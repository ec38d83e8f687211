// Hand-written stand-ins for the browser APIs the background uses, for unit tests (never bundled: only tests
// import this). They keep the browsers' observable behaviour that matters here: storage round-trips through JSON
// (values are copies, never shared objects), Firefox's managed area throws when no policy exists, and sending to
// a tab without our content script rejects.
import { NO_LINKS, type PageInfo, type TabFinding, type TabMessage, type VerdictCounts } from '../../src/protocol';
import { BUILT_IN_RULES } from '../../src/rules';
import type { ActionApi } from '../../src/background/badge';
import { createHandler, type HandlerDeps, type Sender } from '../../src/background/handle';
import { patternCovers } from '../../src/background/resolver';
import { createStore, type StorageArea } from '../../src/background/store';
import type { TabsApi } from '../../src/background/tabs';
import type { RegisteredScript } from '../../src/background/watch-hosts';

const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export class FakeArea implements StorageArea {
  data: Record<string, unknown>;
  /** Set to make every get() reject, as Firefox's storage.managed does without a policy. */
  failure: Error | null = null;
  /** Set to make every set() reject, as a full storage quota does. */
  writeFailure: Error | null = null;
  writes = 0;

  constructor(initial: Record<string, unknown> = {}) {
    this.data = copy(initial);
  }
  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    if (this.failure) throw this.failure;
    const wanted =
      keys === null || keys === undefined ? Object.keys(this.data) : typeof keys === 'string' ? [keys] : keys;
    return copy(Object.fromEntries(wanted.filter((key) => key in this.data).map((key) => [key, this.data[key]])));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    if (this.writeFailure) throw this.writeFailure;
    this.writes++;
    const next = { ...this.data, ...copy(items) };
    // Like Chrome's storage.session (10 MB, QUOTA_BYTES): a write past the quota fails whole.
    if (this.quotaBytes !== null && this.bytesInUse(next) > this.quotaBytes) {
      throw new Error('Session storage quota bytes exceeded. Values were not stored.');
    }
    this.data = next;
  }
  /** Set to refuse writes that would make the area larger (keys + JSON values) than this. */
  quotaBytes: number | null = null;
  bytesInUse(data: Record<string, unknown> = this.data): number {
    return Object.entries(data).reduce((sum, [key, value]) => sum + key.length + JSON.stringify(value).length, 0);
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === 'string' ? [keys] : keys) delete this.data[key];
  }
}

export interface FakeTab {
  id: number;
  url: string;
  active?: boolean;
  /** Whether our content script listens in this tab (else sendMessage rejects like the browsers do). */
  listening?: boolean;
}

export class FakeTabs implements TabsApi {
  sent: { tabId: number; message: TabMessage; frameId: number | undefined }[] = [];
  constructor(public tabs: FakeTab[] = []) {}
  async query(query: { active?: boolean }): Promise<{ id?: number; url?: string }[]> {
    return this.tabs
      .filter((tab) => query.active === undefined || !!tab.active === query.active)
      .map(({ id, url }) => ({ id, url }));
  }
  async sendMessage(tabId: number, message: TabMessage, options?: { frameId?: number }): Promise<unknown> {
    const tab = this.tabs.find((t) => t.id === tabId);
    if (!tab?.listening) throw new Error('Could not establish connection. Receiving end does not exist.');
    this.sent.push({ tabId, message, frameId: options?.frameId });
    return undefined;
  }
}

export interface BadgeState {
  text?: string;
  color?: string;
  textColor?: string;
  title?: string;
}

export class FakeAction implements ActionApi {
  badges = new Map<number, BadgeState>();
  private state(tabId: number): BadgeState {
    const state = this.badges.get(tabId) ?? {};
    this.badges.set(tabId, state);
    return state;
  }
  async setBadgeText({ tabId, text }: { tabId: number; text: string }) {
    this.state(tabId).text = text;
  }
  async setBadgeBackgroundColor({ tabId, color }: { tabId: number; color: string }) {
    this.state(tabId).color = color;
  }
  async setBadgeTextColor({ tabId, color }: { tabId: number; color: string }) {
    this.state(tabId).textColor = color;
  }
  async setTitle({ tabId, title }: { tabId: number; title: string }) {
    this.state(tabId).title = title;
  }
}

export class FakeScripting {
  injected: { tabId: number; frameIds?: number[]; files: string[] }[] = [];
  /** Tab ids where injection fails, as on a tab closed or showing a page we may not touch. */
  refused = new Set<number>();
  async executeScript({ target, files }: { target: { tabId: number; frameIds?: number[] }; files: string[] }) {
    if (this.refused.has(target.tabId)) throw new Error('Cannot access contents of the page.');
    this.injected.push({ ...target, files });
    return [];
  }
  /** Registered content scripts as the browser keeps them (across worker restarts, like the real ones). */
  registered: RegisteredScript[] = [];
  async getRegisteredContentScripts(filter: { ids?: string[] } = {}) {
    return this.registered.filter((script) => !filter.ids || filter.ids.includes(script.id));
  }
  async registerContentScripts(scripts: RegisteredScript[]) {
    for (const script of scripts) {
      if (this.registered.some((known) => known.id === script.id))
        throw new Error(`Duplicate script ID '${script.id}'`);
    }
    this.registered.push(...scripts);
  }
  async unregisterContentScripts(filter: { ids?: string[] } = {}) {
    this.registered = this.registered.filter((script) => filter.ids && !filter.ids.includes(script.id));
  }
}

export class FakePermissions {
  constructor(public granted: string[] = []) {}
  /** What permissions.request was asked for, in order; `answer` is what the user (or the browser) says. */
  requested: string[][] = [];
  answer = true;
  async getAll() {
    return { origins: [...this.granted] };
  }
  async request({ origins }: { origins: string[] }): Promise<boolean> {
    this.requested.push(origins);
    if (this.answer) this.granted.push(...origins.filter((origin) => !this.granted.includes(origin)));
    return this.answer;
  }
  async remove({ origins }: { origins: string[] }): Promise<boolean> {
    const before = this.granted.length;
    this.granted = this.granted.filter((origin) => !origins.includes(origin));
    return this.granted.length < before;
  }
  async contains({ origins }: { origins: string[] }): Promise<boolean> {
    return origins.every((origin) =>
      this.granted.some((pattern) => patternCovers(pattern, new URL(origin.replace(/\*$/, '')))),
    );
  }
}

export const EXTENSION_ID = 'cartlint@cartlint.dev';
export const EXTENSION_URL = 'chrome-extension://abcdefghijklmnop/';
/** The popup or options page. */
export const PAGE: Sender = { id: EXTENSION_ID, url: `${EXTENSION_URL}popup.html` };
/** Our content script in tab `tabId`: in its top frame, or in frame `frameId` of a tab showing `tabUrl`. */
export const contentIn = (tabId: number, url: string, frameId = 0, tabUrl = url): Sender => ({
  id: EXTENSION_ID,
  url,
  tab: { id: tabId, url: tabUrl },
  frameId,
});

/** The manifest's content script, as the worker reads it: the dashboards, and what runs there. */
export const CONTENT_SCRIPT = {
  matches: ['https://zs.kwaixiaodian.com/*', 'https://cp.kuaishou.com/*'],
  js: ['content.js'],
  run_at: 'document_idle',
  all_frames: false,
};

export const RESOLVER_ORIGINS = ['*://t.cn/*', '*://dwz.cn/*', '*://*.taobao.com/*', '*://*.jd.com/*'];

export interface FakeBrowser {
  local: FakeArea;
  session: FakeArea | null;
  managed: FakeArea;
  tabs: FakeTabs;
  action: FakeAction;
  permissions: FakePermissions;
  scripting: FakeScripting;
  fetched: string[];
  /** Where the fake network sends each URL (absent: answers in place). */
  redirects: Record<string, string>;
}

export function fakeBrowser(
  init: { local?: Record<string, unknown>; managed?: Record<string, unknown> | null } = {},
): FakeBrowser {
  const managed = new FakeArea(init.managed ?? {});
  if (init.managed === null) managed.failure = new Error('Managed storage manifest not found');
  return {
    local: new FakeArea(init.local),
    session: new FakeArea(),
    managed,
    tabs: new FakeTabs(),
    action: new FakeAction(),
    permissions: new FakePermissions(),
    scripting: new FakeScripting(),
    fetched: [],
    redirects: {},
  };
}

/** A background as a fresh worker would start it over `browser`'s storage (call again to "restart" it). */
export function startBackground(browser: FakeBrowser, over: Partial<HandlerDeps> = {}) {
  const store = createStore({ local: browser.local, session: browser.session });
  const deps: HandlerDeps = {
    store,
    managedArea: browser.managed,
    builtIn: BUILT_IN_RULES,
    uiLocale: 'en-US',
    extensionId: EXTENSION_ID,
    extensionUrl: EXTENSION_URL,
    tabs: browser.tabs,
    action: browser.action,
    resolver: {
      fetch: async (url) => {
        browser.fetched.push(url);
        return { url: browser.redirects[url] ?? url, body: null };
      },
      permissions: browser.permissions,
      origins: RESOLVER_ORIGINS,
    },
    scripting: browser.scripting,
    permissions: browser.permissions,
    contentScript: CONTENT_SCRIPT,
    now: () => new Date('2026-11-23T10:00:00+08:00'),
    ...over,
  };
  const background = createHandler(deps);
  /** Sends like runtime.sendMessage; resolves with the reply, or undefined when the background stays silent. */
  const send = (message: unknown, sender: Sender = PAGE) => background.handle(message, sender);
  return { ...background, store, deps, send };
}

export const KS_LIVE_URL = 'https://zs.kwaixiaodian.com/page/helper';

export function page(over: Partial<PageInfo> = {}): PageInfo {
  return {
    url: KS_LIVE_URL,
    adapter: 'kuaishou-live-helper',
    platform: 'kuaishou',
    surface: 'live-cart',
    surfaceFrom: 'adapter',
    pattern: 'kuaishou-live-helper:/page/helper',
    ...over,
  };
}

export function finding(
  id: string,
  verdict: TabFinding['decision']['verdict'],
  text = 'https://s.click.taobao.com/abc',
): TabFinding {
  return {
    id,
    where: '粘贴商品链接',
    link: {
      text,
      start: 0,
      end: text.length,
      source: 'taobao',
      affiliate: true,
      kind: 'short-link',
      evidence: 'host s.click.taobao.com',
    },
    decision: { verdict, rule: verdict === 'allowed' ? null : 'KS-4', reason: { zh: '理由', en: 'reason' } },
  };
}

/** What the content script counts for these findings (it counts every judged link, listed or not). */
export function countsOf(findings: readonly TabFinding[]): VerdictCounts {
  const counts = { ...NO_LINKS };
  for (const { decision } of findings) counts[decision.verdict]++;
  return counts;
}

/** One frame's report of these findings on the Kuaishou live cart. */
export function frameReport(findings: TabFinding[], at = '2026-11-23T02:00:00.000Z', over: Partial<PageInfo> = {}) {
  return { page: page(over), findings, counts: countsOf(findings), at };
}
