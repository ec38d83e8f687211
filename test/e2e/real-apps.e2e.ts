// The dashboards' own libraries, not imitations of them (test/fixtures/apps/, bundled by harness/apps.ts): a
// React 19 and a Vue 3 live console (controlled inputs the app writes with no event, the 添加商品 dialog portalled
// into <body>, the cart in react-virtuoso and in vue-virtual-scroller's RecycleScroller, 确认添加 behind the
// framework's own event handling), and TipTap, Quill and Slate editors. End to end in Chromium and Firefox ESR.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureApps, FIXTURE_APPS_DIR, FIXTURE_APPS_OUT } from './harness/apps';
import { BROWSERS, createFixtureRouter, loadFixturePages, sleep, type TestPage } from './harness/index';
import {
  answerDialog,
  closeCard,
  KUAISHOU_LIVE,
  LINKS,
  openDashboard,
  submitLog,
  useSession,
  waitForFlag,
} from './support';

beforeAll(async () => {
  await buildFixtureApps();
}, 120_000);

const router = createFixtureRouter({ pages: loadFixturePages(FIXTURE_APPS_DIR), dir: FIXTURE_APPS_OUT });

const app = (name: string) => ({ ...KUAISHOU_LIVE, url: `https://zs.kwaixiaodian.com/page/helper/lab/${name}` });

/** The app's own state set from outside any input event (a draft restored, a link recognised from the clipboard). */
function fillFromApp(page: TestPage, text: string): Promise<void> {
  return page.evaluate(
    (text) => (window as unknown as { fixtureApp: { fill(t: string): void } }).fixtureApp.fill(text),
    text,
  );
}

const FIELD = 'input[placeholder="粘贴商品链接"]';
const DIALOG_FIELD = '[data-dialog-field]';
const ROW = '[class*="list-container"] [class^="list-item"]';
/** Every third good of the fixture list is a 淘宝联盟 link: how many of the first `n` are banned. */
const bannedAmong = (n: number) => Math.ceil(n / 3);

