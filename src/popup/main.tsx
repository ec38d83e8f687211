// Popup entry: wires the real browser into the PopupEnv and renders. Nothing heavy before the first paint.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { ADAPTERS } from '../dashboards';
import { createClient } from '../protocol';
import { watchConfig } from '../ui/config-changes';
import '../ui/theme.css';
import { watchedPagesOf } from '../ui/watched';
import type { TabTarget } from './env';
import { Popup } from './Popup';
import './popup.css';

/** `popup.html?tab=ID` shows that tab (opened in a window, or by tests); otherwise the active tab. */
async function resolveTab(): Promise<TabTarget> {
  const requested = new URLSearchParams(location.search).get('tab');
  if (requested !== null && /^\d+$/.test(requested)) {
    const id = Number(requested);
    const tab = await browser.tabs.get(id).catch(() => null);
    return { id, url: tab?.url };
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined) throw new Error('no active tab');
  return { id: active.id, url: active.url };
}

render(
  <Popup
    env={{
      client: createClient((message) => browser.runtime.sendMessage(message)),
      resolveTab,
      uiLocale: browser.i18n.getUILanguage(),
      clipboard: navigator.clipboard,
      watchedPages: watchedPagesOf(ADAPTERS),
      permissions: browser.permissions,
      reloadTab: (tabId) => browser.tabs.reload(tabId),
      openOptions: async () => {
        await browser.runtime.openOptionsPage();
        window.close(); // Firefox leaves the popup open over the new tab
      },
      refreshMs: 1000,
      onConfigChanged: (listener) => watchConfig(browser.storage.onChanged, listener),
    }}
  />,
  document.getElementById('app')!,
);
