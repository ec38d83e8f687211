import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSchedule, guarded } from './schedule';

const FRAME_MS = 16;

/** A window of fake timers, with frames every 16 ms. */
function fakeWindow(): Window {
  return {
    setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
    setInterval: (fn: () => void, ms?: number) => setInterval(fn, ms),
    clearInterval: (id: number) => clearInterval(id),
    requestAnimationFrame: (fn: () => void) => setTimeout(fn, FRAME_MS),
    cancelAnimationFrame: (id: number) => clearTimeout(id),
    performance: { now: () => Date.now() },
  } as unknown as Window;
}

/** One turn of the event loop that fake timers do not hold back. */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

let control = new AbortController();
beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  control = new AbortController();
});
afterEach(() => {
  control.abort();
  vi.useRealTimers();
});

function start(slices = 0) {
  const log: string[] = [];
  let left = slices;
  const schedule = createSchedule<string>({
    win: fakeWindow(),
    signal: control.signal,
    rescanMs: 100,
    pollMs: 500,
    scan: () => {
      schedule.scanned(Date.now()); // as the scanner does
      log.push(`scan@${Date.now() - 1_000_000}`);
    },
    flush: (touched) => log.push(`flush ${touched.join(',')}`),
    slice: () => {
      log.push(`slice ${left}`);
      return --left > 0;
    },
    poll: () => log.push('poll'),
  });
  return { schedule, log };
}

describe('createSchedule', () => {
  it('re-reads every place touched before the next frame in one flush, on that frame', () => {
    const { schedule, log } = start();
    schedule.touch('a');
    schedule.touch('b');
    schedule.touch('a');
    expect(log).toEqual([]);
    vi.advanceTimersByTime(FRAME_MS);
    expect(log).toEqual(['flush a,b']);
    schedule.touch('c');
    vi.advanceTimersByTime(FRAME_MS);
    expect(log).toEqual(['flush a,b', 'flush c']);
  });

  it('rescans at most once per rescanMs after the last scan began, on a frame', () => {
    const { schedule, log } = start();
    schedule.scanned(Date.now());
    schedule.rescan();
    schedule.rescan();
    vi.advanceTimersByTime(99);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1 + FRAME_MS);
    expect(log).toEqual(['scan@116']);
    schedule.rescan();
    vi.advanceTimersByTime(100 + FRAME_MS);
    expect(log).toEqual(['scan@116', 'scan@232']);
  });

  it('asks for the frame of a rescan in the task of the change when the last scan is old enough', () => {
    const win = fakeWindow();
    const frames: (() => void)[] = [];
    win.requestAnimationFrame = (fn: FrameRequestCallback) => frames.push(() => fn(0));
    let scans = 0;
    const schedule = createSchedule<string>({
      win,
      signal: control.signal,
      scan: () => scans++,
      flush: () => {},
      slice: () => false,
      poll: () => {},
    });
    schedule.rescan();
    schedule.rescan();
    // No timer first: the rows that landed are judged in the frame that first paints them.
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(scans).toBe(1);
  });

  it('runs deferred slices on message tasks where there is MessageChannel, not on clamped timers', async () => {
    const win = Object.assign(fakeWindow(), { MessageChannel });
    const log: string[] = [];
    let left = 20;
    const schedule = createSchedule<string>({
      win,
      signal: control.signal,
      scan: () => {},
      flush: () => {},
      slice: () => (log.push(`slice ${left}`), --left > 0),
      poll: () => {},
    });
    schedule.defer();
    // No timer is advanced: every slice runs on a task of its own.
    for (let task = 0; task < 100 && left > 0; task++) await macrotask();
    expect(log).toEqual(Array.from({ length: 20 }, (_, i) => `slice ${20 - i}`));
    expect(Date.now()).toBe(1_000_000);
  });

  it('runs deferred slices on later tasks until the work says it is done', () => {
    const { schedule, log } = start(3);
    schedule.defer();
    schedule.defer();
    vi.advanceTimersByTime(0);
    expect(log).toEqual(['slice 3']);
    vi.advanceTimersByTime(10);
    expect(log).toEqual(['slice 3', 'slice 2', 'slice 1']);
  });

  it('polls every pollMs, and abort stops every timer and frame', () => {
    const { schedule, log } = start(5);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['poll', 'poll']);
    schedule.touch('a');
    schedule.rescan();
    schedule.defer();
    control.abort();
    vi.advanceTimersByTime(2000);
    expect(log).toEqual(['poll', 'poll']);
  });
});

describe('guarded', () => {
  it('keeps an error to itself and runs nothing once aborted', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const work = vi.fn(() => {
      throw new Error('boom');
    });
    expect(() => guarded(control.signal, work)).not.toThrow();
    expect(debug).toHaveBeenCalled();
    control.abort();
    guarded(control.signal, work);
    expect(work).toHaveBeenCalledTimes(1);
    debug.mockRestore();
  });
});
