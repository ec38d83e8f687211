// The optional short-link resolver: where does t.cn/… lead? Off by default. It fetches only when the operator
// switched it on AND granted the link's host (optional_host_permissions), and only for hosts listed there.
// Results are cached in storage.local (capped), so a link is followed once, not on every keystroke.
import { isObject } from '../core/guards';
import type { StorageArea } from './store';

export interface ResolverDeps {
  fetch(url: string, init: RequestInit): Promise<Pick<Response, 'url' | 'body'>>;
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  /** The manifest's optional host patterns that name hosts (namedHostPatterns): the only hosts ever followed. */
  origins: readonly string[];
  local: StorageArea;
  now(): Date;
}

interface CacheEntry {
  target: string | null;
  /** ms since epoch. */
  at: number;
}

const CACHE_KEY = 'resolverCache';
export const CACHE_CAP = 300;
/** A short link can be re-pointed; a week is long enough to save requests, short enough to notice. */
const FOUND_TTL = 7 * 24 * 3600_000;
/** "Leads nowhere else" may be a transient page; ask again sooner. */
const NOTHING_TTL = 3600_000;
const TIMEOUT_MS = 5000;

/** Does a match pattern ("*://*.tb.cn/*", "*://t.cn/*") cover this URL's scheme and host? */
export function patternCovers(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/(\*\.)?([^/*]+)\/\*$/.exec(pattern);
  if (!m) return false;
  const [, scheme, anySub, host] = m as unknown as [string, string, string | undefined, string];
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  return url.hostname === host || (anySub !== undefined && url.hostname.endsWith(`.${host}`));
}

async function readCache(local: StorageArea): Promise<Record<string, CacheEntry>> {
  const value = (await local.get(CACHE_KEY))[CACHE_KEY];
  return isObject(value) ? (value as Record<string, CacheEntry>) : {};
}

/** Not under the store's lock: two lookups racing can at worst lose one cache entry, which is asked again later. */
async function remember(local: StorageArea, url: string, entry: CacheEntry): Promise<void> {
  const cache = { ...(await readCache(local)), [url]: entry };
  const urls = Object.keys(cache);
  if (urls.length > CACHE_CAP) {
    urls
      .sort((a, b) => cache[a]!.at - cache[b]!.at)
      .slice(0, urls.length - CACHE_CAP)
      .forEach((old) => delete cache[old]);
  }
  await local.set({ [CACHE_KEY]: cache });
}

/** The link's target, or null: resolver off, host not allowed or not granted, no redirect, or a failed fetch. */
export async function resolveLink(text: string, enabled: boolean, deps: ResolverDeps): Promise<string | null> {
  if (!enabled) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.port) return null;
  if (!deps.origins.some((pattern) => patternCovers(pattern, url))) return null;
  const origin = `${url.protocol}//${url.hostname}/*`;
  if (!(await deps.permissions.contains({ origins: [origin] }))) return null;

  const now = deps.now().getTime();
  const cached = (await readCache(deps.local))[url.href];
  if (cached && now - cached.at < (cached.target ? FOUND_TTL : NOTHING_TTL)) return cached.target;

  let target: string | null;
  // AbortSignal.timeout() needs Chrome 103; the manifest allows 102.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  try {
    const response = await deps.fetch(url.href, {
      redirect: 'follow',
      credentials: 'omit',
      cache: 'no-store',
      signal: abort.signal,
    });
    void response.body?.cancel().catch(() => undefined); // only the final address matters, not the page
    target = response.url && response.url !== url.href ? response.url : null;
  } catch {
    return null; // offline, refused or timed out: say nothing rather than cache a failure
  } finally {
    clearTimeout(timer);
  }
  await remember(deps.local, url.href, { target, at: now });
  return target;
}
