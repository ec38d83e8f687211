// Firefox ESR driven by puppeteer-core over WebDriver BiDi (Playwright cannot drive a stock Firefox), the
// extension installed as a temporary add-on. The moz-extension UUID is pinned by a pref so our pages have a
// known origin; request interception is per page, so every dashboard tab is opened through `openDashboard`.
import puppeteer, { type Browser, type ElementHandle, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { createFixtureRouter, type FixtureRouter } from './fixtures';
import { TestPage, type DriverPage } from './page';
import { FIREFOX_BIN, FIREFOX_EXTENSION_DIR, GECKO_ID } from './paths';
import { ExtensionSession, type BrowserDriver } from './session';
import { makeTempDirs, type TempDirs } from './temp-home';

export const FIREFOX_EXTENSION_UUID = 'c4a71e2d-5b0f-4c3e-9d61-ca27117e0001';

export interface FirefoxOptions {
  /** HOME and profile to run in, kept on close (the caller removes them): a browser restarted on one profile. */
  dirs?: TempDirs;
  extensionDir?: string;
  headless?: boolean;
  router?: FixtureRouter;
  lang?: string;
  viewport?: { width: number; height: number };
  /**
   * Suspend the event page after this many idle milliseconds (pref extensions.background.idle.timeout,
   * default 30 s). Set it low in the test that checks the extension survives its background being suspended.
   */
  backgroundIdleMs?: number;
  /** Optional permissions asked for during a click are granted without the prompt (pref
   *  extensions.webextOptionalPermissionPrompts): what the operator's "Allow" would do. */
  grantOptionalPermissions?: boolean;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(`${extensionDir}/manifest.json`))
    throw new Error(`no extension at ${extensionDir}: run \`npm run build\` first`);
  const router = options.router ?? createFixtureRouter();
  const own = !options.dirs;
  const dirs = options.dirs ?? makeTempDirs('firefox');
  const removeDirs = own ? dirs.remove : () => undefined;
  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
    // No first-run pages, update pings or telemetry in a test profile.
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.update.enabled': false,
  };
  if (options.backgroundIdleMs !== undefined) prefs['extensions.background.idle.timeout'] = options.backgroundIdleMs;
  if (options.lang) prefs['intl.accept_languages'] = options.lang;
  if (options.grantOptionalPermissions) prefs['extensions.webextOptionalPermissionPrompts'] = false;

  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX_BIN,
    headless: options.headless ?? true,
    // Without it, BiDi refuses to navigate a tab to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs,
    env: dirs.env,
    ...(own ? {} : { userDataDir: dirs.profile }),
    defaultViewport: options.viewport ?? { width: 1280, height: 800 },
  });
  try {
    await checkMinVersion(browser, extensionDir);
    const id = await browser.installExtension(extensionDir);
    if (id !== GECKO_ID) throw new Error(`installed add-on id ${id}, expected ${GECKO_ID} (manifest gecko.id)`);
    const driver = new FirefoxDriver(browser, router, options.backgroundIdleMs, removeDirs);
    return new ExtensionSession(driver);
  } catch (error) {
    await browser.close().catch(() => undefined);
    removeDirs();
    throw error;
  }
}

/** Firefox refuses an add-on whose strict_min_version is above its own; say which numbers clash, not just "incompatible". */
async function checkMinVersion(browser: Browser, extensionDir: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(`${extensionDir}/manifest.json`, 'utf8')) as {
    browser_specific_settings?: { gecko?: { strict_min_version?: string } };
  };
  const wanted = manifest.browser_specific_settings?.gecko?.strict_min_version;
  const running = (await browser.version()).replace(/^\D*/, ''); // "firefox/140.12.0esr" → "140.12.0esr"
  const major = (version: string) => Number.parseInt(version, 10);
  if (wanted && major(running) < major(wanted)) {
    throw new Error(
      `${FIREFOX_BIN} is Firefox ${running}, older than the manifest's gecko.strict_min_version ${wanted}: it cannot install the add-on`,
    );
  }
}

class FirefoxDriver implements BrowserDriver {
  readonly name = 'firefox' as const;
  readonly extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

  constructor(
    readonly browser: Browser,
    private readonly router: FixtureRouter,
    private readonly backgroundIdleMs: number | undefined,
    private readonly removeDirs: () => void,
  ) {}

  async openDashboard(url: string): Promise<TestPage> {
    const page = await this.browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => void this.answer(request));
    await page.goto(url);
    return adaptPage(page);
  }

  async openExtensionPage(pathAndQuery: string): Promise<TestPage> {
    const page = await this.browser.newPage();
    const url = `${this.extensionOrigin}/${pathAndQuery}`;
    // Under BiDi, goto to a moz-extension:// page loads it but never resolves: fire and forget, then wait
    // for the document itself.
    page.goto(url).catch(() => undefined);
    const testPage = adaptPage(page);
    await testPage.waitFor((url) => location.href === url && document.readyState === 'complete', url, {
      what: `extension page ${url}`,
    });
    return testPage;
  }

  async stopBackground(): Promise<void> {
    // Firefox has no command to stop an event page; it suspends it after the idle timeout, which the
    // session then waits for.
    if (this.backgroundIdleMs === undefined || this.backgroundIdleMs > 5_000) {
      throw new Error('launchFirefox({ backgroundIdleMs }) with a short timeout is needed to suspend the event page');
    }
  }

  closed(): Promise<void> {
    return new Promise((resolve) => this.browser.once('disconnected', () => resolve()));
  }

  async close(): Promise<void> {
    try {
      await this.browser.close();
    } finally {
      this.removeDirs();
    }
  }

  private async answer(request: HTTPRequest): Promise<void> {
    if (request.isInterceptResolutionHandled()) return;
    const routing = this.router.route(request.url());
    try {
      if (routing.action === 'fulfill') {
        await request.respond({ status: routing.status, contentType: routing.contentType, body: routing.body });
      } else if (routing.action === 'abort') {
        await request.abort('internetdisconnected');
      } else {
        await request.continue();
      }
    } catch {
      // The page closed while its request was in flight.
    }
  }
}

function adaptPage(page: Page): TestPage {
  return new TestPage(driverFor(page, page.mainFrame()), page);
}

/** The page's main frame or another of its frames (`target`): the calls go to the frame, the keyboard and the tab
 *  are the page's. */
function driverFor(page: Page, target: Frame): DriverPage {
  return {
    url: () => target.url(),
    evaluate: (fn, arg) => target.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<never>,
    click: (selector) => target.click(selector),
    typeKeys: (text) => page.keyboard.type(text),
    pressKey: (key) => page.keyboard.press(key),
    screenshot: async (path, selector) => {
      const element = selector ? await target.waitForSelector(selector) : null;
      if (selector && !element) throw new Error(`nothing matches ${selector}`);
      await (element ?? page).screenshot({ path: path as `${string}.png` });
    },
    setInputFile: async (selector, path) => {
      const input = await target.waitForSelector(selector);
      await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    frame: (urlPrefix) => {
      const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(urlPrefix));
      return frame ? driverFor(page, frame) : null;
    },
  };
}
