import { describe, expect, it } from 'vitest';
import { FakeArea, FakePermissions, RESOLVER_ORIGINS } from '../../test/support/fake-browser';
import { CACHE_CAP, patternCovers, resolveLink, type ResolverDeps } from './resolver';

function setup(granted: string[], redirects: Record<string, string> = {}, failing = false) {
  const fetched: string[] = [];
  let clock = Date.parse('2026-11-23T02:00:00Z');
  const local = new FakeArea();
  const deps: ResolverDeps = {
    fetch: async (url) => {
      fetched.push(url);
      if (failing) throw new TypeError('Failed to fetch');
      return { url: redirects[url] ?? url, body: null };
    },
    permissions: new FakePermissions(granted),
    origins: RESOLVER_ORIGINS,
    local,
    now: () => new Date(clock),
  };
  return { deps, fetched, local, tick: (ms: number) => (clock += ms) };
}

describe('patternCovers', () => {
  it.each([
    ['*://t.cn/*', 'https://t.cn/abc', true],
    ['*://t.cn/*', 'https://x.t.cn/abc', false],
    ['*://*.taobao.com/*', 'https://m.tb.taobao.com/x', true],
    ['*://*.taobao.com/*', 'https://taobao.com/x', true],
    ['*://*.taobao.com/*', 'https://eviltaobao.com/x', false],
    ['https://t.cn/*', 'http://t.cn/abc', false],
  ])('%s covers %s: %s', (pattern, url, expected) => {
    expect(patternCovers(pattern, new URL(url))).toBe(expected);
  });
});

describe('resolveLink', () => {
  it('does nothing at all while switched off', async () => {
    const { deps, fetched } = setup(['*://t.cn/*'], { 'https://t.cn/a': 'https://item.jd.com/1.html' });
    expect(await resolveLink('https://t.cn/a', false, deps)).toBeNull();
    expect(fetched).toEqual([]);
  });

  it('never fetches a host outside the optional permissions, or one not granted', async () => {
    const { deps, fetched } = setup(['*://t.cn/*']);
    expect(await resolveLink('https://evil.example/a', true, deps)).toBeNull();
    expect(await resolveLink('https://dwz.cn/a', true, deps)).toBeNull();
    expect(await resolveLink('https://user:pw@t.cn/a', true, deps)).toBeNull();
    expect(await resolveLink('not a url', true, deps)).toBeNull();
    expect(fetched).toEqual([]);
  });

  it('follows a granted short link once and answers later asks from the cache', async () => {
    const { deps, fetched } = setup(['*://t.cn/*'], { 'https://t.cn/a': 'https://item.jd.com/1.html' });
    expect(await resolveLink('https://t.cn/a', true, deps)).toBe('https://item.jd.com/1.html');
    expect(await resolveLink('https://t.cn/a', true, deps)).toBe('https://item.jd.com/1.html');
    expect(fetched).toEqual(['https://t.cn/a']);
  });

  it('answers null without caching when the network fails, and null (cached briefly) without a redirect', async () => {
    const failing = setup(['*://t.cn/*'], {}, true);
    expect(await resolveLink('https://t.cn/a', true, failing.deps)).toBeNull();
    expect(failing.local.data).toEqual({});

    const still = setup(['*://t.cn/*']);
    expect(await resolveLink('https://t.cn/a', true, still.deps)).toBeNull();
    await resolveLink('https://t.cn/a', true, still.deps);
    expect(still.fetched).toHaveLength(1);
    still.tick(2 * 3600_000);
    await resolveLink('https://t.cn/a', true, still.deps);
    expect(still.fetched).toHaveLength(2);
  });

  it(`keeps at most ${CACHE_CAP} entries, dropping the oldest`, async () => {
    const { deps, local, tick } = setup(['*://t.cn/*']);
    for (let i = 0; i <= CACHE_CAP; i++) {
      await resolveLink(`https://t.cn/${i}`, true, deps);
      tick(1000);
    }
    const cache = local.data.resolverCache as Record<string, unknown>;
    expect(Object.keys(cache)).toHaveLength(CACHE_CAP);
    expect(cache).not.toHaveProperty('https://t.cn/0');
    expect(cache).toHaveProperty(`https://t.cn/${CACHE_CAP}`);
  });
});
