import { describe, expect, it } from 'vitest';
import { MAX_LISTED } from '../protocol-schema';
import { readRequest } from './checks';

const finding = {
  id: 'row 1@0',
  where: '小黄车商品 · 第 1 行',
  link: {
    text: 'https://item.jd.com/1.html',
    start: 0,
    end: 26,
    source: 'jd',
    affiliate: null,
    kind: 'url',
    evidence: 'host item.jd.com',
    seller: 'self-operated',
  },
  decision: {
    verdict: 'review',
    rule: 'KS-5',
    reason: { zh: '理由', en: 'reason' },
    since: '2022-03-01T00:00:00+08:00',
    upcoming: { rule: 'KS-9', verdict: 'banned', from: '2027-01-01T00:00:00+08:00', reason: { zh: '将', en: 'soon' } },
  },
};
const page = {
  url: 'https://zs.kwaixiaodian.com/page/helper',
  adapter: 'kuaishou-live-helper',
  platform: 'kuaishou',
  surface: 'live-cart',
  surfaceFrom: 'adapter',
  pattern: 'kuaishou-live-helper /page/helper',
};
const report = {
  type: 'tab/report',
  page,
  findings: [finding],
  counts: { banned: 0, review: 1, allowed: 0 },
  at: '2026-12-03T06:00:00.000Z',
};

describe('readRequest', () => {
  it('passes a full report through unchanged, optional fields included', () => {
    expect(readRequest(report)).toEqual({ request: report });
  });

  it('names the type of a message it does not know, and the first bad field of one it knows', () => {
    expect(readRequest({ type: 'nope' })).toEqual({ request: null, type: 'nope', field: null });
    expect(readRequest(null)).toEqual({ request: null, type: null, field: null });
    expect(readRequest({ type: 'toString' })).toEqual({ request: null, type: 'toString', field: null });
    const bad = { ...finding, link: { ...finding.link, kind: 'smoke' } };
    expect(readRequest({ ...report, findings: [finding, bad] })).toMatchObject({ field: 'findings[1].link.kind' });
    expect(readRequest({ ...report, findings: Array(MAX_LISTED + 1).fill(finding) })).toMatchObject({
      field: 'findings',
    });
    const { counts: _, ...uncounted } = report;
    expect(readRequest(uncounted)).toMatchObject({ field: 'counts' });
    expect(readRequest({ ...report, counts: { banned: -1, review: 0, allowed: 0 } })).toMatchObject({
      field: 'counts.banned',
    });
  });
});
