// Nothing outside the dashboards: on any other site the content script is never injected and the popup lists the
// pages cartlint watches; on a dashboard host's other pages it stays idle (no UI, no hooks, no findings) and the
// popup lists the watched pages there too.
import { describe, expect, it } from 'vitest';
import { BROWSERS, createFixtureRouter, loadFixturePages, openReadyPopup, sleep } from './harness/index';
import { KUAISHOU_LIVE, LINKS, flags, openDashboard, uniqueUrl, useSession, waitForFlag } from './support';

/** A shop page on a host cartlint has no permission for, with a paste field like a dashboard's. */
const OTHER_SITE = {
  file: 'other-site.html',
  url: 'https://shop.example.test/item/edit',
  html: '<!doctype html><meta charset="utf-8"><title>shop</title><input id="field" placeholder="粘贴商品链接">',
};
/** How long a dashboard takes at most to flag a paste in these tests, with room to spare. */
const QUIET_MS = 1_500;

describe.each(BROWSERS)('%s: pages that are not dashboards', (name) => {
  const session = useSession(name, { router: createFixtureRouter({ pages: [...loadFixturePages(), OTHER_SITE] }) });

  it('stays idle on another site, while the same paste on a dashboard is flagged', async () => {
    // The control: the dashboard flags it.
    const { page: dashboard } = await openDashboard(session(), KUAISHOU_LIVE);
    await dashboard.paste(KUAISHOU_LIVE.field, LINKS.taobaoAlliance);
    await waitForFlag(dashboard, KUAISHOU_LIVE.field, 'banned');

    const other = await session().openDashboard(uniqueUrl(OTHER_SITE.url));
    await other.paste('#field', LINKS.taobaoAlliance);
    await sleep(QUIET_MS);
    expect(await other.evaluate(() => document.querySelector('[data-cartlint-ui]') === null)).toBe(true);
    expect(await flags(other)).toEqual([]);

    // Its popup lists the pages cartlint watches. Without the "tabs" permission the tab's URL is hidden from us
    // here, so the tab is found as the active one.
    await other.bringToFront();
    const console = await session().console();
    const tabId = await console.evaluate(async () => {
      const g = globalThis as unknown as { browser?: any; chrome?: any };
      const [tab] = (await (g.browser ?? g.chrome).tabs.query({ active: true, lastFocusedWindow: true })) as {
        id: number;
      }[];
      return tab!.id;
    });
    const popup = await openReadyPopup(session(), tabId);
    const hosts = await popup.text('.hosts');
    expect(hosts).toContain('zs.kwaixiaodian.com');
    expect(hosts).toContain('buyin.jinritemai.com');
    await popup.close();
    await other.close();
    await dashboard.close();
  });

  it('stays idle on a dashboard host’s other pages', async () => {
    const page = await session().openDashboard(uniqueUrl('https://zs.kwaixiaodian.com/zone/order/list'));
    await page.waitForSelector('body');
    await page.evaluate(() => {
      const field = document.createElement('input');
      field.id = 'field';
      document.body.append(field);
    });
    await page.paste('#field', LINKS.taobaoAlliance);
    await sleep(QUIET_MS);
    expect(await page.evaluate(() => document.querySelector('[data-cartlint-ui]') === null)).toBe(true);
    expect(await flags(page)).toEqual([]);
    const tabId = await session().tabIdOf(page);
    expect((await session().request({ type: 'tab/state', tabId })).findings).toEqual([]);
    // The page never reports, and its popup says it is not a watched page (listing those), not "reload".
    const popup = await openReadyPopup(session(), tabId);
    expect(await popup.text('.hosts')).toContain('zs.kwaixiaodian.com');
    expect(await popup.evaluate(() => document.querySelector('.empty button.primary') === null)).toBe(true);
    await popup.close();
    await page.close();
  });
});