describe.each(BROWSERS)('%s: the dashboards’ own libraries', (name) => {
  const session = useSession(name, { router });
  /** The app's tab, in front: a tab behind another runs no animation frames, the app's nor ours. */
  const openApp = async (page: string) => {
    const opened = await openDashboard(session(), app(page));
    await opened.page.bringToFront();
    return opened;
  };

  for (const appName of ['react-console', 'vue-console'] as const) {
    it(`${appName}: judges the controlled input, pasted into or written by the app, and guards 确认添加`, async () => {
      const { page, tabId } = await openApp(appName);
      await page.paste(FIELD, LINKS.jd);
      await waitForFlag(page, FIELD, 'banned');
      await page.clear(FIELD);
      await waitForFlag(page, FIELD, null);
      await fillFromApp(page, LINKS.taobaoAlliance);
      await waitForFlag(page, FIELD, 'banned');
      const state = await session().waitForTabState(
        tabId,
        (s) => s.findings.some((f) => f.link.text === LINKS.taobaoAlliance && f.decision.verdict === 'banned'),
        'the link the app wrote reported',
      );
      expect(state.findings.some((f) => f.link.text === LINKS.jd)).toBe(false);
      // The card the warning opened sits over the button next to the field.
      await closeCard(page, FIELD);
      await page.click('[data-submit="确认添加"]');
      await answerDialog(page, false);
      expect(await submitLog(page)).toEqual([]);
      // "Go ahead" lets the operator's next press through to the framework's own handler, with what the field holds.
      await page.click('[data-submit="确认添加"]');
      await answerDialog(page, true);
      await page.click('[data-submit="确认添加"]');
      await page.waitFor(() => document.querySelectorAll('#submit-log li').length > 0, undefined, {
        what: 'the app’s own handler',
      });
      expect(await submitLog(page)).toEqual([`确认添加 ${LINKS.taobaoAlliance}`]);
      await page.close();
    });

    it(`${appName}: judges the 添加商品 dialog each time the framework mounts it into <body>`, async () => {
      const { page, tabId } = await openApp(appName);
      // The rows the list rendered (its screen and its buffer), all judged before the dialog opens.
      const listed = await page.evaluate(
        (row) =>
          Array.from(document.querySelectorAll(row)).filter((el) => el.textContent!.includes('s.click.taobao.com'))
            .length,
        ROW,
      );
      const before = (await session().waitForTabState(tabId, (s) => s.counts.banned === listed, 'the list judged'))
        .counts;
      for (let opening = 0; opening < 2; opening++) {
        await page.click('[data-open-modal]');
        await page.paste(DIALOG_FIELD, LINKS.jd);
        await waitForFlag(page, DIALOG_FIELD, 'banned');
        await session().waitForTabState(tabId, (s) => s.counts.banned === before.banned + 1, 'the dialog’s link');
        await page.click('[data-modal-close]');
        await page.waitForNoSelector(DIALOG_FIELD);
        await session().waitForTabState(tabId, (s) => s.counts.banned === before.banned, 'the closed dialog gone');
      }
      await page.close();
    });

    it(`${appName}: judges the rows the virtual list shows as it scrolls, and counts all it showed`, async () => {
      const { page, tabId } = await openApp(appName);
      const scroller = '[class*="list-container"]';
      const rowsFlagged = () =>
        page.waitFor(
          (row) => {
            const rows = Array.from(document.querySelectorAll(row)).filter((el) => {
              const box = el.getBoundingClientRect();
              return box.height > 0 && box.bottom > 0;
            });
            return (
              rows.length > 0 &&
              rows.every(
                (el) =>
                  el.textContent!.includes('s.click.taobao.com') === (el.getAttribute('data-cartlint') === 'banned'),
              )
            );
          },
          ROW,
          { what: 'every row shown flagged by what it shows now' },
        );
      await rowsFlagged();
      let seen = 10;
      await session().waitForTabState(tabId, (s) => s.counts.banned >= bannedAmong(seen), 'the first screen');
      // A screen (400 px, 10 goods) at a time, as an operator reads the list.
      for (let top = 400; top <= 2000; top += 400) {
        await page.evaluate(
          ({ scroller, top }) => {
            const el = document.querySelector(scroller) as HTMLElement;
            el.scrollTop = top;
            el.dispatchEvent(new Event('scroll'));
          },
          { scroller, top },
        );
        await page.waitFor(
          ({ row, first }) => Array.from(document.querySelectorAll(row)).some((el) => el.textContent!.includes(first)),
          { row: ROW, first: `商品 ${top / 40 + 1}` },
          { what: `the list at ${top}px` },
        );
        await rowsFlagged();
        seen = top / 40 + 10;
        await session().waitForTabState(tabId, (s) => s.counts.banned >= bannedAmong(seen), `${top}px counted`);
      }
      // What was shown, with the lists' few rows of overscan: not the 2,000 goods the app holds.
      const { counts } = await session().waitForTabState(tabId, () => true, 'the count');
      expect(counts.banned).toBeLessThanOrEqual(bannedAmong(seen + 10));
      await page.close();
    });
  }

  for (const editor of ['tiptap', 'quill', 'slate'] as const) {
    it(`${editor}: flags a link pasted (or typed) as one link, and keeps the flag while the operator types on`, async () => {
      const { page, tabId } = await openApp('real-editors');
      const selector = `[data-editor="${editor}"]`;
      await page.waitForSelector(selector);
      // An operator clicks into the editor before pasting: the editor has taken the caret (Slate and Quill read it
      // from selectionchange, a task later) by the time the paste comes.
      await page.refocus(selector);
      await sleep(200);
      const text = `今晚讲解 ${LINKS.taobaoAlliance}`;
      // Firefox hands a paste event made by script an empty clipboardData, from which Quill and Slate take the
      // text: there the link comes in by real key presses, the way an operator types it.
      if (name === 'firefox' && editor !== 'tiptap') await page.type(selector, text);
      else await page.paste(selector, text);
      await waitForFlag(page, selector, 'banned');
      const state = await session().waitForTabState(tabId, (s) => s.counts.banned === 1, 'the link reported');
      expect(state.findings.map((f) => f.link.text)).toEqual([LINKS.taobaoAlliance]);
      await page.type(selector, ' 好物推荐');
      await waitForFlag(page, selector, 'banned');
      expect(await page.text(selector)).toContain('好物推荐');
      await page.clear(selector);
      await waitForFlag(page, selector, null);
      await session().waitForTabState(tabId, (s) => s.counts.banned === 0, 'the cleared editor');
      await page.close();
    });
  }
});
