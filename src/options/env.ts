// Everything the options page needs from the browser, injected so the components run under test without one.
import type { Client } from '../protocol';
import type { WatchedPage } from '../ui/watched';

export interface OptionsEnv {
  client: Client;
  /** The browser's UI language ("zh-CN"), for language "auto". */
  uiLocale: string;
  /** The manifest's optional host patterns that name hosts: where the short-link resolver follows redirects. */
  resolverOrigins: readonly string[];
  /** browser.permissions; `request` must be called straight from the user's click. */
  permissions: {
    request(permissions: { origins: string[] }): Promise<boolean>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
    contains(permissions: { origins: string[] }): Promise<boolean>;
    getAll(): Promise<{ origins?: string[] }>;
  };
  /** Saves a text file to the user's downloads. */
  download(fileName: string, text: string): void;
  /** Asks the user to confirm a destructive action. */
  confirm(message: string): boolean;
  now(): Date;
  /** The dashboards cartlint watches: the sites that can be paused. */
  watchedPages: readonly WatchedPage[];
  /**
   * Calls `listener` whenever settings or rules change outside this page (the popup, another options tab, a
   * policy); returns the function that stops it. Absent where nothing can change them (some tests).
   */
  onConfigChanged?(listener: () => void): () => void;
}
