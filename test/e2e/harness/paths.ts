// Where the harness finds the built extensions and the fixture pages, independent of the working directory.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURE_PAGES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'pages');
// Overridable to run the suite against another build (a packed-and-unpacked store zip, say).
export const CHROME_EXTENSION_DIR = process.env.CARTLINT_CHROME_EXTENSION ?? join(REPO_ROOT, 'extension', 'chrome');
export const FIREFOX_EXTENSION_DIR = process.env.CARTLINT_FIREFOX_EXTENSION ?? join(REPO_ROOT, 'extension', 'firefox');
export const CHROMIUM_BIN = process.env.CARTLINT_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_BIN = process.env.CARTLINT_FIREFOX ?? '/usr/bin/firefox-esr';
/** Firefox's add-on id, fixed in the manifest (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'cartlint@cartlint.dev';
