// The e2e/demo router (test/e2e/harness/fixtures.ts) serves the one shared fixture runtime on every dashboard host,
// only under its reserved path, and still 404s every other path there like the real sites.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFixtureRouter, FIXTURE_ASSET_PATH } from '../e2e/harness/fixtures';
import { FIXTURE_PAGES_DIR } from '../e2e/harness/paths';

const router = createFixtureRouter();
const kit = readFileSync(join(FIXTURE_PAGES_DIR, 'fixture-kit.js'), 'utf8');

describe('fixture router', () => {
  it('serves fixture-kit.js at the reserved path on every dashboard host, and every page loads it from there', () => {
    expect(router.pages.length).toBeGreaterThan(0);
    for (const page of router.pages) {
      const origin = new URL(page.url).origin;
      expect(router.route(`${origin}${FIXTURE_ASSET_PATH}fixture-kit.js`)).toEqual({
        action: 'fulfill',
        status: 200,
        contentType: 'text/javascript; charset=utf-8',
        body: kit,
      });
      expect(page.html, page.file).toContain(`<script src="${FIXTURE_ASSET_PATH}fixture-kit.js"></script>`);
    }
  });

  it('404s the kit under any other path, pages and missing files under the reserved path', () => {
    const origin = new URL(router.pages[0]!.url).origin;
    for (const path of [
      '/fixture-kit.js',
      '/static/fixture-kit.js',
      `${FIXTURE_ASSET_PATH}${router.pages[0]!.file}`,
      `${FIXTURE_ASSET_PATH}missing.js`,
      `${FIXTURE_ASSET_PATH}..%2Ffixtures%2Fpages%2Ffixture-kit.js`,
    ]) {
      expect(router.route(`${origin}${path}`), path).toMatchObject({ action: 'fulfill', status: 404 });
    }
  });

  it('does not serve the kit off the dashboard hosts', () => {
    expect(router.route(`https://example.com${FIXTURE_ASSET_PATH}fixture-kit.js`)).toEqual({ action: 'abort' });
  });
});
