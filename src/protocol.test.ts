import { describe, expect, it } from 'vitest';
import { fromWire, toWire } from './protocol';

const report = {
  type: 'tab/report',
  page: { url: 'https://zs.kwaixiaodian.com/page/helper', adapter: 'ks', platform: 'kuaishou', surface: 'live-cart', surfaceFrom: 'adapter', pattern: '/page/helper' },
  findings: [{ id: 'row 1@0', where: '小黄车商品 · 第 1 行', link: { text: 'https://item.taobao.com/item.htm?id=1', start: 0 }, decision: { verdict: 'banned' } }],
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

  it('drops unreadable findings, so the shape check names the field', () => {
    const unpacked = fromWire({ ...report, findings: undefined, findingsJson: '[{' }) as Record<string, unknown>;
    expect(unpacked.findings).toBeUndefined();
    expect(unpacked.findingsJson).toBeUndefined();
  });
});
