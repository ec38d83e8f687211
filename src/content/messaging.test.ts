import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../protocol';
import { createReporter, retried } from './messaging';

describe('messaging with a worker that may be asleep', () => {
  it('retries a request until the worker answers', async () => {
    let calls = 0;
    const client = createClient(async () => {
      if (++calls < 3) throw new Error('Receiving end does not exist');
      return { ok: true, value: { ok: true } };
    });
    await expect(retried(() => client.request({ type: 'rules/export' }), { delays: [1, 1, 1] })).resolves.toEqual({
      ok: true,
    });
    expect(calls).toBe(3);
  });

  it('gives up with the last error after the last retry', async () => {
    const client = createClient(async () => ({ ok: false, error: 'broken' }));
    await expect(retried(() => client.request({ type: 'rules/export' }), { delays: [1] })).rejects.toThrow('broken');
  });

  it('sends one report for a burst, the newest one, built once, and retries a failed send', async () => {
    const sent: number[] = [];
    let fail = 1;
    const send = vi.fn(async (value: number) => {
      if (fail-- > 0) throw new Error('worker restarting');
      sent.push(value);
    });
    const reporter = createReporter(send, { delayMs: 5, delays: [5] });
    const built: number[] = [];
    const make = (n: number) => () => (built.push(n), n);
    reporter.report(make(1));
    reporter.report(make(2));
    reporter.report(make(3));
    await vi.waitFor(() => expect(sent).toEqual([3]));
    expect(send).toHaveBeenCalledTimes(2);
    expect(built).toEqual([3]); // the superseded reports were never even built
  });

  it('still reports while changes never pause (a countdown re-rendering every 100 ms), at most every maxWaitMs', () => {
    vi.useFakeTimers();
    try {
      const sent: number[] = [];
      const reporter = createReporter(async (value: number) => void sent.push(value), {
        delayMs: 150,
        maxWaitMs: 1000,
      });
      for (let tick = 1; tick <= 30; tick++) {
        reporter.report(() => tick);
        vi.advanceTimersByTime(100);
      }
      expect(sent).toEqual([10, 20, 30]);
      vi.advanceTimersByTime(1000);
      expect(sent).toEqual([10, 20, 30]); // nothing new, nothing sent
    } finally {
      vi.useRealTimers();
    }
  });
});
