// URL analysis ignores the case of hosts, paths and parameter names (rules read them lower-cased), whether or
// not the URL has capitals: the lower-casing skips strings that have none, and must not skip any that do.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeUrl } from './url-analyze';

const URLS = [
  'https://item.taobao.com/item.htm?id=726477321880',
  'https://s.click.taobao.com/t?e=m%3D2%26s%3Dabc&pid=mm_1_2_3',
  'https://item.jd.com/100012043978.html',
  'https://union-click.jd.com/jdc?e=&p=abc',
  'https://mobile.yangkeduo.com/goods.html?goods_id=123456',
  'https://passport.jd.com/new/login.aspx',
  'https://gbyl.taobao.com/',
  'https://demo.m.mockuai.com/item/1',
];

/** Upper-cases the host and the parameter names, which never change what a URL is. */
function shout(url: string, pick: (i: number) => boolean): string {
  const [head, query = ''] = url.split('?');
  const host = head!.replace(
    /^https:\/\/([^/]+)/,
    (_, h: string) => `https://${[...h].map((c, i) => (pick(i) ? c.toUpperCase() : c)).join('')}`,
  );
  const params = query
    .split('&')
    .map((pair) => pair.replace(/^[^=]*/, (key) => key.toUpperCase()))
    .join('&');
  return query ? `${host}?${params}` : host;
}

describe('analyzeUrl and letter case', () => {
  it('gives the same answer for capital hosts and parameter names', () => {
    fc.assert(
      fc.property(fc.constantFrom(...URLS), fc.func(fc.boolean()), (url, pick) => {
        expect(analyzeUrl(shout(url, (i) => pick(i)))).toEqual(analyzeUrl(url));
      }),
      { numRuns: 300 },
    );
  });

  it('lower-cases non-ASCII capitals too: the Kelvin sign K (U+212A) in a parameter name is a k', () => {
    const plain = analyzeUrl('https://example.com/x?ali_trackid=mm_1_2_3');
    expect(plain).not.toBeNull();
    expect(analyzeUrl('https://example.com/x?ali_trac%E2%84%AAid=mm_1_2_3')).toEqual(plain);
  });
});
