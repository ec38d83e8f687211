// Issue 14 (red team H5, M8), in Chromium and Firefox ESR: a hostile or odd page cannot switch cartlint off or make
// the guard swallow a submit with nothing on screen. 0.1.0 created <cartlint-ui> by that fixed name: a page that
// defined a custom element of that name first stopped cartlint (attachShadow threw); page CSS hid it; a removed host
// was never re-created; fields inside the page's own <cartlint-ui> were skipped; and the guard then cancelled submits
// behind an invisible dialog.
import { describe, expect, it } from 'vitest';
import { BROWSERS, type TestPage } from './harness/index';
import {
  answerDialog,
  drawn,
  KUAISHOU_LIVE,
  LINKS,
  openDashboard,
  submitLog,
  useSession,
  waitForFlag,
} from './support';

/** What the page's script did to our host: a name defined first, a stylesheet, removals. */
const HIDE_EVERYTHING_BUT_THE_PAGE =
  'html > :not(head):not(body), [data-cartlint-ui] { display: none !important; visibility: hidden !important; ' +
  'opacity: 0 !important; width: 0 !important; transform: scale(0) !important; }';

/** The native dialogs the page showed (our fallback warning is the browser's alert), dismissed as they come. */
function recordDialogs(page: TestPage): string[] {
  const seen: string[] = [];
  const raw = page.raw as {
    on(event: 'dialog', fn: (d: { message(): string; dismiss(): Promise<void> }) => void): void;
  };
  raw.on('dialog', (dialog) => {
    seen.push(dialog.message());
    void dialog.dismiss().catch(() => undefined);
  });
  return seen;
}

/** Our dialog is on screen: the point at its middle hits our host, not something the page put over it. */
function dialogOnScreen(page: TestPage): Promise<boolean> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-cartlint-ui]');
    const dialog = host?.shadowRoot?.querySelector('.dialog');
    if (!host || !dialog) return false;
    const box = dialog.getBoundingClientRect();
    return box.width > 0 && document.elementFromPoint(box.left + box.width / 2, box.top + 10) === host;
  });
}

async function pasteBanned(page: TestPage): Promise<void> {
  await page.paste(KUAISHOU_LIVE.field, LINKS.taobaoAlliance);
  await waitForFlag(page, KUAISHOU_LIVE.field, 'banned');
}

/** Clicks the page's 确认添加 and expects our question on screen, the page's own handler held until "go ahead". */
async function expectAsked(page: TestPage): Promise<void> {
  await page.click(KUAISHOU_LIVE.submit);
  await page.waitFor(() => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.dialog') != null);
  expect(await dialogOnScreen(page)).toBe(true);
  expect(await submitLog(page)).toEqual([]);
  await answerDialog(page, false);
}

describe.each(BROWSERS)('%s: a hostile page', (name) => {
  const session = useSession(name);

  it('keeps judging, counting and guarding after the page defined a custom element of our old name', async () => {
    const { page, tabId } = await openDashboard(session(), KUAISHOU_LIVE);
    await page.evaluate(() => {
      customElements.define(
        'cartlint-ui',
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'closed' });
          }
        },
      );
    });
    // Away and back: a new page life creates its UI host again, now with the name defined.
    await page.click(KUAISHOU_LIVE.route);
    await page.evaluate(() => history.back());
    await session().waitForTabState(tabId, (s) => s.page?.url.includes('/page/helper') === true, 'back on the cart');
    await pasteBanned(page);
    await session().waitForBadge(tabId, '1');
    await expectAsked(page);
    await page.close();
  });

  it('stays visible under page CSS that hides every other element of <html>, and comes back when removed', async () => {
    const { page } = await openDashboard(session(), KUAISHOU_LIVE);
    await page.evaluate((css) => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    }, HIDE_EVERYTHING_BUT_THE_PAGE);
    await pasteBanned(page);
    // The flag is set at once, the outline drawn on the next frame.
    await page.waitFor(
      () => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.outline') != null,
    );
    expect((await drawn(page)).outlines).toEqual(['outline banned']);
    await expectAsked(page);

    await page.evaluate(() => document.querySelector('[data-cartlint-ui]')!.remove());
    await page.waitFor(() => document.querySelector('[data-cartlint-ui]')?.isConnected === true);
    await expectAsked(page);
    await page.close();
  });

  it('scans a field inside the page’s own <cartlint-ui> element', async () => {
    const { page, tabId } = await openDashboard(session(), KUAISHOU_LIVE);
    await page.evaluate(() => {
      const theirs = document.createElement('cartlint-ui');
      theirs.id = 'their-host';
      theirs.attachShadow({ mode: 'open' }).innerHTML = '<input id="inner" placeholder="粘贴商品链接">';
      document.body.append(theirs);
    });
    await page.evaluate((link) => {
      const field = document.getElementById('their-host')!.shadowRoot!.getElementById('inner') as HTMLInputElement;
      field.focus();
      document.execCommand('insertText', false, link);
    }, LINKS.taobaoAlliance);
    await page.waitFor(
      () =>
        document.getElementById('their-host')?.shadowRoot?.getElementById('inner')?.getAttribute('data-cartlint') ===
        'banned',
    );
    await session().waitForBadge(tabId, '1');
    await page.close();
  });

  it('warns with the browser’s alert and lets the next press through when the page will not let our question show', async () => {
    const { page } = await openDashboard(session(), KUAISHOU_LIVE);
    const alerts = recordDialogs(page);
    await pasteBanned(page);
    // The page takes away every element we put on <html>, each time we put it back.
    await page.evaluate(() => {
      const strip = () => {
        for (const el of Array.from(document.documentElement.children)) {
          if (el !== document.head && el !== document.body) el.remove();
        }
      };
      new MutationObserver(strip).observe(document.documentElement, { childList: true });
      strip();
    });
    await page.click(KUAISHOU_LIVE.submit);
    await expect.poll(() => alerts.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(alerts[0]).toContain('s.click.taobao.com');
    await page.click(KUAISHOU_LIVE.submit); // as the alert says: the next press goes through
    await page.waitFor(() => document.querySelector('#submit-log li') !== null, undefined, {
      what: 'the page’s own submit handler',
    });
    expect((await submitLog(page))[0]).toContain('确认添加');
    await page.close();
  });
});
