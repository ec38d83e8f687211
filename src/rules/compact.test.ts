import { describe, expect, it } from 'vitest';
import type { Rule } from '../core/types';
import { aRule } from '../../test/support/rules';
import { BUILT_IN_FILES } from './built-in';
import { compactRules, expandRules } from './compact';
import { validateRuleFile } from './schema';
import douyin from './douyin.json';
import kuaishou from './kuaishou.json';
import weixin from './weixin.json';
import xiaohongshu from './xiaohongshu.json';

/** What a bundle holds: the compact form as JSON text, read back. */
const roundTrip = (rules: Rule[]) => expandRules(JSON.parse(JSON.stringify(compactRules(rules))));

const report = { name: 'daoinsights.com', url: 'https://daoinsights.com/news/x', date: '2022-02-23' };

describe('the compact form of rules', () => {
  it('gives back every built-in rule file exactly', () => {
    expect(BUILT_IN_FILES).toHaveLength(5); // taobao-live.json has no rules, the others are here
    for (const [file, json] of Object.entries({ kuaishou, douyin, xiaohongshu, weixin })) {
      const { rules, errors } = validateRuleFile(json, `${file}.json`);
      expect(errors).toEqual([]);
      expect(roundTrip(rules)).toStrictEqual(rules);
    }
  });

  it('gives back every field a rule and an exception may have', () => {
    const rules = [
      aRule('A-1', {
        links: [{ source: 'jd', affiliate: true, seller: 'self-operated' }, { source: '*' }],
        from: '2022-03-01T10:30:00+08:00',
        until: '2023-01-01T00:00:00Z',
        announcement: {
          title: { zh: '公告', en: 'Notice' },
          date: '2022-02-22',
          reports: [report, { name: '电商君' }],
        },
        lastReport: report,
        estimated: ['until'],
        inferred: { zh: '推断。', en: 'Inferred.' },
        supersededBy: 'A-2',
        exceptions: [
          {
            id: 'A-1-tmall',
            links: [{ source: 'tmall' }],
            verdict: 'allowed',
            from: '2022-10-28T00:00:00+08:00',
            until: '2022-12-01T00:00:00+08:00',
            summary: { zh: '天猫可用。', en: 'Tmall allowed.' },
            announcement: { title: { zh: '公告', en: 'Notice' }, reports: [{ name: 'x.com', url: 'https://x.com/a' }] },
            lastReport: { name: '电商君', date: '2022-10-29' },
            estimated: ['from', 'until'],
          },
          {
            id: 'A-1-jd',
            links: [{ source: 'jd' }],
            verdict: 'review',
            from: '2022-11-01T00:00:00+08:00',
            summary: { zh: '天猫可用。', en: 'Tmall allowed.' },
          },
        ],
      }),
      aRule('A-2', { platform: 'douyin', lastVerified: '2025-01-01', verdict: 'review' }),
      aRule('A-3', { surfaces: ['note', 'profile'], lastReport: { name: 'first', date: '2020-01-01' } }),
    ];
    expect(roundTrip(rules)).toStrictEqual(rules);
  });

  it('stores each text and each report once', () => {
    const twice = { ...report };
    const rules = [
      aRule('A-1', { announcement: { title: { zh: '公告', en: 'Notice' }, reports: [report] }, lastReport: report }),
      aRule('A-2', { announcement: { title: { zh: '公告', en: 'Notice' }, reports: [twice] }, lastReport: twice }),
    ];
    const compact = compactRules(rules);
    expect(compact.reports).toHaveLength(1);
    expect(compact.zh.filter((text) => text === '公告')).toHaveLength(1);
    expect(compact.en).toHaveLength(compact.zh.length);
    expect(JSON.stringify(compact)).not.toContain('T00:00:00+08:00');
    expect(roundTrip(rules)).toStrictEqual(rules);
  });
});
