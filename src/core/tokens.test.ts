// The Douyin share-code scan skips `:/`s with no cue near (every URL has one); the skip must never hide a code
// the pattern finds: a cue may start up to 12 characters after the `:/`, and `打开抖音` holds its `抖音` 2 later.
import { describe, expect, it } from 'vitest';
import { findDouyinCodes, findTokens } from './tokens';

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

describe('dollar words are not 淘口令', () => {
  it.each([
    // Prices, currencies and code identifiers between dollars or in brackets: none.
    ['Gift card ($50USD) limited', 0],
    ['满199减20 ($20off) 今日特价', 0],
    ['Price in ($USD)', 0],
    ['save ($45off) now', 0],
    ['lookup_file($path) and ($data)', 0],
    ['var _s = $RefreshSig$();', 0],
    ['if (node.$$$isSourceNode$$$) return', 0],
    ['template $Sig$ and $Title$', 0],
    ["my ($self, $args) = @_; print ($Config{'cc'})", 0],
    // The 淘客 tools’ dollar tokens: random bodies, a `://` tail, an app code, or share words around: one.
    ['($Huz8by2FJAl)', 1],
    ['复制本条($AbcdEfghIj)打开淘宝', 1],
    ['3$ABC$:// CZ3148', 1],
    ['4$ CZ321 hnUYT94XgHI$/', 1],
    ['5fu😄質3$FbOzd8kUAFb$:// ZH9102,打開/', 1],
    ['复制$RefreshSig$打开手机淘宝', 1],
  ] as const)('%s holds %i token', (text, tokens) => {
    expect(findTokens(text)).toHaveLength(tokens);
  });
});
