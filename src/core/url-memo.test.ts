// The analyzeUrl memo must be invisible: the same answers cold and warm, shared results that cannot be changed,
// and a bounded size however many distinct URLs a paste holds.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { CORPUS_INPUTS as corpus } from '../../test/support/corpus';
import { classify } from './extract';
import { analyzeUrl } from './url-analyze';
import { analyzeUrlMemo, clearUrlMemo, URL_MEMO_SIZE, urlMemoSize } from './url-memo';

const URLS = [
  'https://item.taobao.com/item.htm?id=726477321880',
  'https://s.click.taobao.com/t?e=m%3D2%26s%3Dabc&pid=mm_1_2_3',
  'https://m.tb.cn/h.4CEhFr0',
  'https://item.jd.com/100012043978.html',
  'https://passport.jd.com/new/login.aspx',
  'https://example.com/',
];

describe('analyzeUrl memo', () => {
  beforeEach(() => clearUrlMemo());

  it('answers like analyzeUrl, the first time and the second', () => {
    for (const url of URLS) {
      expect(analyzeUrlMemo(url)).toEqual(analyzeUrl(url));
      expect(analyzeUrlMemo(url)).toEqual(analyzeUrl(url));
    }
  });

  it('shares one frozen result per URL, so no caller can change what the next one gets', () => {
    const first = analyzeUrlMemo(URLS[0]!);
    expect(analyzeUrlMemo(URLS[0]!)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('stays bounded: at most two generations of URLs', () => {
    for (let i = 0; i < URL_MEMO_SIZE * 5 + 7; i++) analyzeUrlMemo(`https://item.jd.com/${100000 + i}.html`);
    expect(urlMemoSize()).toBeLessThanOrEqual(2 * URL_MEMO_SIZE);
    expect(urlMemoSize()).toBeGreaterThan(URL_MEMO_SIZE);
  });

  it('keeps a URL that is met again while newer ones arrive, and answers old ones afresh, alike', () => {
    const kept = URLS[0]!;
    const first = analyzeUrlMemo(kept);
    for (let i = 0; i < URL_MEMO_SIZE * 3; i++) {
      analyzeUrlMemo(`https://item.jd.com/${200000 + i}.html`);
      if (i % 100 === 0) expect(analyzeUrlMemo(kept)).toBe(first);
    }
    expect(analyzeUrlMemo('https://item.jd.com/200000.html')).toEqual(analyzeUrl('https://item.jd.com/200000.html'));
  });

  it('answers alike for a URL cut from a long text (the key is copied) and from a short one', () => {
    const page = `${'商品 '.repeat(3000)}${URLS[1]} 尾`;
    const url = page.slice(page.indexOf('https'), page.length - 2);
    expect(analyzeUrlMemo(url, page.length)).toEqual(analyzeUrl(URLS[1]!));
    expect(analyzeUrlMemo(URLS[1]!)).toBe(analyzeUrlMemo(url, page.length));
  });

  it('classify gives the same findings cold and warm, and findings are never the shared objects', () => {
    for (const line of corpus) {
      clearUrlMemo();
      const cold = classify(line);
      const warm = classify(line);
      expect(warm).toEqual(cold);
      for (const finding of warm) expect(Object.isFrozen(finding)).toBe(false);
    }
  });

  it('classify gives the same findings cold and warm on any text', () => {
    const piece = fc.constantFrom(...URLS, ' ', '\n', '【淘宝】', '领券 ', '直接观看 ', '&amp;', '。', 'CZ3457');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        clearUrlMemo();
        const cold = classify(text);
        expect(classify(text)).toEqual(cold);
      }),
      { numRuns: 500 },
    );
  });
});
