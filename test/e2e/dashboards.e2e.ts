// The dashboards as React/Vue apps with component libraries build them, end to end in Chromium and Firefox ESR
// (pages in test/fixtures/pages/dashboards/, their behaviour the kit's data-widget): controlled inputs set through
// the value setter with no event, the 添加商品 modal mounted into <body> and unmounted, editors that rebuild their DOM
// on every change, a virtualised list recycling 20 row nodes over 2,000 goods, a countdown row that never stops
// re-rendering, and a goods picker framed cross-origin from a sibling dashboard host.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, createFixtureRouter, loadFixturePages, openReadyPopup, type TestPage } from './harness/index';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import {
  answerDialog,
  closeCard,
  KUAISHOU_LIVE,
  LINKS,
  openDashboard,
  submitLog,
  useSession,
  waitForFlag,
  type Dashboard,
} from './support';

const router = createFixtureRouter({
  pages: [...loadFixturePages(), ...loadFixturePages(join(FIXTURE_PAGES_DIR, 'dashboards'))],
});

const lab = (page: string): Dashboard => ({
  ...KUAISHOU_LIVE,
  url: `https://zs.kwaixiaodian.com/page/helper/lab/${page}`,
});

/** A paste into a contenteditable editor, as TestPage.paste does for any field. */
async function pasteInto(page: TestPage, selector: string, text: string): Promise<void> {
  await page.paste(selector, text);
}

