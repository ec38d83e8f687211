// The popup and the options page show a ConfigSnapshot; it changes under them when another page, another tab or
// an administrator's policy changes settings or rules. The background keeps all of it in storage, so the pages
// watch storage.onChanged, but only for the keys the snapshot is read from and the snapshot itself (rewritten when
// a policy that arrived late differs from the one that stood in for it): per-tab findings (storage.session, or
// storage.local `tab:*` in Firefox without session) and the short-link cache change all the time and mean nothing here.
import { CONFIG_KEYS, SNAPSHOT_KEY } from '../protocol';

/** Whether a storage.onChanged event can change the configuration snapshot. */
export function isConfigChange(changes: Record<string, unknown>, area: string): boolean {
  if (area === 'managed') return true;
  return area === 'local' && (SNAPSHOT_KEY in changes || CONFIG_KEYS.some((key) => key in changes));
}

/** The shape of browser.storage.onChanged that we use. */
export interface StorageChangedEvent {
  addListener(callback: (changes: Record<string, unknown>, area: string) => void): void;
  removeListener(callback: (changes: Record<string, unknown>, area: string) => void): void;
}

/** Calls `listener` on each configuration change; returns the function that stops listening. */
export function watchConfig(event: StorageChangedEvent, listener: () => void): () => void {
  const callback = (changes: Record<string, unknown>, area: string) => {
    if (isConfigChange(changes, area)) listener();
  };
  event.addListener(callback);
  return () => event.removeListener(callback);
}

/**
 * Wraps a read so that calls never overlap: a call while one runs queues one more read, started when it ends, and
 * every call waiting meanwhile shares that one. Changes come in bursts (a rename is a save and a delete), and
 * overlapping replies could land out of order and leave the older snapshot on screen.
 */
export function coalesced(read: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const call = (): Promise<void> => {
    if (queued) return queued;
    if (running) {
      const next = () => {
        queued = null;
        return call();
      };
      queued = running.then(next, next);
      return queued;
    }
    running = read().finally(() => {
      running = null;
    });
    return running;
  };
  return call;
}
