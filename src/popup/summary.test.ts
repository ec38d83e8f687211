import { describe, expect, it } from 'vitest';
import { finding } from '../../test/support/fake-browser';
import type { TabFinding } from '../protocol';
import { filterFindings, groupLabel, summarise } from './summary';

const jd = (id: string): TabFinding => {
  const found = finding(id, 'banned', 'https://item.jd.com/1.html');
  return { ...found, link: { ...found.link, source: 'jd' }, decision: { ...found.decision, rule: 'KS-5' } };
};

describe('summarise', () => {
  const findings = [
    finding('a', 'allowed'),
    jd('j1'),
    finding('t1', 'banned'),
    finding('r1', 'review'),
    finding('t2', 'banned'),
    finding('t3', 'banned'),
  ];

  it('counts every verdict and groups banned and to-check findings by rule, biggest first', () => {
    const { counts, groups } = summarise(findings);
    expect(counts).toEqual({ banned: 4, review: 1, allowed: 1 });
    expect(groups.map((g) => [g.verdict, g.rule, g.findings.map((f) => f.id)])).toEqual([
      ['banned', 'KS-4', ['t1', 't2', 't3']],
      ['banned', 'KS-5', ['j1']],
      ['review', 'KS-4', ['r1']],
    ]);
    expect(groupLabel('en', groups[0]!)).toBe('KS-4 Taobao ×3');
    expect(groupLabel('zh', groups[1]!)).toBe('KS-5 京东 ×1');
  });

  it('sorts worst first and keeps the page’s order within a verdict', () => {
    expect(summarise(findings).sorted.map((f) => f.id)).toEqual(['j1', 't1', 't2', 't3', 'r1', 'a']);
  });

  it('names a group’s sources most frequent first', () => {
    const mixed = [jd('j1'), finding('t1', 'banned'), finding('t2', 'banned')].map((f) => ({
      ...f,
      decision: { ...f.decision, rule: 'XHS-2' },
    }));
    expect(groupLabel('en', summarise(mixed).groups[0]!)).toBe('XHS-2 Taobao JD.com ×3');
  });
});

describe('filterFindings', () => {
  const { sorted } = summarise([finding('a', 'allowed'), jd('j1'), finding('t1', 'banned'), finding('r1', 'review')]);
  const ids = (list: readonly TabFinding[]) => list.map((f) => f.id);

  it('returns the list itself when nothing filters', () => {
    expect(filterFindings(sorted, 'all', '  ', 'en')).toBe(sorted);
  });

  it('filters by verdict, and searches link, place, rule and source name in the current language', () => {
    expect(ids(filterFindings(sorted, 'review', '', 'en'))).toEqual(['r1']);
    expect(ids(filterFindings(sorted, 'all', 'item.JD', 'en'))).toEqual(['j1']);
    expect(ids(filterFindings(sorted, 'all', 'ks-5', 'en'))).toEqual(['j1']);
    expect(ids(filterFindings(sorted, 'all', '京东', 'zh'))).toEqual(['j1']);
    expect(ids(filterFindings(sorted, 'banned', '粘贴 taobao', 'en'))).toEqual(['t1']);
  });
});
