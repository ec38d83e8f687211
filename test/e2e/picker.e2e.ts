// Issue 11, teaching cartlint a page it does not know: from the popup, the element picker runs in the page
// (hover highlights, click picks, our UI in our shadow root), saves a watch rule, and the picked field then warns
// on paste — at once, after a reload, and after the rule is exported, deleted and imported again.
import { describe, expect, it } from 'vitest';
import { BROWSERS, createFixtureRouter, loadFixturePages, openReadyPopup, type TestPage } from './harness/index';
import { GOODS_POOL, GOODS_POOL_FIELD as FIELD, LINKS, uniqueUrl, useSession, waitForFlag } from './support';

/** Runs `fn` on the picker's shadow root (ours: the one holding .picker-panel). */
function inPicker<T>(page: TestPage, fn: string): Promise<T> {
  return page.evaluate((body) => {
    const hosts = Array.from(document.querySelectorAll('[data-cartlint-ui]'));
    const shadow = hosts.map((host) => host.shadowRoot!).find((root) => root.querySelector('.picker-panel'));
    return new Function('shadow', body)(shadow ?? null);
  }, fn) as Promise<T>;
}

describe.each(BROWSERS)('%s: the element picker', (name) => {
  const session = useSession(name, { router: createFixtureRouter({ pages: [...loadFixturePages(), GOODS_POOL] }) });

  it('picks a field on a page no adapter knows; it then warns, after a reload and an export/import too', async () => {
    const visit = async () => {
      const opened = await session().openDashboard(uniqueUrl(GOODS_POOL.url));
      await opened.waitForSelector(FIELD);
      return opened;
    };
    let page = await visit();
    const tabId = await session().tabIdOf(page);
    try {
      const popup = await openReadyPopup(session(), tabId);
      await popup.click('button.pick-start');
      await popup.waitForSelector('.pick [role="status"]');
      await popup.close();

      await page.waitFor(
        () =>
          Array.from(document.querySelectorAll('[data-cartlint-ui]')).some((h) =>
            h.shadowRoot?.querySelector('.picker-panel'),
          ),
        undefined,
        { what: 'the picker in the page' },
      );
      await page.click(FIELD);
      expect(await inPicker<string>(page, 'return shadow.textContent')).toContain('textarea[name="goodsNote"]');
      await inPicker(
        page,
        `
        const surface = shadow.querySelector('#picker-surface');
        surface.value = 'live-cart';
        shadow.querySelector('.picker-save').click();`,
      );
      const config = await eventuallyRules(session, 1);
      expect(config[0]).toMatchObject({
        host: 'zs.kwaixiaodian.com',
        path: '/page/goods-pool',
        platform: 'kuaishou',
        surface: 'live-cart',
        fields: ['textarea[name="goodsNote"]'],
        origin: 'custom',
      });

      // Applied at once: the page now reads the field.
      await page.paste(FIELD, LINKS.taobaoAlliance);
      await waitForFlag(page, FIELD, 'banned');

      // And on the next visit.
      await page.close();
      page = await visit();
      await page.paste(FIELD, LINKS.taobaoAlliance);
      await waitForFlag(page, FIELD, 'banned');

      // Exported, deleted, imported again: still watched.
      const { json } = await session().request({ type: 'watch/export' });
      await session().request({ type: 'watch/delete', id: config[0]!.id });
      await eventuallyRules(session, 0);
      await session().request({ type: 'watch/import', json });
      await eventuallyRules(session, 1);
      await page.close();
      page = await visit();
      await page.paste(FIELD, LINKS.jd);
      await waitForFlag(page, FIELD, 'banned');
    } finally {
      const { watchRules } = await session().request({ type: 'config/get' });
      for (const rule of watchRules) await session().request({ type: 'watch/delete', id: rule.id });
      await page.close();
    }
  });

  it('cancels on Esc and lets the page have its clicks again', async () => {
    const page = await session().openDashboard(uniqueUrl(GOODS_POOL.url));
    await page.waitForSelector(FIELD);
    const tabId = await session().tabIdOf(page);
    await session().request({ type: 'picker/start', tabId });
    await page.waitFor(
      () =>
        Array.from(document.querySelectorAll('[data-cartlint-ui]')).some((h) =>
          h.shadowRoot?.querySelector('.picker-panel'),
        ),
      undefined,
      { what: 'the picker in the page' },
    );
    await page.click(FIELD);
    await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await page.waitFor(
      () =>
        !Array.from(document.querySelectorAll('[data-cartlint-ui]')).some((h) =>
          h.shadowRoot?.querySelector('.picker-panel'),
        ),
      undefined,
      { what: 'the picker gone' },
    );
    expect((await session().request({ type: 'config/get' })).watchRules).toEqual([]);
    await page.close();
  });
});

async function eventuallyRules(session: () => import('./harness/index').ExtensionSession, count: number) {
  for (let i = 0; i < 50; i++) {
    const { watchRules } = await session().request({ type: 'config/get' });
    if (watchRules.length === count) return watchRules;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${count} watch rule(s)`);
}
