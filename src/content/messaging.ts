// Talking to the background worker, which Chrome stops when idle and restarts on the next message; a message sent
// while it restarts (or while the extension reloads) can fail. Requests are retried with backoff, and reports are
// debounced so a burst of typing sends one, with the newest state always winning; a page that never stops changing
// (a countdown in a row, a live sales counter) still reports at least every `maxWaitMs`.
import type { Client, Request, RequestType, ResponseOf } from '../protocol';

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

/** The request, retried on failure; rejects with the last error when every try failed or `signal` aborted. */
export async function requestWithRetry<K extends RequestType>(
  client: Client,
  message: Request<K>,
  { delays = RETRY_DELAYS_MS, signal }: { delays?: readonly number[]; signal?: AbortSignal } = {},
): Promise<ResponseOf<K>> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    if (signal?.aborted) break;
    try {
      return await client.request(message);
    } catch (error) {
      lastError = error;
      if (attempt < delays.length) await sleep(delays[attempt]!, signal);
    }
  }
  throw lastError ?? new Error(`cartlint: ${message.type} aborted`);
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

  async function deliver(value: T, mine: number) {
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (mine !== generation) return; // a newer report took over
      try {
        await send(value);
        return;
      } catch (error) {
        if (attempt === delays.length) console.debug('cartlint: report not delivered', error);
        else await sleep(delays[attempt]!);
      }
    }
  }

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
            console.debug('cartlint: report not built', error); // never break the host page
            return;
          }
          void deliver(value, generation);
        },
        Math.min(delayMs, waitingSince + maxWaitMs - now), // a delay below 0 waits 0
      );
    },
  };
}
