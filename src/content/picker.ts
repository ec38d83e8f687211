// Picker entry (bundled to picker.js, a classic script apart from content.js): the background injects it into the
// tab's top frame when the operator starts "watch a field or list on this page" in the popup. A second start
// replaces a picker still open. The picked rule goes to the background, which takes it only after that start.
import { createClient } from '../protocol';
import { resolveLang } from '../i18n';
import { nativeRuntime } from './runtime';
import { startPicker } from './ui/picker';

const OPEN = Symbol.for('cartlint.picker');
type Scope = typeof globalThis & { [OPEN]?: { stop(): void } };

async function open(): Promise<void> {
  const runtime = nativeRuntime();
  if (!runtime) return;
  const client = createClient((message) => runtime.sendMessage(message));
  const config = await client.request({ type: 'config/get' }).catch(() => null);
  const scope = globalThis as Scope;
  scope[OPEN]?.stop();
  scope[OPEN] = startPicker({
    doc: document,
    lang: resolveLang(config?.settings.language ?? 'auto', navigator.language),
    platform: null,
    surface: 'unknown',
    taken: config?.watchRules ?? [],
    save: async (rule) => void (await client.request({ type: 'watch/picked', rule })),
    signal: new AbortController().signal,
  });
}

open().catch((error: unknown) => console.debug('cartlint: picker failed to start', error));
