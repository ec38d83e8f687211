// The Douyin share-code scan skips `:/`s with no cue near (every URL has one); the skip must never hide a code
// the pattern finds: a cue may start up to 12 characters after the `:/`, and `打开抖音` holds its `抖音` 2 later.
import { describe, expect, it } from 'vitest';
import { findDouyinCodes } from './tokens';

const CUES = ['抖音', '打开抖音', '复制此链接'];

describe('Douyin share codes next to their cue', () => {
  for (const cue of CUES) {
    it(`finds the code with 0–12 characters before ${cue}, and none with 13`, () => {
      for (let gap = 0; gap <= 13; gap++) {
        const text = `https://item.jd.com/1.html 8.99 :4pm kcN:/${'一'.repeat(gap)}${cue}，https://v.douyin.com/x/`;
        const codes = findDouyinCodes(text);
        expect(codes.length, `gap ${gap}`).toBe(gap <= 12 ? 1 : 0);
        if (gap <= 12) expect(codes[0]!.start).toBe(text.indexOf(':4pm'));
      }
    });
  }

  it('finds every code of a long text whose URLs carry many :/ with no cue', () => {
    const row = (i: number) => `https://m.tb.cn/h.${i} 商品${i}\n:ab${i % 10}:/ 复制此链接，打开抖音搜索\n`;
    const text = Array.from({ length: 300 }, (_, i) => row(i)).join('');
    expect(findDouyinCodes(text)).toHaveLength(300);
  });
});
