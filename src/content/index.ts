// Content script entry (bundled to a classic script). On pages that are not dashboards it returns at once.
import browser from 'webextension-polyfill';
import { startContent } from './controller';
import { createJudges } from './judges';

try {
  startContent({
    win: window,
    runtime: {
      sendMessage: (message) => browser.runtime.sendMessage(message),
      onMessage: (listener) =>
        browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
          listener(message, sender.id);
          return undefined; // no reply: tab messages are notifications
        }),
      id: () => {
        try {
          return browser.runtime.id;
        } catch {
          return undefined;
        }
      },
    },
    makeJudges: (context) => createJudges(context),
  });
} catch (error) {
  console.debug('cartlint: content script failed to start', error); // the host page must never break
}
