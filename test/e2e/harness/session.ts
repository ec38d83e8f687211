// A running browser with cartlint loaded, seen the same way in Chromium and Firefox. Everything the tests ask
// the extension (tab ids, badge, background state, clipboard) goes through an extension page of our own —
// the one context that exists in both browsers and stays valid while the background sleeps or restarts.
// Functions passed to `evaluate` run in the browser: they declare no named inner functions (tsx's keepNames
// would wrap them in a `__name` helper the page does not have).
import type { Reply, Request, RequestType, ResponseOf, TabState } from '../../../src/protocol';
import { eventually, type TestPage } from './page';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** What each browser harness implements. */
export interface BrowserDriver {
  readonly name: BrowserName;
  /** "chrome-extension://<id>" or "moz-extension://<uuid>", no trailing slash. */
  readonly extensionOrigin: string;
  /** A new tab on a dashboard URL, its requests answered by the fixture router. */
  openDashboard(url: string): Promise<TestPage>;
  /** A new tab on one of our extension pages ("popup.html?tab=3"), loaded. */
  openExtensionPage(pathAndQuery: string): Promise<TestPage>;
  /** Stops the background (Chromium: the service worker; Firefox: lets the event page idle out). */
  stopBackground(console: TestPage): Promise<void>;
  /** Resolves when the user closes the browser (headed demo). */
  closed(): Promise<void>;
  close(): Promise<void>;
}

/** The page the harness keeps open to talk to the extension APIs. */
const CONSOLE_PAGE = 'options.html';

export class ExtensionSession {
  private consolePage: TestPage | undefined;

  constructor(readonly driver: BrowserDriver) {}

  get name(): BrowserName {
    return this.driver.name;
  }

  get extensionOrigin(): string {
    return this.driver.extensionOrigin;
  }

  openDashboard(url: string): Promise<TestPage> {
    return this.driver.openDashboard(url);
  }

  openExtensionPage(pathAndQuery: string): Promise<TestPage> {
    return this.driver.openExtensionPage(pathAndQuery);
  }

  /** The popup for one tab, opened as a tab (`popup.html?tab=ID`, the contract for tests and windows). */
  openPopup(tabId: number): Promise<TestPage> {
    return this.driver.openExtensionPage(`popup.html?tab=${tabId}`);
  }

  async console(): Promise<TestPage> {
    this.consolePage ??= await this.driver.openExtensionPage(CONSOLE_PAGE);
    return this.consolePage;
  }

  /** The browser's id for the tab showing `page` (by its current URL; one such tab at a time). */
  async tabIdOf(page: TestPage): Promise<number> {
    const url = await page.evaluate(() => location.href);
    const console = await this.console();
    return eventually(
      () =>
        console.evaluate(async (url) => {
          const g = globalThis as unknown as { browser?: any; chrome?: any };
          const tabs: { id?: number; url?: string }[] = await (g.browser ?? g.chrome).tabs.query({});
          const matching = tabs.filter((tab) => tab.url === url);
          if (matching.length > 1) throw new Error(`${matching.length} tabs show ${url}; close the others first`);
          return matching[0]?.id ?? null;
        }, url),
      { what: `a tab showing ${url}` },
    );
  }

  async badgeText(tabId: number): Promise<string> {
    const console = await this.console();
    return console.evaluate(async (tabId) => {
      const g = globalThis as unknown as { browser?: any; chrome?: any };
      return (await (g.browser ?? g.chrome).action.getBadgeText({ tabId })) as string;
    }, tabId);
  }

  /** The badge's background colour as [r, g, b, a]. */
  async badgeColor(tabId: number): Promise<number[]> {
    const console = await this.console();
    return console.evaluate(async (tabId) => {
      const g = globalThis as unknown as { browser?: any; chrome?: any };
      return Array.from((await (g.browser ?? g.chrome).action.getBadgeBackgroundColor({ tabId })) as number[]);
    }, tabId);
  }

  /** Waits until the tab's badge reads `text` ("" = cleared). */
  async waitForBadge(tabId: number, text: string): Promise<void> {
    let seen = '';
    await eventually(
      async () => {
        seen = await this.badgeText(tabId);
        return seen === text;
      },
      { what: `badge "${text}" on tab ${tabId}` },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; badge reads "${seen}"`);
    });
  }

  /** One typed request to the background, from our extension page (wakes a stopped worker). */
  async request<K extends RequestType>(message: Request<K>): Promise<ResponseOf<K>> {
    const console = await this.console();
    // As JSON text: WebDriver BiDi sends an object met twice in a value (the background shares one decision
    // between equal links) as a reference that puppeteer turns into undefined.
    const text = await console.evaluate(async (message) => {
      const g = globalThis as unknown as { browser?: any; chrome?: any };
      return JSON.stringify((await (g.browser ?? g.chrome).runtime.sendMessage(message)) ?? null);
    }, message as unknown);
    const typed = JSON.parse(text) as Reply<ResponseOf<K>> | null;
    if (!typed || typeof typed !== 'object') throw new Error(`no reply to ${message.type}`);
    if (!typed.ok) throw new Error(`${message.type}: ${typed.error}`);
    return typed.value;
  }

  /** The background's view of a tab, once it satisfies `ready` (e.g. the content script's report arrived). */
  async waitForTabState(tabId: number, ready: (state: TabState) => boolean, what = 'tab state'): Promise<TabState> {
    let last: TabState | undefined;
    await eventually(
      async () => {
        last = await this.request({ type: 'tab/state', tabId });
        return ready(last);
      },
      { what: `${what} of tab ${tabId}` },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last state: ${JSON.stringify(last)}`);
    });
    return last!;
  }

  /** Whether the background context is running right now (runtime.getContexts, Chrome 116+ / Firefox 125+). */
  async backgroundRunning(): Promise<boolean> {
    const console = await this.console();
    return console.evaluate(async () => {
      const g = globalThis as unknown as { browser?: any; chrome?: any };
      const contexts = (await (g.browser ?? g.chrome).runtime.getContexts({
        contextTypes: ['BACKGROUND'],
      })) as unknown[];
      return contexts.length > 0;
    });
  }

  /** Stops the background and waits until the browser reports it gone. */
  async stopBackground(): Promise<void> {
    const console = await this.console();
    await this.driver.stopBackground(console);
    await eventually(async () => !(await this.backgroundRunning()), {
      what: 'the background to stop',
      timeout: 30_000,
    });
  }

  /** Reads the clipboard from an extension page (Chromium: clipboard-read is granted to the context). */
  async readClipboard(): Promise<string> {
    const console = await this.console();
    return console.evaluate(() => navigator.clipboard.readText());
  }

  /** Clears local storage (settings, custom rules, overrides) so tests don't see each other's changes. */
  async resetLocalStorage(): Promise<void> {
    const console = await this.console();
    await console.evaluate(async () => {
      const g = globalThis as unknown as { browser?: any; chrome?: any };
      await (g.browser ?? g.chrome).storage.local.clear();
    });
  }

  closed(): Promise<void> {
    return this.driver.closed();
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
