import { describe, expect, it } from 'vitest';
import { judgeText } from '../core/judge';
import type { LinkFinding, Rule } from '../core/types';
import { BUILT_IN_RULES } from '../rules';
import { createJudges, type JudgeContext } from './judges';

const TEXT = 'https://s.click.taobao.com/rioMXxu https://item.jd.com/100012043978.html https://t.cn/R123456';

/** Page judges over a context and a clock the test may change between calls. */
function judgesOver(ctx: JudgeContext, at = new Date('2026-06-01T00:00:00Z')) {
  const now = { ctx, at };
  return {
    now,
    judges: createJudges(
      () => now.ctx,
      () => now.at,
    ),
  };
}

const LIVE_CART: JudgeContext = { platform: 'kuaishou', surface: 'live-cart', rules: BUILT_IN_RULES };

describe('page judges', () => {
  it('give the same verdicts as the core, for texts and badges', () => {
    const { now, judges } = judgesOver(LIVE_CART);
    const { ctx, at } = now;
    expect(judges.text(TEXT)).toEqual(judgeText(TEXT, { ...ctx, at }));
    expect(judges.text(TEXT)).toEqual(judgeText(TEXT, { ...ctx, at })); // memoised, still equal
  });

  it('forget memoised verdicts when the surface, the rules or the minute change', () => {
    const { now, judges } = judgesOver(LIVE_CART);
    const jd = () => judges.text('https://item.jd.com/100012043978.html')[0]!.decision.verdict;
    expect(jd()).toBe('banned');
    now.ctx = { ...now.ctx, surface: 'video-cart' };
    expect(jd()).toBe('allowed');
    now.ctx = { ...now.ctx, surface: 'live-cart', rules: [] as Rule[] };
    expect(jd()).toBe('review'); // no rule known
    now.ctx = { ...now.ctx, rules: BUILT_IN_RULES };
    expect(jd()).toBe('banned');
    // Before Kuaishou's 2022 rule took effect: a later instant must not reuse the verdict.
    now.at = new Date('2021-01-01T00:00:00Z');
    expect(jd()).toBe('review');
  });
});

describe('page judges with the short-link resolver on', () => {
  it('judge only shorteners by what the resolver knows of them', () => {
    const asked: string[] = [];
    const shortLinks = {
      resolve(link: LinkFinding): LinkFinding {
        asked.push(link.text);
        return { ...link, source: 'taobao', affiliate: true, evidence: `${link.text} \u2192 s.click.taobao.com` };
      },
    };
    const judged = judgesOver({ ...LIVE_CART, shortLinks }).judges.text(TEXT);
    expect(asked).toEqual(['https://t.cn/R123456']);
    expect(judged.map(({ link, decision }) => `${link.source}:${decision.verdict}`)).toEqual([
      'taobao:banned',
      'jd:banned',
      'taobao:banned',
    ]);
    expect(judged[2]!.link).toMatchObject({ text: 'https://t.cn/R123456', start: TEXT.indexOf('https://t.cn') });
  });
});
