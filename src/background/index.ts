// Background entry (Chrome service worker, Firefox event page). Listeners are registered synchronously at the top
// level: a stopped worker is woken by the event, and a listener added after an `await` would miss it.
// Everything else lives in the modules it wires: this file only hands them the real browser.
import browser, { type Runtime } from 'webextension-polyfill';
import { BUILT_IN_RULES } from '../rules';
import { namedHostPatterns } from '../host-access';
import { langFromLocale } from '../i18n';
import type { ActionApi } from './badge';
import { createHandler } from './handle';
import { createStore, type StorageArea } from './store';
import { onTabRemoved, onTabUpdated, type TabsApi } from './tabs';
import { manifestContentScript, type ManifestContentScript } from './watch-hosts';

const storage = browser.storage as typeof browser.storage & { session?: StorageArea };
const store = createStore({ local: storage.local, session: storage.session ?? null });
const uiLocale = browser.i18n.getUILanguage();
const manifest = browser.runtime.getManifest() as {
  optional_host_permissions?: string[];
  content_scripts: ManifestContentScript[];
};
const action = browser.action as unknown as ActionApi;
const tabs = browser.tabs as unknown as TabsApi;

/** A policy that storage.managed gave only after a request went ahead with the last one (config.ts). */
let latePolicy = () => {};

const { handle, policyChanged, permissionsChanged } = createHandler({
  store,
  onLatePolicy: () => latePolicy(),
  managedArea: storage.managed ?? null,
  builtIn: BUILT_IN_RULES,
  uiLocale,
  extensionId: browser.runtime.id,
  extensionUrl: browser.runtime.getURL(''),
  tabs,
  action,
  resolver: {
    fetch: (url, init) => fetch(url, init),
    permissions: browser.permissions,
    origins: namedHostPatterns(manifest.optional_host_permissions ?? []),
  },
  scripting: browser.scripting,
  permissions: browser.permissions,
  contentScript: manifestContentScript(manifest, browser.runtime.getURL('')),
  now: () => new Date(),
});

/** Event handlers must not reject unseen; the next event starts from storage again anyway. */
const logged = (work: Promise<unknown>) => void work.catch((error: unknown) => console.error('cartlint:', error));

latePolicy = () => logged(policyChanged());

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handle(message, sender));
browser.tabs.onUpdated.addListener((tabId, change, tab) =>
  logged(onTabUpdated({ store, action, lang: langFromLocale(uiLocale) }, tabId, change, tab)),
);
browser.tabs.onRemoved.addListener((tabId) => logged(onTabRemoved(store, tabId)));
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'managed') logged(policyChanged());
});
browser.runtime.onInstalled.addListener(() => logged(store.ready().then(permissionsChanged)));
browser.runtime.onStartup.addListener(() => {
  logged(store.clearTabsAtStartup());
  logged(permissionsChanged());
});
browser.permissions.onAdded.addListener(() => logged(permissionsChanged()));
browser.permissions.onRemoved.addListener(() => logged(permissionsChanged()));
