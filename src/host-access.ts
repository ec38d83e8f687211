// Which hosts cartlint may reach, read from the manifest's match patterns. The optional host patterns are of two
// kinds: named hosts (the short-link resolver's t.cn, *.taobao.com, …) and every http(s) host, asked for one host at
// a time when the operator teaches cartlint a page outside the dashboards (a watch rule on a host of their own).

// A pattern granting every site: `<all_urls>`, or a host of `*` ("https://*/*").
export function isEveryHostPattern(pattern: string): boolean {
  return pattern === '<all_urls>' || /^[^:]+:\/\/\*\//.test(pattern);
}

/** The patterns that name their hosts: what the short-link resolver may follow. */
export function namedHostPatterns(patterns: readonly string[]): string[] {
  return patterns.filter((pattern) => !isEveryHostPattern(pattern));
}

// The one-origin pattern a page's permission is asked for ("https://shop.example.com/*"); null off http(s).
export function originPatternOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'https:' || protocol === 'http:') && hostname ? `${protocol}//${hostname}/*` : null;
  } catch {
    return null;
  }
}

// The host of a one-origin pattern ("https://shop.example.com/*" gives "shop.example.com"); null for any other.
export function hostOfOriginPattern(pattern: string): string | null {
  return /^https?:\/\/([^/*]+)\/\*$/.exec(pattern)?.[1] ?? null;
}
