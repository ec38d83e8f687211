// Serves the fixture pages (test/fixtures/pages/*.html) at the REAL dashboard URLs they document in
// `<meta name="cartlint-fixture-url" content="https://…">`. Both browser harnesses and the demo route every
// request through `fixtureResponse`, so the content script sees exactly the origin and path it will see in
// production, and no test ever reaches the network.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { FIXTURE_PAGES_DIR } from './paths';

export interface FixturePage {
  /** File name inside the fixture folder ("kuaishou-live-helper.html"). */
  file: string;
  /** The real dashboard URL the page stands in for. */
  url: string;
  html: string;
}

/** What to do with one request: answer it, let it through (loopback, data:), or fail it (the internet). */
export type Routing =
  | { action: 'fulfill'; status: number; contentType: string; body: string }
  | { action: 'continue' }
  | { action: 'abort' };

const META_URL = /<meta\s+name=["']cartlint-fixture-url["']\s+content=["']([^"']+)["']/i;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export function loadFixturePages(dir: string = FIXTURE_PAGES_DIR): FixturePage[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .flatMap((file) => {
      const html = readFileSync(join(dir, file), 'utf8');
      const url = META_URL.exec(html)?.[1];
      return url ? [{ file, url, html }] : [];
    });
}

/** The fixture page standing in for `url` (origin + path; query and hash ignored, as a SPA would). */
export function findFixture(pages: readonly FixturePage[], url: string): FixturePage | undefined {
  const wanted = pageKey(url);
  return pages.find((page) => pageKey(page.url) === wanted);
}

function pageKey(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname.replace(/\/+$/, '');
}

/**
 * Shared fixture files are asked for under this path, which no real dashboard uses, so one copy of the kit
 * serves every host while the dashboards' own paths still 404 like the real sites.
 */
export const FIXTURE_ASSET_PATH = '/__cartlint_fixture__/';

/** A plain file name in the fixture folder (no subfolders, no dot files, no pages) under FIXTURE_ASSET_PATH. */
function fixtureAsset(dir: string, pathname: string): { contentType: string; body: string } | undefined {
  if (!pathname.startsWith(FIXTURE_ASSET_PATH)) return undefined;
  const name = pathname.slice(FIXTURE_ASSET_PATH.length);
  const type = CONTENT_TYPES[extname(name)];
  if (!type || extname(name) === '.html' || !/^[\w-][\w.-]*$/.test(name) || !existsSync(join(dir, name)))
    return undefined;
  return { contentType: type, body: readFileSync(join(dir, name), 'utf8') };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

/**
 * The routing table: fixture pages at their real URLs; the fixture folder's scripts and styles (fixture-kit.js)
 * under the reserved path FIXTURE_ASSET_PATH on every dashboard host; any other path on a dashboard host → a 404
 * page like the real site would give; loopback passes; every other http(s) request is aborted so a test can never
 * depend on the internet.
 */
export function createFixtureRouter(options: { pages?: FixturePage[]; dir?: string; extraHosts?: string[] } = {}) {
  const dir = options.dir ?? FIXTURE_PAGES_DIR;
  const pages = options.pages ?? loadFixturePages(dir);
  const hosts = new Set([...pages.map((page) => new URL(page.url).host), ...(options.extraHosts ?? [])]);

  function route(url: string): Routing {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { action: 'continue' };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { action: 'continue' };
    if (isLoopback(parsed.hostname)) return { action: 'continue' };
    if (!hosts.has(parsed.host)) return { action: 'abort' };

    const page = findFixture(pages, url);
    if (page) return { action: 'fulfill', status: 200, contentType: CONTENT_TYPES['.html']!, body: page.html };

    const asset = fixtureAsset(dir, parsed.pathname);
    if (asset) return { action: 'fulfill', status: 200, ...asset };
    return {
      action: 'fulfill',
      status: 404,
      contentType: CONTENT_TYPES['.html']!,
      body: `<!doctype html><meta charset="utf-8"><title>404</title><p>404 — no fixture for ${escapeHtml(parsed.pathname)}</p>`,
    };
  }

  return { pages, hosts: [...hosts], route };
}
export type FixtureRouter = ReturnType<typeof createFixtureRouter>;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
