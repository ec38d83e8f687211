import { describe, expect, it } from 'vitest';
import { aRule } from '../../test/support/rules';
import { BUILT_IN_RULES } from './index';
import { loosenedBans } from './loosened';
import { loosenedBanText } from './loosened-text';

const ks4 = BUILT_IN_RULES.find((rule) => rule.id === 'KS-4')!;
const allowAll = aRule('KS-4', { links: [{ source: '*' }], verdict: 'allowed', from: '2022-03-01' });

describe('loosenedBans', () => {
  it('finds a rule that takes a built-in ban’s id and allows (the red-team file)', () => {
    expect(loosenedBans([allowAll], BUILT_IN_RULES)).toContainEqual({
      rule: 'KS-4',
      ban: 'KS-4',
      platform: 'kuaishou',
      surfaces: ['live-cart'],
    });
  });

  it('finds a newer rule of its own id that allows what a ban covers, on the surfaces they share', () => {
    const mine = aRule('MY-1', {
      surfaces: ['live-cart', 'note'],
      links: [{ source: 'tmall' }],
      verdict: 'allowed',
      from: '2024-01-01',
    });
    expect(loosenedBans([mine], [ks4])).toEqual([
      { rule: 'MY-1', ban: 'KS-4', platform: 'kuaishou', surfaces: ['live-cart'] },
    ]);
  });

  it('finds an allowing exception inside a rule that bans', () => {
    const window = {
      id: 'MY-1-window',
      links: [{ source: 'taobao' as const }],
      verdict: 'allowed' as const,
      from: '2024-06-01T00:00:00+08:00',
      until: '2024-07-01T00:00:00+08:00',
      summary: { zh: '窗口', en: 'window' },
    };
    const mine = aRule('MY-1', { links: [{ source: 'taobao' }], exceptions: [window] });
    expect(loosenedBans([mine], [ks4]).map((found) => found.rule)).toEqual(['MY-1-window']);
  });

  it.each([
    ['an older rule, which the ban supersedes', { from: '2021-01-01', until: '2022-01-01' }],
    ['a rule that only asks to check', { verdict: 'review' as const }],
    ['another platform', { platform: 'douyin' as const }],
    ['another surface', { surfaces: ['note' as const] }],
    ['other links', { links: [{ source: 'jd' as const }] }],
  ])('leaves %s alone', (_, patch) => {
    const mine = aRule('MY-1', { links: [{ source: 'taobao' }], verdict: 'allowed', from: '2024-01-01', ...patch });
    expect(loosenedBans([mine], [ks4])).toEqual([]);
  });

  it('leaves an allowed plain link alone when the ban is only on affiliate links of that source', () => {
    const ban = aRule('BAN-1', { links: [{ source: 'jd', affiliate: true }], verdict: 'banned', from: '2022-03-01' });
    const plain = aRule('MY-1', {
      links: [{ source: 'jd', affiliate: false }],
      verdict: 'allowed',
      from: '2024-01-01',
    });
    const any = aRule('MY-2', { links: [{ source: 'jd' }], verdict: 'allowed', from: '2024-01-01' });
    expect(loosenedBans([plain, any], [ban]).map((found) => found.rule)).toEqual(['MY-2']);
  });

  it('words the warning in both languages', () => {
    expect(loosenedBanText(loosenedBans([allowAll], [ks4])[0]!, 'custom.json', 'en')).toBe(
      'custom.json: rule KS-4 allows links that the built-in rule KS-4 bans (Kuaishou, live-room cart (小黄车)). Make sure ' +
        'the platform really allows them: this switches the ban off for everyone who uses these rules.',
    );
    expect(loosenedBanText(loosenedBans([allowAll], [ks4])[0]!, 'custom.json', 'zh')).toMatch(
      /^custom\.json：规则 KS-4 放行了内置规则 KS-4 禁止的链接（快手，/,
    );
  });
});
