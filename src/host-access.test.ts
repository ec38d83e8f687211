import { describe, expect, it } from 'vitest';
import { hostOfOriginPattern, isEveryHostPattern, namedHostPatterns, originPatternOf } from './host-access';

describe('host patterns', () => {
  it('tells every-site patterns from named hosts', () => {
    for (const every of ['<all_urls>', 'https://*/*', 'http://*/*', '*://*/*'])
      expect(isEveryHostPattern(every)).toBe(true);
    for (const named of ['*://t.cn/*', '*://*.taobao.com/*', 'https://zs.kwaixiaodian.com/*'])
      expect(isEveryHostPattern(named)).toBe(false);
    expect(namedHostPatterns(['https://*/*', 'http://*/*', '*://t.cn/*', '*://*.jd.com/*'])).toEqual([
      '*://t.cn/*',
      '*://*.jd.com/*',
    ]);
  });

  it('names one page’s origin, and only for http(s)', () => {
    expect(originPatternOf('https://shop.example.com:8443/a/b?c=1#d')).toBe('https://shop.example.com/*');
    expect(originPatternOf('http://shop.example.com/')).toBe('http://shop.example.com/*');
    for (const none of ['about:blank', 'file:///tmp/a.html', 'chrome://extensions', 'not a url', '', undefined])
      expect(originPatternOf(none)).toBeNull();
    expect(hostOfOriginPattern('https://shop.example.com/*')).toBe('shop.example.com');
    for (const other of ['https://*/*', '*://t.cn/*', 'https://a.com/path/*', '<all_urls>'])
      expect(hostOfOriginPattern(other)).toBeNull();
  });
});
