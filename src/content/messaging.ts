// Talking to the background worker, which Chrome stops when idle and restarts on the next message; a message sent
// while it restarts (or while the extension reloads) can fail. Requests are retried with backoff, and reports are
// debounced so a burst of typing sends one, with the newest state always winning; a page that never stops changing
// (a countdown in a row, a live sales counter) still reports at least every `maxWaitMs`.
import { logged } from './logged';

export const RETRY_DELAYS_MS = [100, 300, 1000, 2000, 5000] as const;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** `attempt` until it resolves, waiting `delays` between tries (a request while the worker wakes, a report);
 *  rejects with the last error when every try failed or `signal` aborted. */
export async function retried<T>(
  attempt: () => Promise<T>,
  { delays = RETRY_DELAYS_MS, signal }: { delays?: readonly number[]; signal?: AbortSignal } = {},
): Promise<T> {
  let lastError: unknown = new Error('cartlint: aborted');
  for (const wait of [...delays, -1]) {
    if (signal?.aborted) break;
    try {
      return await attempt();
    } catch (error) {
      lastError = error;
      if (wait >= 0) await sleep(wait, signal);
    }
  }
  throw lastError;
}

export interface Reporter<T> {
  /** Send what `make` returns after a quiet moment, or `maxWaitMs` after the first unsent change at the latest; a
   *  newer report replaces one not sent yet. `make` runs once, at send time, so a burst of changes over a long list
   *  builds one report, not one per change. */
  report(make: () => T): void;
}

export function createReporter<T>(
  send: (value: T) => Promise<unknown>,
  {
    delayMs = 150,
    maxWaitMs = 1000,
    delays = RETRY_DELAYS_MS,
  }: { delayMs?: number; maxWaitMs?: number; delays?: readonly number[] } = {},
): Reporter<T> {
  let pending: (() => T) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest change not sent yet was reported to us (Date.now()). */
  let waitingSince = 0;
  let generation = 0;

  /** Sent, retried, unless a newer report took over meanwhile. */
  const deliver = (value: T, mine: number) =>
    retried(
      async () => {
        if (mine === generation) await send(value);
      },
      { delays },
    ).catch(logged('report'));

  return {
    report(make) {
      pending = make;
      generation++;
      const now = Date.now();
      if (timer === null) waitingSince = now;
      else clearTimeout(timer);
      timer = setTimeout(
        () => {
          timer = null;
          const make = pending;
          pending = null;
          if (!make) return;
          let value: T;
          try {
            value = make();
          } catch (error) {
            logged('report')(error);
            return;
          }
          void deliver(value, generation);
        },
        Math.min(delayMs, waitingSince + maxWaitMs - now), // a delay below 0 waits 0
      );
    },
  };
}
