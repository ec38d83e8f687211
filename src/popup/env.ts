// Everything the popup needs from the browser, injected so the components run under test without one.
import type { Client } from '../protocol';
import type { WatchedPage } from '../ui/watched';

export type { WatchedPage } from '../ui/watched';

export interface TabTarget {
  id: number;
  /** The tab's address when the browser tells it: on dashboard hosts (our host permissions), on hosts granted for
   *  watch rules, and on the active tab when the toolbar button opened the popup (activeTab). */
  url?: string;
}

export interface PopupEnv {
  client: Client;
  /** The tab to show: `popup.html?tab=ID`, else the active tab. */
  resolveTab(): Promise<TabTarget>;
  /** The browser's UI language ("zh-CN"), for language "auto". */
  uiLocale: string;
  clipboard: { writeText(text: string): Promise<void> };
  /** The dashboards cartlint watches (watchedPagesOf: each host once), listed when the tab is not one of them. */
  watchedPages: readonly WatchedPage[];
  /** browser.permissions.request: call it straight from the user's click, before any await. */
  permissions: { request(permissions: { origins: string[] }): Promise<boolean> };
  /** Reloads the tab: pages opened before cartlint was installed or updated have no content script yet. */
  reloadTab(tabId: number): Promise<void>;
  /** Opens the options page (rules, import, settings). */
  openOptions(): Promise<void>;
  /** How often the tab's findings are re-read while the popup is open; 0 never (tests). */
  refreshMs: number;
  /**
   * Calls `listener` whenever settings or rules change outside this page (the popup, another options tab, a
   * policy); returns the function that stops it. Absent where nothing can change them (some tests).
   */
  onConfigChanged?(listener: () => void): () => void;
}

/** Set once when the popup first renders its tab view; the browser bench reads it for the open-time budget. */
export const POPUP_READY_MARK = 'cartlint:popup-ready';
