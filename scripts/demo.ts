// `npm start`: build both extensions, then open the system Chromium (or Firefox ESR with --firefox) with cartlint
// loaded on the fixture dashboards, served at their real URLs with `?demo=1` so warnings, badge and popup show at
// once. Without a display (or with --headless) it prints the findings per page, writes screenshots of every page
// and of the popup, and exits.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { t } from '../src/i18n';
import { launch, loadFixturePages, openReadyPopup, type ExtensionSession } from '../test/e2e/harness/index';
import { FIXTURE_PAGES_DIR, REPO_ROOT } from '../test/e2e/harness/paths';
import { DemoUsageError, parseDemoArgs, type DemoOptions } from './demo/args';
import { renderTable, summaryLine, type DemoPageResult } from './demo/report';
import { openDemoTabs, showFirstWarning, type DemoTab } from './demo/tabs';

const BROWSER_NAMES = { chromium: 'Chromium', firefox: 'Firefox ESR' } as const;

function build(options: DemoOptions): void {
  console.log(t(options.lang, 'demo_building'));
  // The build script runs under the same TypeScript loader as this one.
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'build.ts')], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new Error(t(options.lang, 'demo_build_failed', String(result.status ?? result.signal)));
}

async function headlessRun(session: ExtensionSession, tabs: DemoTab[], options: DemoOptions): Promise<number> {
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  const results: DemoPageResult[] = [];
  for (const tab of tabs) {
    results.push({ id: tab.id, url: tab.url, state: tab.state });
    await showFirstWarning(tab.page).catch(() => false);
    await tab.page.screenshot(join(out, `${tab.id}.png`));
    if (tab.tabId !== null) {
      const popup = await openReadyPopup(session, tab.tabId);
      await popup.screenshot(join(out, `popup-${tab.id}.png`), 'body');
      await popup.close();
    }
  }
  process.stdout.write(renderTable(results, options.lang, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR));
  console.log(summaryLine(results, options.lang));
  console.log(t(options.lang, 'demo_screenshots', out));
  // A page that never reported means the extension did not run there: that is a failed demo, not an empty one.
  return results.every((result) => result.state !== null) ? 0 : 1;
}

async function headedRun(session: ExtensionSession, tabs: DemoTab[], options: DemoOptions): Promise<number> {
  await showFirstWarning(tabs[0]!.page).catch(() => false);
  const first = tabs.find((tab) => tab.tabId !== null);
  if (first) await openReadyPopup(session, first.tabId!);
  console.log(t(options.lang, 'demo_ready', tabs.length));
  await session.closed();
  return 0;
}

async function main(argv: string[]): Promise<number> {
  let options: DemoOptions;
  try {
    options = parseDemoArgs(argv, process.env);
  } catch (error) {
    if (!(error instanceof DemoUsageError)) throw error;
    console.error(`${error.message}\n\n${t('en', 'demo_usage')}`);
    return 2;
  }
  if (options.help) {
    console.log(t(options.lang, 'demo_usage'));
    return 0;
  }
  if (options.noDisplay) console.log(t(options.lang, 'demo_no_display'));
  build(options);
  const fixtures = loadFixturePages();
  if (fixtures.length === 0) throw new Error(t(options.lang, 'demo_no_fixtures', FIXTURE_PAGES_DIR));

  console.log(t(options.lang, 'demo_launching', BROWSER_NAMES[options.browser], fixtures.length));
  const session = await launch(options.browser, { headless: options.headless });
  const stop = () => void session.close().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const tabs = await openDemoTabs(session, fixtures);
    return await (options.headless ? headlessRun(session, tabs, options) : headedRun(session, tabs, options));
  } finally {
    await session.close().catch(() => undefined);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const lang = parseDemoArgsSafe();
    console.error(t(lang, 'demo_failed', error instanceof Error ? error.message : String(error)));
    process.exit(1);
  },
);

function parseDemoArgsSafe() {
  try {
    return parseDemoArgs(process.argv.slice(2), process.env).lang;
  } catch {
    return 'en' as const;
  }
}
