import { describe, expect, it } from 'vitest';
import { ellipsis, ellipsisMiddle } from './ellipsis';

describe('ellipsis', () => {
  it('keeps texts that fit whole', () => {
    expect(ellipsis('https://s.click.taobao.com/abc', 46)).toBe('https://s.click.taobao.com/abc');
    expect(ellipsis('abcd', 4)).toBe('abcd');
  });

  it('cuts at the end to exactly the given length', () => {
    expect(ellipsis('abcdef', 4)).toBe('abc…');
  });

  it('cuts links in the middle to the given length, keeping host and tail', () => {
    const link = `https://uland.taobao.com/coupon/edetail?e=${'x'.repeat(80)}&pid=mm_1_2_3`;
    const short = ellipsisMiddle(link, 40);
    expect(short).toHaveLength(40);
    expect(short.startsWith('https://uland.taobao.com')).toBe(true);
    expect(short.endsWith('mm_1_2_3')).toBe(true);
    expect(short).toContain('…');
  });
});
