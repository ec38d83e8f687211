import { describe, expect, it, vi } from 'vitest';
import { CONFIG_KEYS, SNAPSHOT_KEY } from '../protocol';
import { coalesced, isConfigChange, watchConfig, type StorageChangedEvent } from './config-changes';

const change = { oldValue: 1, newValue: 2 };

describe('isConfigChange', () => {
  it('takes settings, rules and surface choices in local, and any policy change', () => {
    for (const key of CONFIG_KEYS) expect(isConfigChange({ [key]: change }, 'local')).toBe(true);
    expect(isConfigChange({ 'tab:3': change, customRules: change }, 'local')).toBe(true);
    expect(isConfigChange({ rules: change }, 'managed')).toBe(true);
    expect(isConfigChange({ [SNAPSHOT_KEY]: change }, 'local')).toBe(true); // a late policy rewrote it
  });

  it('ignores tab findings (session, or local in Firefox), the short-link cache and other areas', () => {
    expect(isConfigChange({ 'tab:3': change }, 'session')).toBe(false);
    expect(isConfigChange({ 'tab:3': change }, 'local')).toBe(false);
    expect(isConfigChange({ resolverCache: change }, 'local')).toBe(false);
    expect(isConfigChange({ settings: change }, 'sync')).toBe(false);
  });
});

describe('watchConfig', () => {
  it('calls back on configuration changes only, until stopped', () => {
    const callbacks = new Set<(changes: Record<string, unknown>, area: string) => void>();
    const event: StorageChangedEvent = {
      addListener: (cb) => callbacks.add(cb),
      removeListener: (cb) => callbacks.delete(cb),
    };
    const fire = (changes: Record<string, unknown>, area: string) => callbacks.forEach((cb) => cb(changes, area));
    const listener = vi.fn();
    const stop = watchConfig(event, listener);
    fire({ 'tab:1': change }, 'session');
    expect(listener).not.toHaveBeenCalled();
    fire({ settings: change }, 'local');
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    expect(callbacks.size).toBe(0);
  });
});

describe('coalesced', () => {
  /** A read that finishes only when the test says so. */
  function controlledRead() {
    const finishers: (() => void)[] = [];
    const read = vi.fn(() => new Promise<void>((resolve) => finishers.push(resolve)));
    const finish = async () => {
      finishers.shift()!();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };
    return { read, finish };
  }

  it('never overlaps reads and folds a burst into one more read after the running one', async () => {
    const { read, finish } = controlledRead();
    const call = coalesced(read);
    const first = call();
    const second = call();
    const third = call();
    expect(read).toHaveBeenCalledTimes(1);
    expect(third).toBe(second);
    await finish();
    expect(read).toHaveBeenCalledTimes(2);
    await finish();
    await Promise.all([first, second, third]);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads again after a failed read, and reads afresh once idle', async () => {
    let fail = true;
    const read = vi.fn(() => (fail ? Promise.reject(new Error('gone')) : Promise.resolve()));
    const call = coalesced(read);
    const failed = call();
    const queued = call();
    fail = false;
    await expect(failed).rejects.toThrow('gone');
    await queued;
    expect(read).toHaveBeenCalledTimes(2);
    await call();
    expect(read).toHaveBeenCalledTimes(3);
  });
});
