import { describe, expect, it } from 'vitest';
import { shortenLink } from './shorten';

describe('shortenLink', () => {
  it('keeps short links whole', () => {
    expect(shortenLink('https://s.click.taobao.com/abc')).toBe('https://s.click.taobao.com/abc');
  });
  it('cuts long links in the middle to the given length, keeping host and tail', () => {
    const link = `https://uland.taobao.com/coupon/edetail?e=${'x'.repeat(80)}&pid=mm_1_2_3`;
    const short = shortenLink(link, 40);
    expect(short).toHaveLength(40);
    expect(short.startsWith('https://uland.taobao.com')).toBe(true);
    expect(short.endsWith('mm_1_2_3')).toBe(true);
    expect(short).toContain('…');
  });
});