describe.each(BROWSERS)('%s: dashboards as their apps build them', (name) => {
  const session = useSession(name, { router });

  it('judges a controlled input whose value the app sets through the setter, with no event (React, Vue)', async () => {
    const { page, tabId } = await openDashboard(session(), KUAISHOU_LIVE);
    await page.evaluate(
      ({ selector, text }) => {
        const input = document.querySelector(selector) as HTMLInputElement;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
      },
      { selector: KUAISHOU_LIVE.field, text: LINKS.taobaoAlliance },
    );
    await waitForFlag(page, KUAISHOU_LIVE.field, 'banned');
    await session().waitForTabState(tabId, (s) => s.counts.banned === 1, 'the banned link reported');
    await page.close();
  });

  it('judges the 添加商品 dialog each time the component library mounts it into <body>', async () => {
    const { page, tabId } = await openDashboard(session(), lab('add-goods-dialog'));
    const field = '[data-dialog-field]';
    for (let opening = 0; opening < 2; opening++) {
      await page.click('[data-widget="modal"]');
      await page.paste(field, LINKS.jd);
      await waitForFlag(page, field, 'banned');
      await session().waitForTabState(tabId, (s) => s.counts.banned === 1, 'the dialog’s link reported');
      await page.click('[data-modal-close]');
      await page.waitForNoSelector(field);
      await session().waitForTabState(tabId, (s) => s.counts.banned === 0, 'the closed dialog’s link gone');
    }
    await page.close();
  });

  for (const editor of ['prosemirror', 'quill', 'slate'] as const) {
    it(`keeps a link flagged in a ${editor}-like editor that rebuilds its DOM on every change`, async () => {
      const { page, tabId } = await openDashboard(session(), lab('editors'));
      const selector = `[data-editor="${editor}"]`;
      await pasteInto(page, selector, `讲解 ${LINKS.taobaoAlliance}`);
      await page.waitFor((s) => Number(document.querySelector(s)?.getAttribute('data-renders')) >= 1, selector, {
        what: 'the editor re-rendered',
      });
      await waitForFlag(page, selector, 'banned');
      const state = await session().waitForTabState(tabId, (s) => s.counts.banned === 1, 'the link reported');
      // Slate splits the text into 10-character runs: the link still reads as one, whole.
      expect(state.findings.map((f) => f.link.text)).toEqual([LINKS.taobaoAlliance]);
      await page.type(selector, ' 好物');
      await page.waitFor((s) => Number(document.querySelector(s)?.getAttribute('data-renders')) >= 2, selector, {
        what: 'the editor re-rendered again',
      });
      await waitForFlag(page, selector, 'banned');
      await page.close();
    });
  }

  it('counts every row of a virtualised list the operator scrolled past, not only the 20 on screen', async () => {
    const { page, tabId } = await openDashboard(session(), lab('virtual-list'));
    const viewport = '[data-widget="virtual-list"] [data-viewport-type]';
    const rowNodes = await page.evaluate(() => document.querySelectorAll('[data-index]').length);
    expect(rowNodes).toBe(20);
    // Items 0…19 on screen: 0, 3, … 18 carry a 淘宝联盟 link.
    await session().waitForTabState(tabId, (s) => s.counts.banned === 7, 'the first screen judged');
    // Scroll two screens down, a screen at a time, as an operator reads the list: the 20 nodes show items 20…39,
    // then 40…59, their content replaced in place.
    for (const [top, banned] of [
      [800, 14],
      [1600, 20],
    ] as const) {
      await page.evaluate(
        ({ viewport, top }) => {
          const el = document.querySelector(viewport) as HTMLElement;
          el.scrollTop = top;
          el.dispatchEvent(new Event('scroll'));
        },
        { viewport, top },
      );
      await page.waitFor(
        () =>
          Array.from(document.querySelectorAll('[data-index]')).every(
            (row) =>
              (Number(row.getAttribute('data-index')) % 3 === 0) === (row.getAttribute('data-cartlint') === 'banned'),
          ),
        undefined,
        { what: 'the recycled rows flagged by their new content' },
      );
      const state = await session().waitForTabState(tabId, (s) => s.counts.banned === banned, `${top}px counted`);
      expect(state.counts.allowed).toBeGreaterThanOrEqual((top / 40 + 20) * (2 / 3));
    }
    await page.close();
  });

  it('judges the goods picker a cross-origin frame from a sibling host shows, and counts it on the tab', async () => {
    const { page, tabId } = await openDashboard(session(), lab('goods-picker'));
    await session().waitForTabState(tabId, (s) => s.page?.surface === 'live-cart', 'the console’s surface');
    await page.paste(KUAISHOU_LIVE.field, LINKS.taobaoAlliance);
    await session().waitForBadge(tabId, '1');
    await page.click('[data-widget="modal"]');
    const picker = await page.frame('https://s.kwaixiaodian.com/picker/goods');
    const field = '[data-fixture-field]';
    // JD is banned in Kuaishou's live cart only: the picker, whose own words tell no surface, judges as its console.
    await picker.paste(field, LINKS.jd);
    await waitForFlag(picker, field, 'banned');
    await picker.waitFor(
      () => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.outline') != null,
      undefined,
      { what: 'our outline in the picker’s own shadow root' },
    );
    const state = await session().waitForTabState(tabId, (s) => s.counts.banned === 2, 'both frames counted');
    expect(state.findings.map((f) => f.link.text)).toEqual([LINKS.taobaoAlliance, LINKS.jd]);
    await session().waitForBadge(tabId, '2');

    // The popup's "show on page" scrolls and flashes in the frame the finding is in.
    const popup = await openReadyPopup(session(), tabId);
    await popup.evaluate(() => {
      const rows = Array.from(document.querySelectorAll('.finding-banned .finding-main'));
      (rows.find((row) => row.textContent?.includes('jd.com')) as HTMLElement).click();
    });
    await picker.waitFor(
      () => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.outline.flash') != null,
      undefined,
      { what: 'the flash on the picker’s field' },
    );
    await popup.close();
    await page.bringToFront(); // a background tab runs no animation frames: clicks would wait for them

    // The picker's own 确认添加 asks, in the frame; cancel keeps its handler from running.
    // The card the paste opened (over the picker's button) goes with Escape, in the frame, as on any page.
    await closeCard(picker, field);
    await picker.click('[data-submit="确认添加"]');
    await answerDialog(picker, false);
    expect(await submitLog(picker)).toEqual([]);

    // The console's own 确认添加 asks for the picker's link, with the console's field clean.
    await page.clear(KUAISHOU_LIVE.field);
    await session().waitForTabState(tabId, (s) => s.counts.banned === 1, 'only the picker’s link left');
    await page.click('.ant-modal-footer [data-submit="确认添加"]');
    await answerDialog(page, false);
    expect(await submitLog(page)).toEqual([]);

    // The modal closed takes the frame away, and its finding with it.
    await page.click('[data-modal-close]');
    await session().waitForTabState(tabId, (s) => s.counts.banned === 0, 'the removed frame’s link gone');
    await session().waitForBadge(tabId, '');
    await page.close();
  });

  it('reports while a countdown in a row re-renders every 100 ms', async () => {
    const { page, tabId } = await openDashboard(session(), lab('countdown'));
    await page.paste(KUAISHOU_LIVE.field, LINKS.taobaoAlliance);
    await waitForFlag(page, KUAISHOU_LIVE.field, 'banned');
    const state = await session().waitForTabState(tabId, (s) => s.counts.banned === 1, 'the paste reported');
    expect(state.findings.map((f) => f.link.text)).toEqual([LINKS.taobaoAlliance]);
    await page.close();
  });
});
