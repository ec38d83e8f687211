// The extension runtime for the content script, without webextension-polyfill (about 4 KB gzipped of its 30 KB
// budget). Firefox has the promise-based `browser`; Chrome MV3 returns a promise from chrome.runtime.sendMessage
// since Chrome 99 (our floor is 102). Tab messages are notifications, so our listener never answers and needs no
// promise-returning listener support, which is the part of the polyfill Chrome lacks.
import type { ContentRuntime } from './controller';

interface NativeStorage {
  local: { get(key: string): Promise<Record<string, unknown>> };
}

interface NativeRuntime {
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(listener: (message: unknown, sender?: { id?: string }) => undefined): void };
}

type Api = { runtime?: NativeRuntime; storage?: NativeStorage };
type Scope = { browser?: Api; chrome?: Api };

/** The runtime of `browser` (Firefox) or else `chrome`; null outside an extension. A page element with
 *  id="browser" can show through as a global in Chrome's isolated world, so the runtime is checked, not assumed. */
export function nativeRuntime(scope: object = globalThis): ContentRuntime | null {
  const { browser, chrome } = scope as Scope;
  const api = [browser, chrome].find((api) => typeof api?.runtime?.sendMessage === 'function');
  const runtime = api?.runtime;
  if (!runtime) return null;
  return {
    // async: a context invalidated by an extension reload throws synchronously; callers expect a rejection.
    sendMessage: async (message) => runtime.sendMessage(message),
    onMessage: (listener) =>
      runtime.onMessage.addListener((message, sender) => {
        listener(message, sender?.id);
        return undefined; // no reply, so no message port is held open
      }),
    // Chrome returns a promise from storage.local.get since Chrome 88; Firefox always has.
    stored: async (key) => (await api.storage?.local.get(key))?.[key],
    id: () => {
      try {
        return runtime.id;
      } catch {
        return undefined;
      }
    },
  };
}
