// Options entry: wires the real browser into the OptionsEnv and renders.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { ADAPTERS } from '../dashboards';
import { namedHostPatterns } from '../host-access';
import { createClient } from '../protocol';
import { watchConfig } from '../ui/config-changes';
import '../ui/theme.css';
import { watchedPagesOf } from '../ui/watched';
import { Options } from './Options';
import './options.css';

/** Saves text through a temporary object URL; no `downloads` permission needed. The link is attached while it is
 *  clicked because Firefox ignores clicks on detached links. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const manifest = browser.runtime.getManifest() as { optional_host_permissions?: string[] };

render(
  <Options
    env={{
      client: createClient((message) => browser.runtime.sendMessage(message)),
      uiLocale: browser.i18n.getUILanguage(),
      resolverOrigins: namedHostPatterns(manifest.optional_host_permissions ?? []),
      permissions: browser.permissions,
      download,
      confirm: (message) => window.confirm(message),
      now: () => new Date(),
      watchedPages: watchedPagesOf(ADAPTERS),
      onConfigChanged: (listener) => watchConfig(browser.storage.onChanged, listener),
    }}
  />,
  document.getElementById('app')!,
);
