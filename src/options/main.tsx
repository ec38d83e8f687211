// Options entry: wires the real browser into the OptionsEnv and renders.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createClient } from '../protocol';
import '../ui/theme.css';
import { Options } from './Options';
import './options.css';

/** Saves text through a temporary object URL; no `downloads` permission needed. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const manifest = browser.runtime.getManifest() as { optional_host_permissions?: string[] };

render(
  <Options
    env={{
      client: createClient((message) => browser.runtime.sendMessage(message)),
      uiLocale: browser.i18n.getUILanguage(),
      resolverOrigins: manifest.optional_host_permissions ?? [],
      permissions: browser.permissions,
      download,
      confirm: (message) => window.confirm(message),
      now: () => new Date(),
    }}
  />,
  document.getElementById('app')!,
);
