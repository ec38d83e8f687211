import { describe, expect, it } from 'vitest';
import { datesText, linkMatchText, linksText } from './rule-text';

describe('rule text', () => {
  it('names sources with their affiliate and seller qualifiers', () => {
    expect(linkMatchText('en', { source: 'taobao', affiliate: true })).toBe('Taobao (affiliate)');
    expect(linkMatchText('en', { source: 'jd', seller: 'self-operated', affiliate: false })).toBe(
      'JD.com (not affiliate, self-operated)',
    );
    expect(linkMatchText('zh', { source: '*' })).toBe('其他任何来源');
    expect(linkMatchText('zh', { source: 'jd', seller: 'self-operated', affiliate: false })).toBe(
      '京东（非联盟、自营）',
    );
    expect(linksText('en', { links: [{ source: 'taobao' }, { source: 'tmall' }] })).toBe('Taobao, Tmall');
  });
  it('shows the dates in Beijing time', () => {
    expect(datesText('en', { from: '2022-03-01T00:00:00+08:00' })).toBe('from 2022-03-01');
    expect(datesText('en', { from: '2022-02-28T16:00:00Z', until: '2022-12-01T12:30:00+08:00' })).toBe(
      '2022-03-01 – 2022-12-01 12:30',
    );
  });
});
