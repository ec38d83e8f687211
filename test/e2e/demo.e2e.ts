// The demo's browser side (scripts/demo/tabs.ts) in both browsers: every fixture dashboard opened with ?demo=1
// reports to the extension, the pre-filled mix shows banned, to-check and allowed links across the pages, and the
// headline page (快手 直播助手) shows all three at once, with the headless table listing each page.
import { describe, expect, it } from 'vitest';
import { findingLines } from '../../scripts/demo/report';
import { VERDICTS } from '../../src/core/types';
import { HEADLINE_PAGE, openDemoTabs } from '../../scripts/demo/tabs';
import { BROWSERS, loadFixturePages } from './harness/index';
import { useSession } from './support';

describe.each(BROWSERS)('%s: the demo dashboards', (name) => {
  const session = useSession(name);

  it('opens every fixture page with its demo mix, each judged by the extension', async () => {
    const fixtures = loadFixturePages();
    const tabs = await openDemoTabs(session(), fixtures);
    expect(tabs.map((tab) => tab.id).sort()).toEqual(fixtures.map((f) => f.file.replace(/\.html$/, '')).sort());
    expect(tabs[0]!.id).toBe(HEADLINE_PAGE);

    const silent = tabs.filter((tab) => tab.state === null).map((tab) => tab.id);
    expect(silent).toEqual([]);
    for (const tab of tabs) expect(tab.state!.page?.adapter, tab.id).toBe(tab.id);

    const counted = (tab: (typeof tabs)[number]) => VERDICTS.filter((verdict) => tab.state!.counts[verdict] > 0);
    const verdicts = (id: string) => new Set(counted(tabs.find((tab) => tab.id === id)!));
    expect([...verdicts(HEADLINE_PAGE)].sort()).toEqual(['allowed', 'banned', 'review']);
    const everywhere = new Set(tabs.flatMap(counted));
    expect([...everywhere].sort()).toEqual(['allowed', 'banned', 'review']);

    const lines = findingLines(
      tabs.map((tab) => ({ id: tab.id, url: tab.url, state: tab.state })),
      'en',
    );
    expect(new Set(lines.map((line) => line.cells[0]))).toEqual(new Set(tabs.map((tab) => tab.id)));
    for (const tab of tabs) await tab.page.close();
  });
});
