// Debian's Chromium with the unpacked extension, driven by playwright-core (launchPersistentContext is the only
// way Playwright loads extensions). The id comes from the service worker's URL; when Playwright misses the
// worker's start (microsoft/playwright#39075) the id computed from the folder is used and checked by loading
// one of our pages instead.
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { chromiumExtensionId } from './extension-id';
import { createFixtureRouter, type FixtureRouter } from './fixtures';
import { TestPage, type DriverPage } from './page';
import { CHROME_EXTENSION_DIR, CHROMIUM_BIN } from './paths';
import { ExtensionSession, type BrowserDriver } from './session';
import { makeTempDirs, type TempDirs } from './temp-home';

export interface ChromiumOptions {
  /** HOME and profile to run in, kept on close (the caller removes them): a browser restarted on one profile. */
  dirs?: TempDirs;
  extensionDir?: string;
  headless?: boolean;
  router?: FixtureRouter;
  /** Browser UI language ("zh-CN"): what `i18n.getUILanguage()` and `navigator.language` report. */
  lang?: string;
  viewport?: { width: number; height: number };
}

const WORKER_WAIT_MS = 10_000;

export async function launchChromium(options: ChromiumOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? CHROME_EXTENSION_DIR;
  if (!existsSync(`${extensionDir}/manifest.json`))
    throw new Error(`no extension at ${extensionDir}: run \`npm run build\` first`);
  const router = options.router ?? createFixtureRouter();
  const own = !options.dirs;
  const dirs = options.dirs ?? makeTempDirs('chromium');
  const removeDirs = own ? dirs.remove : () => undefined;
  if (options.lang) dirs.env.LANGUAGE = options.lang.replace('-', '_');

  const context = await chromium.launchPersistentContext(dirs.profile, {
    executablePath: CHROMIUM_BIN,
    headless: options.headless ?? true,
    env: dirs.env,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ...(options.lang ? { locale: options.lang } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  try {
    // Clipboard read-back in tests: granted to the whole context (an origin-scoped grant fails for extension origins).
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await context.route('**/*', async (route) => {
      const routing = router.route(route.request().url());
      if (routing.action === 'fulfill') {
        await route.fulfill({ status: routing.status, contentType: routing.contentType, body: routing.body });
      } else if (routing.action === 'abort') {
        await route.abort('internetdisconnected');
      } else {
        await route.continue();
      }
    });
    const extensionId = await findExtensionId(context, extensionDir);
    const driver = new ChromiumDriver(context, `chrome-extension://${extensionId}`, removeDirs);
    return new ExtensionSession(driver);
  } catch (error) {
    await context.close().catch(() => undefined);
    removeDirs();
    throw error;
  }
}

async function findExtensionId(context: BrowserContext, extensionDir: string): Promise<string> {
  const expected = chromiumExtensionId(extensionDir);
  const isOurs = (url: string) => url.startsWith('chrome-extension://');
  const running = context.serviceWorkers().find((worker) => isOurs(worker.url()));
  const worker =
    running ??
    (await context
      .waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: WORKER_WAIT_MS })
      .catch(() => undefined));
  if (worker) return new URL(worker.url()).host;
  // The worker started before Playwright attached: prove the computed id by loading our own page.
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${expected}/manifest.json`);
    return expected;
  } finally {
    await page.close();
  }
}

class ChromiumDriver implements BrowserDriver {
  readonly name = 'chromium' as const;

  constructor(
    readonly context: BrowserContext,
    readonly extensionOrigin: string,
    private readonly removeDirs: () => void,
  ) {}

  async openDashboard(url: string): Promise<TestPage> {
    const page = await this.context.newPage();
    await page.goto(url);
    return adaptPage(page);
  }

  async openExtensionPage(pathAndQuery: string): Promise<TestPage> {
    const page = await this.context.newPage();
    await page.goto(`${this.extensionOrigin}/${pathAndQuery}`);
    return adaptPage(page);
  }

  async stopBackground(console: TestPage): Promise<void> {
    const cdp = await this.context.newCDPSession(console.raw as Page);
    try {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
    } finally {
      await cdp.detach();
    }
  }

  closed(): Promise<void> {
    return new Promise((resolve) => this.context.once('close', () => resolve()));
  }

  async close(): Promise<void> {
    try {
      await this.context.close();
    } finally {
      this.removeDirs();
    }
  }
}

export function adaptPage(page: Page): TestPage {
  return new TestPage(driverFor(page, page), page);
}

/** The page, or one of its frames (`target`): the calls go to the frame, the keyboard and the tab are the page's. */
function driverFor(page: Page, target: Page | Frame): DriverPage {
  return {
    url: () => target.url(),
    // The page-side function's types are the caller's; the libraries' own generics cannot carry them.
    evaluate: (fn, arg) => target.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<never>,
    click: (selector) => target.click(selector),
    typeKeys: (text) => page.keyboard.type(text),
    pressKey: (key) => page.keyboard.press(key),
    screenshot: async (path, selector) => {
      await (selector ? target.locator(selector).first().screenshot({ path }) : page.screenshot({ path }));
    },
    setInputFile: (selector, path) => target.setInputFiles(selector, path),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    frame: (urlPrefix) => {
      const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(urlPrefix));
      return frame ? driverFor(page, frame) : null;
    },
  };
}
