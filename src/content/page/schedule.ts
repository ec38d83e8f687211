// When the scanner works, so the page never waits for it: a touched place is re-read on the next animation frame
// (with every other place touched before it), a structural rescan runs at most every `rescanMs` and on a frame (the
// next one when the last scan is old enough: rows that land are judged before their first paint), deferred work runs
// in slices on later tasks, and a slow poll catches what changes without events. Every timer
// and frame is bound to `signal`, and every piece of work runs guarded: our error never reaches the host page.

import { logged } from '../logged';

export interface ScheduleOptions<T> {
  win: Window;
  signal: AbortSignal;
  /** The structural scan (find every place again). */
  scan(): void;
  /** Re-read the places touched since the last frame. */
  flush(touched: readonly T[]): void;
  /** One slice of deferred work; true while some remains. */
  slice(): boolean;
  /** Compare what script may change without events. */
  poll(): void;
  /** Fewest milliseconds between the starts of two structural scans. */
  rescanMs?: number;
  pollMs?: number;
}

export interface Schedule<T> {
  /** A structural scan soon: on a frame, no sooner than `rescanMs` after the last one began. */
  rescan(): void;
  /** Re-read `item` on the next frame. */
  touch(item: T): void;
  /** Run `slice` on later tasks until it says it is done. */
  defer(): void;
  /** Say a structural scan began at `at` (performance.now()), however it was started. */
  scanned(at: number): void;
}

/** Runs `work` unless `signal` aborted, keeping its errors to ourselves. */
export function guarded(signal: AbortSignal, work: () => void): void {
  if (signal.aborted) return;
  try {
    work();
  } catch (error) {
    logged('scan')(error);
  }
}

export function createSchedule<T>(options: ScheduleOptions<T>): Schedule<T> {
  const { win, signal } = options;
  const rescanMs = options.rescanMs ?? 100;
  const run = (work: () => void) => guarded(signal, work);
  const touched = new Set<T>();
  let lastScan = -Infinity;
  // window.setTimeout ids (DOM typing, not Node's Timeout)
  let scanTimer: number | null = null;
  let scanFrame: number | null = null;
  let slicePending = false;
  let frame: number | null = null;

  // A message to ourselves is a task at once: nested setTimeout(0) waits at least 4 ms from the fifth nesting on,
  // and a 2,000-row cart takes a dozen slices. Engines without MessageChannel keep the timer.
  const { MessageChannel } = win as Window & typeof globalThis;
  const channel = MessageChannel ? new MessageChannel() : null;
  if (channel) channel.port1.onmessage = () => slice();

  function scanOnFrame() {
    scanTimer = null;
    scanFrame = win.requestAnimationFrame(() => {
      scanFrame = null;
      run(options.scan);
    });
  }

  function rescan() {
    if (scanTimer !== null || scanFrame !== null || signal.aborted) return;
    const wait = lastScan + rescanMs - win.performance.now();
    if (wait > 0) scanTimer = win.setTimeout(scanOnFrame, wait);
    else scanOnFrame();
  }

  function flush() {
    frame = null;
    const items = [...touched];
    touched.clear();
    options.flush(items);
  }

  function touch(item: T) {
    touched.add(item);
    if (frame === null && !signal.aborted) frame = win.requestAnimationFrame(() => run(flush));
  }

  function slice() {
    slicePending = false;
    run(() => options.slice() && defer());
  }

  function defer() {
    if (slicePending || signal.aborted) return;
    slicePending = true;
    if (channel) channel.port2.postMessage(null);
    else win.setTimeout(slice, 0);
  }

  const pollTimer = win.setInterval(() => run(options.poll), options.pollMs ?? 750);
  signal.addEventListener('abort', () => {
    win.clearInterval(pollTimer);
    if (scanTimer !== null) win.clearTimeout(scanTimer);
    if (scanFrame !== null) win.cancelAnimationFrame(scanFrame);
    if (frame !== null) win.cancelAnimationFrame(frame);
    channel?.port1.close();
  });

  return {
    rescan,
    touch,
    defer,
    scanned(at) {
      lastScan = at;
    },
  };
}
