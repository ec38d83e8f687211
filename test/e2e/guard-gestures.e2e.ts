// Issue 14 (red team M1, M2, L5), in Chromium and Firefox ESR: the guard judges the form as it is at the gesture and
// holds every way a page's submit control acts. 0.1.0 read the verdicts of the last scan (a value a script set just
// before the click, or a paste and click in one task, went through), looked for a label only 6 levels up, knew only
// exact labels, held clicks but not presses, and on "go ahead" replayed an untrusted click that `isTrusted`
// handlers ignore.
import { describe, expect, it } from 'vitest';
import { BROWSERS, type TestPage } from './harness/index';
import { answerDialog, KUAISHOU_LIVE, LINKS, openDashboard, useSession, waitForFlag } from './support';

/** Page controls next to the cart's own, each logging to #gesture-log what its handler saw. */
function addControls(page: TestPage): Promise<void> {
  return page.evaluate(() => {
    const log = (line: string) => {
      const li = document.createElement('li');
      li.textContent = line;
      document.getElementById('gesture-log')!.append(li);
    };
    const box = document.createElement('div');
    box.innerHTML =
      '<button id="trusted" type="button">确定</button>' +
      '<button id="press" type="button">确认添加</button>' +
      '<button id="deep" type="button"><span><span><span><span><span><span><span><span>' +
      '<svg width="16" height="16"><path id="deep-path" d="M0 0h16v16H0z"/></svg></span></span></span></span></span>' +
      '</span></span></span>确认添加</button>' +
      '<button id="counted" type="button">确认添加（1件）</button><ol id="gesture-log"></ol>';
    document.body.prepend(box);
    document.getElementById('trusted')!.addEventListener('click', (e) => log(e.isTrusted ? 'trusted' : 'untrusted'));
    document.getElementById('press')!.addEventListener('mousedown', () => log('press'));
    document.getElementById('deep')!.addEventListener('click', () => log('deep'));
    document.getElementById('counted')!.addEventListener('click', () => log('counted'));
  });
}

const gestureLog = (page: TestPage) =>
  page.evaluate(() => Array.from(document.querySelectorAll('#gesture-log li'), (li) => li.textContent ?? ''));
const dialogShown = (page: TestPage) =>
  page.evaluate(() => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.dialog') != null);

async function expectHeld(page: TestPage, selector: string): Promise<void> {
  await page.click(selector);
  await page.waitFor(() => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.dialog') != null);
  expect(await gestureLog(page), selector).toEqual([]);
  await answerDialog(page, false);
}

describe.each(BROWSERS)('%s: the guard at the gesture', (name) => {
  const session = useSession(name);

  it('holds presses, deep icons and counted labels, and lets the operator’s own next click through', async () => {
    const { page } = await openDashboard(session(), KUAISHOU_LIVE);
    await addControls(page);
    await page.paste(KUAISHOU_LIVE.field, LINKS.taobaoAlliance);
    await waitForFlag(page, KUAISHOU_LIVE.field, 'banned');
    await expectHeld(page, '#press');
    await expectHeld(page, '#deep-path');
    await expectHeld(page, '#counted');

    await page.click('#trusted');
    await answerDialog(page, true);
    expect(await gestureLog(page)).toEqual([]); // nothing replayed
    await page.click('#trusted');
    await page.waitFor(() => document.querySelector('#gesture-log li') !== null);
    expect(await gestureLog(page)).toEqual(['trusted']);
    await page.close();
  });

  it('judges the field as it is at the click: set by script just before, or pasted in the same task', async () => {
    const { page } = await openDashboard(session(), KUAISHOU_LIVE);
    // A React-style controlled field filled by the page's own script: no event at all, then the operator clicks.
    await page.evaluate(
      ({ selector, link }) => {
        const field = document.querySelector(selector) as HTMLInputElement;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, link);
      },
      { selector: KUAISHOU_LIVE.field, link: LINKS.taobaoAlliance },
    );
    await page.click(KUAISHOU_LIVE.submit);
    await page.waitFor(
      () => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.dialog') != null,
    );
    await answerDialog(page, false);
    await page.evaluate((selector) => {
      const field = document.querySelector(selector) as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, '');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }, KUAISHOU_LIVE.field);
    await waitForFlag(page, KUAISHOU_LIVE.field, null);

    // A form filler: paste and click in one task.
    await page.evaluate(
      ({ selector, submit, link }) => {
        const field = document.querySelector(selector) as HTMLInputElement;
        field.focus();
        document.execCommand('insertText', false, link);
        (document.querySelector(submit) as HTMLElement).click();
      },
      { selector: KUAISHOU_LIVE.field, submit: KUAISHOU_LIVE.submit, link: LINKS.taobaoAlliance },
    );
    expect(await dialogShown(page)).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('#submit-log li').length)).toBe(0);
    await page.close();
  });
});
