import { describe, expect, it } from 'vitest';
import type { TabFinding, TabState } from '../../src/protocol';
import { t } from '../../src/i18n';
import { countsOf } from '../../test/support/fake-browser';
import { findingLines, renderTable, summaryLine, type DemoPageResult } from './report';

const finding = (
  text: string,
  source: TabFinding['link']['source'],
  verdict: TabFinding['decision']['verdict'],
  rule: string | null,
): TabFinding => ({
  id: `field ${text}`,
  where: '粘贴商品链接',
  link: { text, start: 0, end: text.length, source, affiliate: null, kind: 'url', evidence: 'test' },
  decision: {
    verdict,
    rule,
    reason: { zh: '理由', en: 'reason' },
    ...(rule ? { since: '2022-03-01T00:00:00+08:00' } : {}),
  },
});

const state = (findings: TabFinding[]): TabState => ({
  tabId: 7,
  page: {
    url: 'https://zs.kwaixiaodian.com/page/helper?demo=1',
    adapter: 'kuaishou-live-helper',
    platform: 'kuaishou',
    surface: 'live-cart',
    surfaceFrom: 'adapter',
    pattern: 'kuaishou-live-helper /page/helper',
  },
  findings,
  counts: countsOf(findings),
  at: '2026-11-23T10:00:00.000Z',
  paused: false,
});

const results: DemoPageResult[] = [
  {
    id: 'kuaishou-live-helper',
    url: 'https://zs.kwaixiaodian.com/page/helper?demo=1',
    state: state([
      finding('https://s.click.taobao.com/t?e=m', 'taobao', 'banned', 'KS-4'),
      finding('https://item.jd.com/100012043978.html', 'jd', 'banned', 'KS-5'),
      finding('https://mobile.yangkeduo.com/goods.html?goods_id=1', 'pinduoduo', 'review', 'KS-3'),
    ]),
  },
  { id: 'kuaishou-cp-publish', url: 'https://cp.kuaishou.com/article/publish/video', state: state([]) },
  { id: 'douyin-buyin-live', url: 'https://buyin.jinritemai.com/dashboard/live/control', state: null },
];

describe('demo report', () => {
  it('has one line per finding with surface, source, verdict and the rule with its date', () => {
    const lines = findingLines(results, 'en');
    expect(lines[0]!.cells).toEqual([
      'kuaishou-live-helper',
      t('en', 'surface_live_cart'),
      'https://s.click.taobao.com/t?e=m',
      t('en', 'source_taobao'),
      t('en', 'verdict_banned'),
      'KS-4 (2022-03-01)',
    ]);
    expect(lines[0]!.verdict).toBe('banned');
    expect(lines[2]!.verdict).toBe('review');
    expect(lines).toHaveLength(5);
  });

  it('says when a page has no link and when it never reported', () => {
    const lines = findingLines(results, 'en');
    expect(lines[3]!.cells[2]).toMatch(/no product link/);
    expect(lines[4]!.cells[2]).toMatch(/never reported/);
    expect(lines[4]!.verdict).toBeNull();
  });

  it('prints aligned columns without colour when piped, and with colour on a terminal', () => {
    const plain = renderTable(results, 'zh', false);
    expect(plain).not.toMatch(/\u001b\[/);
    const [header, ...rows] = plain.trimEnd().split('\n');
    expect(header).toMatch(/^页面\s+场景\s+链接\s+来源\s+判定\s+规则$/);
    expect(rows).toHaveLength(5);
    expect(renderTable(results, 'en', true)).toMatch(/\u001b\[31;1m/);
  });

  it('sums the verdicts over every page', () => {
    expect(summaryLine(results, 'en')).toBe('3 demo pages: 2 banned, 1 to review, 0 allowed');
    // Allowed links are counted by the page, not listed.
    const counted = { ...results[1]!, state: { ...state([]), counts: { banned: 0, review: 0, allowed: 4 } } };
    expect(summaryLine([counted], 'en')).toBe('1 demo pages: 0 banned, 0 to review, 4 allowed');
  });
});
