import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, fromWire, hostOf, isPaused, toWire } from './protocol';

const report = {
  type: 'tab/report',
  page: {
    url: 'https://zs.kwaixiaodian.com/page/helper',
    adapter: 'ks',
    platform: 'kuaishou',
    surface: 'live-cart',
    surfaceFrom: 'adapter',
    pattern: '/page/helper',
  },
  findings: [
    {
      id: 'row 1@0',
      where: '小黄车商品 · 第 1 行',
      link: { text: 'https://item.taobao.com/item.htm?id=1', start: 0 },
      decision: { verdict: 'banned' },
    },
  ],
  at: '2026-11-23T10:00:00.000Z',
};

describe('wire form', () => {
  it('sends a report’s findings as one string and gives the same request back', () => {
    const wire = toWire(report) as Record<string, unknown>;
    expect(wire.findings).toBeUndefined();
    expect(typeof wire.findingsJson).toBe('string');
    expect(fromWire(wire)).toEqual(report);
  });

  it('leaves other requests, and reports already unpacked, as they are', () => {
    const state = { type: 'tab/state', tabId: 3 };
    expect(toWire(state)).toBe(state);
    expect(fromWire(state)).toBe(state);
    expect(fromWire(report)).toBe(report);
    expect(toWire(null)).toBeNull();
    expect(fromWire('x')).toBe('x');
  });

  it('sends a decision shared by many findings once', () => {
    const decision = {
      verdict: 'banned',
      rule: 'ks-taobao',
      reason: { zh: '快手禁止淘宝外链', en: 'Kuaishou bans Taobao links' },
    };
    const findings = Array.from({ length: 50 }, (_, n) => ({
      id: `row ${n}@0`,
      where: `row ${n}`,
      link: { text: `l${n}` },
      decision,
    }));
    const wire = toWire({ ...report, findings }) as { findingsJson: string };
    expect(wire.findingsJson.split('Kuaishou bans').length - 1).toBe(1);
    expect((fromWire(wire) as { findings: unknown }).findings).toEqual(findings);
  });

  it('drops what it cannot read, so the shape check names the field', () => {
    for (const findingsJson of ['[{', '[]', '{"decisions":[]}']) {
      const unpacked = fromWire({ ...report, findings: undefined, findingsJson }) as Record<string, unknown>;
      expect(unpacked.findings).toBeUndefined();
      expect(unpacked.findingsJson).toBeUndefined();
    }
    const json = JSON.stringify({ decisions: [], findings: [{ id: 'a', decision: 3 }, { id: 'b' }] });
    const { findings } = fromWire({ ...report, findingsJson: json }) as { findings: { decision?: unknown }[] };
    expect(findings.map((f) => f.decision)).toEqual([undefined, undefined]);
  });
});

describe('hostOf and isPaused', () => {
  const settings = { ...DEFAULT_SETTINGS, pausedSites: ['cp.kuaishou.com'] };
  it('reads a host, or null for addresses without one', () => {
    expect(hostOf('https://cp.kuaishou.com/article/publish')).toBe('cp.kuaishou.com');
    expect([undefined, null, '', 'about:blank', 'not a url'].map(hostOf)).toEqual([null, null, null, null, null]);
  });
  it('pauses a paused host, unless an administrator locked cartlint on', () => {
    expect(isPaused(settings, false, 'cp.kuaishou.com')).toBe(true);
    expect(isPaused(settings, true, 'cp.kuaishou.com')).toBe(false);
    expect(isPaused(settings, false, 'zs.kwaixiaodian.com')).toBe(false);
    expect(isPaused(settings, false, null)).toBe(false);
  });
});
