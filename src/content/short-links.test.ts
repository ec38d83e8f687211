import { afterEach, describe, expect, it, vi } from 'vitest';
import { classify } from '../core/extract';
import type { LinkFinding } from '../core/types';
import { createShortLinks, shortLinkUrl } from './short-links';

const ALLIANCE = 'https://s.click.taobao.com/rioMXxu';

function shortener(text: string, start = 0): LinkFinding {
  const [found] = classify(`${' '.repeat(start)}${text}`);
  expect(found?.source).toBe('shortener');
  return found!;
}

/** A background that answers when told to. */
function fakeAsk() {
  const asked: string[] = [];
  const answers = new Map<string, (target: string | null) => void>();
  const fails = new Map<string, (error: Error) => void>();
  const ask = vi.fn(
    (url: string) =>
      new Promise<string | null>((resolve, reject) => {
        asked.push(url);
        answers.set(url, resolve);
        fails.set(url, reject);
      }),
  );
  return {
    ask,
    asked,
    answer: (url: string, target: string | null) => answers.get(url)!(target),
    fail: (url: string) => fails.get(url)!(new Error('no receiver')),
  };
}

let control = new AbortController();
afterEach(() => control.abort());

function setup(limit?: number) {
  control = new AbortController();
  const fake = fakeAsk();
  const onResolved = vi.fn();
  const links = createShortLinks({ ask: fake.ask, signal: control.signal, onResolved, ...(limit ? { limit } : {}) });
  return { ...fake, onResolved, links };
}

describe('short links judged by their target', () => {
  it('open the way a browser would: normalised, with a scheme', () => {
    expect(shortLinkUrl('t。cn/A6xyz')).toBe('https://t.cn/A6xyz');
    expect(shortLinkUrl('https://t.cn/R123456')).toBe('https://t.cn/R123456');
  });

  it('ask once per distinct link, keep the link until the answer, then take the target’s source', async () => {
    const { links, asked, answer, onResolved } = setup();
    const link = shortener('https://t.cn/R123456', 5);
    expect(links.resolve(link)).toBe(link);
    expect(links.resolve(link)).toBe(link);
    expect(links.resolve(shortener('t.cn/R123456'))).toEqual(shortener('t.cn/R123456')); // same URL, not asked again
    expect(asked).toEqual(['https://t.cn/R123456']);

    answer('https://t.cn/R123456', ALLIANCE);
    await vi.waitFor(() => expect(onResolved).toHaveBeenCalledTimes(1));
    const resolved = links.resolve(link);
    expect(resolved).toMatchObject({
      text: 'https://t.cn/R123456',
      start: 5,
      end: 25,
      kind: 'short-link',
      source: 'taobao',
      affiliate: true,
    });
    expect(resolved.evidence).toBe(`https://t.cn/R123456 \u2192 ${ALLIANCE} (host s.click.taobao.com)`);
    expect(asked).toHaveLength(1);
  });

  it('carry the seller a target tells (JD self-operated)', async () => {
    const { links, answer, onResolved } = setup();
    const link = shortener('https://t.cn/RJD123x');
    links.resolve(link);
    answer('https://t.cn/RJD123x', 'https://item.jd.com/100012043978.html');
    await vi.waitFor(() => expect(onResolved).toHaveBeenCalled());
    const { source, affiliate, seller } = links.resolve(link);
    const target = classify('https://item.jd.com/100012043978.html')[0]!;
    expect({ source, affiliate, seller }).toEqual({ source: 'jd', affiliate: target.affiliate, seller: target.seller });
  });

  it('keep the shortener (review) on no target, a failure, a target that is no product, or another shortener', async () => {
    const { links, answer, fail, asked, onResolved } = setup();
    const urls = ['https://t.cn/RA2345x', 'https://t.cn/RB2345x', 'https://t.cn/RC2345x', 'https://t.cn/RD2345x'];
    urls.forEach((url) => links.resolve(shortener(url)));
    answer(urls[0]!, null);
    fail(urls[1]!);
    answer(urls[2]!, 'https://example.com/landing');
    answer(urls[3]!, 'https://bit.ly/3abc');
    await new Promise((resolve) => setTimeout(resolve, 80));
    for (const url of urls) expect(links.resolve(shortener(url)).source).toBe('shortener');
    expect(onResolved).not.toHaveBeenCalled();
    expect(asked).toEqual(urls); // failures are not retried within the page life
  });

  it('call back once for a burst of answers', async () => {
    const { links, answer, onResolved } = setup();
    links.resolve(shortener('https://t.cn/RA2345x'));
    links.resolve(shortener('https://t.cn/RB2345x'));
    answer('https://t.cn/RA2345x', ALLIANCE);
    answer('https://t.cn/RB2345x', 'https://item.jd.com/100012043978.html');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(onResolved).toHaveBeenCalledTimes(1);
  });

  it('ask a few at a time, and at most `limit` links per page life', async () => {
    const { links, asked, answer } = setup(6);
    for (let i = 0; i < 10; i++) links.resolve(shortener(`https://t.cn/RL${i}2345`));
    expect(asked).toHaveLength(4);
    answer('https://t.cn/RL02345', null);
    answer('https://t.cn/RL12345', null);
    await vi.waitFor(() => expect(asked).toHaveLength(6));
    for (let i = 2; i < 6; i++) answer(`https://t.cn/RL${i}2345`, null);
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (let i = 0; i < 10; i++) links.resolve(shortener(`https://t.cn/RL${i}2345`));
    expect(asked).toHaveLength(6);
  });

  it('never ask about a URL the background would refuse as too long', () => {
    const { links, asked } = setup();
    links.resolve(shortener(`https://t.cn/R${'x'.repeat(2100)}`));
    expect(asked).toEqual([]);
  });

  it('stop asking and calling back when the page life ends', async () => {
    const { links, asked, answer, onResolved } = setup();
    links.resolve(shortener('https://t.cn/RA2345x'));
    control.abort();
    answer('https://t.cn/RA2345x', ALLIANCE);
    links.resolve(shortener('https://t.cn/RB2345x'));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(asked).toEqual(['https://t.cn/RA2345x']);
    expect(onResolved).not.toHaveBeenCalled();
  });
});
