// One entry for tests and the demo: launch cartlint in the named browser.
import { launchChromium, type ChromiumOptions } from './chromium';
import { launchFirefox, type FirefoxOptions } from './firefox';
import type { BrowserName, ExtensionSession } from './session';

export type LaunchOptions = ChromiumOptions & FirefoxOptions;

export function launch(browser: BrowserName, options: LaunchOptions = {}): Promise<ExtensionSession> {
  return browser === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

export { BROWSERS, ExtensionSession, type BrowserName } from './session';
export { TestPage, eventually, sleep } from './page';
export { createFixtureRouter, loadFixturePages, type FixturePage } from './fixtures';
export { openReadyPopup } from './popup';
