import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from '../rules/index';
import { judgeText } from './judge';

const ALLIANCE = 'https://s.click.taobao.com/rioMXxu';
const JD = 'https://item.jd.com/12103309.html';

describe('judgeText', () => {
  const options = { platform: 'kuaishou', surface: 'live-cart', rules: BUILT_IN_RULES } as const;

  it('judges every link of a text, keeping its place in the text', () => {
    const text = `今晚上架：${ALLIANCE} 和 ${JD} 两款`;
    const judged = judgeText(text, { ...options, at: new Date('2022-03-01T00:00:00+08:00') });
    expect(
      judged.map(({ link, decision }) => [text.slice(link.start, link.end), decision.verdict, decision.rule]),
    ).toEqual([
      [ALLIANCE, 'banned', 'KS-4'],
      [JD, 'banned', 'KS-5'],
    ]);
  });

  it('gives the answer of the instant: a second earlier the 淘宝联盟 link was still allowed', () => {
    const [judged] = judgeText(ALLIANCE, { ...options, at: new Date('2022-02-28T23:59:59+08:00') });
    expect(judged?.decision).toMatchObject({
      verdict: 'allowed',
      rule: 'KS-1',
      upcoming: { rule: 'KS-4', verdict: 'banned' },
    });
  });

  it('finds nothing in text without commerce links', () => {
    expect(judgeText('包邮 ￥199，联系 shop@example.com', { ...options, at: new Date() })).toEqual([]);
  });
});
