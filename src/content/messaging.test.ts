import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../protocol';
import { createReporter, requestWithRetry } from './messaging';

describe('messaging with a worker that may be asleep', () => {
  it('retries a request until the worker answers', async () => {
    let calls = 0;
    const client = createClient(async () => {
      if (++calls < 3) throw new Error('Receiving end does not exist');
      return { ok: true, value: { ok: true } };
    });
    await expect(requestWithRetry(client, { type: 'rules/export' }, { delays: [1, 1, 1] })).resolves.toEqual({
      ok: true,
    });
    expect(calls).toBe(3);
  });

  it('gives up with the last error after the last retry', async () => {
    const client = createClient(async () => ({ ok: false, error: 'broken' }));
    await expect(requestWithRetry(client, { type: 'rules/export' }, { delays: [1] })).rejects.toThrow('broken');
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
});
