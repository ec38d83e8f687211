// The fixture apps of test/fixtures/apps/ built with the libraries the real dashboards use (React, Vue, their list
// and editor components), each entry `NAME.app.js` to one classic script `NAME.js` that the page loads from
// FIXTURE_ASSET_PATH. Built with Vite's own API and no project config: the project aliases React to Preact.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from './paths';

export const FIXTURE_APPS_DIR = join(REPO_ROOT, 'test', 'fixtures', 'apps');
export const FIXTURE_APPS_OUT = join(REPO_ROOT, 'dist', 'fixture-apps');

/** Builds every app into FIXTURE_APPS_OUT; resolves to that folder. */
export async function buildFixtureApps(): Promise<string> {
  const entries = readdirSync(FIXTURE_APPS_DIR).filter((file) => file.endsWith('.app.js'));
  for (const [i, entry] of entries.entries()) {
    const name = entry.replace(/\.app\.js$/, '');
    await build({
      configFile: false,
      logLevel: 'warn',
      root: FIXTURE_APPS_DIR,
      define: {
        'process.env.NODE_ENV': '"production"',
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
      build: {
        outDir: FIXTURE_APPS_OUT,
        emptyOutDir: i === 0,
        minify: false,
        lib: {
          entry: join(FIXTURE_APPS_DIR, entry),
          formats: ['iife'],
          name: 'fixtureApp',
          fileName: () => `${name}.js`,
        },
      },
    });
  }
  return FIXTURE_APPS_OUT;
}
