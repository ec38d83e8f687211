import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../dashboards';
import { pausedSitesWith, watchedPagesOf } from './watched';

describe('watchedPagesOf', () => {
  it('lists each host once with its platform, keeping the adapters order', () => {
    const pages = watchedPagesOf([
      { platform: 'douyin', host: 'buyin.jinritemai.com' },
      { platform: 'kuaishou', host: 'zs.kwaixiaodian.com' },
      { platform: 'douyin', host: 'buyin.jinritemai.com' },
    ]);
    expect(pages).toEqual([
      { platform: 'douyin', host: 'buyin.jinritemai.com' },
      { platform: 'kuaishou', host: 'zs.kwaixiaodian.com' },
    ]);
  });
  it('covers every adapter host', () => {
    const hosts = watchedPagesOf(ADAPTERS).map((p) => p.host);
    expect(new Set(hosts)).toEqual(new Set(ADAPTERS.map((a) => a.host)));
    expect(hosts).toHaveLength(new Set(hosts).size);
  });
});

describe('pausedSitesWith', () => {
  it('appends a paused host once and drops a resumed one, keeping the others in order', () => {
    expect(pausedSitesWith(['a.com', 'b.com'], 'c.com', true)).toEqual(['a.com', 'b.com', 'c.com']);
    expect(pausedSitesWith(['a.com', 'b.com'], 'a.com', true)).toEqual(['b.com', 'a.com']);
    expect(pausedSitesWith(['a.com', 'b.com'], 'a.com', false)).toEqual(['b.com']);
    expect(pausedSitesWith(['a.com'], 'c.com', false)).toEqual(['a.com']);
  });
});
