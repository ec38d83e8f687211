// Issue 11, teaching cartlint a page on a site outside the dashboards: the operator allows that one site, picks a
// field there, and the worker registers the content script on it, so the field warns at once, after a reload and
// on every later visit; once the site's access is removed from the options page, cartlint no longer runs there.
//
// How the permission is granted under automation, honestly:
//  · Firefox: the pref extensions.webextOptionalPermissionPrompts=false grants an optional permission asked for
//    during a click, as the operator's "Allow" would. The grant is asked from one of our pages by a real click
//    first, because the popup opened as a tab (popup.html?tab=ID) sees the tab's address only with that access;
//    opened from the toolbar, activeTab gives it the address and its own click asks. The popup's click then asks
//    again (granted: no prompt) and starts the picker.
//  · Chromium: playwright-core cannot answer Chromium's extension permission prompt (permissions.request stays
//    pending), and no CDP or chrome://extensions call grants an optional host. The Chromium run loads a copy of
//    the build whose manifest holds the site as a required host, which stands in for the granted one: the popup,
//    the picker, the registration and the later visits are the real ones; removing access is Firefox-only (Chrome
//    cannot remove a required host). The request inside the click is covered by src/popup/Popup.test.tsx.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_DIR } from './harness/paths';
import {
  BROWSERS,
  createFixtureRouter,
  eventually,
  loadFixturePages,
  openReadyPopup,
  sleep,
  type ExtensionSession,
  type TestPage,
} from './harness/index';
import { LINKS, flags, uniqueUrl, useSession, waitForFlag } from './support';

/** A shop's own back office: no adapter and no manifest host covers it. */
const SHOP = {
  file: 'shop-notes.html',
  url: 'https://shop.cartlint.test/goods/notes',
  html: `<!doctype html><meta charset="utf-8"><title>商品备注</title>
<form id="notes"><label>备注 <textarea name="goodsNote" rows="3" cols="60"></textarea></label></form>`,
};
const FIELD = 'textarea[name="goodsNote"]';
const ORIGIN = 'https://shop.cartlint.test/*';
/** How long a watched page takes at most to flag a paste here, with room to spare. */
const QUIET_MS = 1_500;

/** The Chromium build with the shop as a required host: the grant the prompt would give (see the top). */
function chromiumCopyWithShopGranted(): { dir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'cartlint-site-access-'));
  const dir = join(root, 'chrome');
  cpSync(CHROME_EXTENSION_DIR, dir, { recursive: true });
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(ORIGIN);
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Asks for the shop's origin from one of our pages in a real click (Firefox grants it without the prompt). */
async function grantFromOurPage(session: ExtensionSession): Promise<void> {
  const console = await session.console();
  await console.evaluate((origin) => {
    const g = globalThis as unknown as { browser?: any; chrome?: any };
    const button = document.createElement('button');
    button.id = 'e2e-grant';
    button.textContent = 'grant';
    button.onclick = () => void (g.browser ?? g.chrome).permissions.request({ origins: [origin] });
    document.body.prepend(button);
  }, ORIGIN);
  await console.click('#e2e-grant');
  await eventually(
    () =>
      console.evaluate((origin) => {
        const g = globalThis as unknown as { browser?: any; chrome?: any };
        return (g.browser ?? g.chrome).permissions.contains({ origins: [origin] }) as Promise<boolean>;
      }, ORIGIN),
    { what: `${ORIGIN} granted` },
  );
  await console.evaluate(() => document.getElementById('e2e-grant')?.remove());
}

async function registeredMatches(session: ExtensionSession): Promise<string[]> {
  const console = await session.console();
  return console.evaluate(async () => {
    const g = globalThis as unknown as { browser?: any; chrome?: any };
    const scripts = (await (g.browser ?? g.chrome).scripting.getRegisteredContentScripts()) as { matches?: string[] }[];
    return scripts.flatMap((script) => script.matches ?? []);
  });
}

async function pickerOpen(page: TestPage): Promise<void> {
  await page.waitFor(
    () =>
      Array.from(document.querySelectorAll('[data-cartlint-ui]')).some((h) =>
        h.shadowRoot?.querySelector('.picker-panel'),
      ),
    undefined,
    { what: 'the picker in the page' },
  );
}

/** Chooses the surface in the picker's panel and saves the picked field. */
async function savePick(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    const hosts = Array.from(document.querySelectorAll('[data-cartlint-ui]'));
    const shadow = hosts.map((host) => host.shadowRoot!).find((root) => root.querySelector('.picker-panel'))!;
    const surface = shadow.querySelector('#picker-surface') as HTMLSelectElement;
    surface.value = 'live-cart';
    (shadow.querySelector('.picker-save') as HTMLButtonElement).click();
  });
}

describe.each(BROWSERS)('%s: a watch rule on a site outside the dashboards', (name) => {
  const copy = name === 'chromium' ? chromiumCopyWithShopGranted() : null;
  afterAll(() => copy?.remove());
  const router = createFixtureRouter({ pages: [...loadFixturePages(), SHOP] });
  const session = useSession(
    name,
    copy ? { router, extensionDir: copy.dir } : { router, grantOptionalPermissions: true },
  );

  it('runs there once allowed and picked: warns on paste, after a reload, and stops when access is removed', async () => {
    const visit = async () => {
      const opened = await session().openDashboard(uniqueUrl(SHOP.url));
      await opened.waitForSelector(FIELD);
      return opened;
    };
    let page = await visit();
    try {
      // Not a dashboard and no watch rule: cartlint is not there.
      await page.paste(FIELD, LINKS.taobaoAlliance);
      await sleep(QUIET_MS);
      expect(await flags(page)).toEqual([]);

      if (name === 'firefox') await grantFromOurPage(session());
      const tabId = await session().tabIdOf(page);
      const popup = await openReadyPopup(session(), tabId);
      expect(await popup.text('.pick-asks')).toContain('shop.cartlint.test');
      await popup.click('button.pick-start');
      await popup.waitForSelector('.pick [role="status"]');
      await popup.close();

      await pickerOpen(page);
      await page.click(FIELD);
      await savePick(page);
      const rules = await eventuallyRules(session(), 1);
      expect(rules[0]).toMatchObject({ host: 'shop.cartlint.test', path: '/goods/notes', fields: [FIELD] });
      // The rule is stored before the worker registers the content script: wait for that too.
      await eventually(async () => (await registeredMatches(session())).join() === ORIGIN, {
        what: 'the content script registered on the shop',
      });

      // Started in this tab at once.
      await page.clear(FIELD);
      await page.paste(FIELD, LINKS.taobaoAlliance);
      await waitForFlag(page, FIELD, 'banned');

      // A reload: the registered content script runs on the new document.
      await page.evaluate(() => {
        (window as unknown as { beforeReload?: boolean }).beforeReload = true;
        setTimeout(() => location.reload(), 0);
      });
      await page.waitFor(
        (field) =>
          !(window as unknown as { beforeReload?: boolean }).beforeReload && document.querySelector(field) !== null,
        FIELD,
        { what: 'the reloaded page' },
      );
      await page.paste(FIELD, LINKS.jd);
      await waitForFlag(page, FIELD, 'banned');

      // A later visit in a new tab.
      await page.close();
      page = await visit();
      await page.paste(FIELD, LINKS.taobaoAlliance);
      await waitForFlag(page, FIELD, 'banned');

      if (name === 'firefox') {
        const options = await session().openExtensionPage('options.html');
        await options.waitForSelector(`li[data-origin="${ORIGIN}"] button`);
        expect(await options.text(`li[data-origin="${ORIGIN}"]`)).toContain(rules[0]!.id);
        await options.click(`li[data-origin="${ORIGIN}"] button`);
        await options.waitForNoSelector(`li[data-origin="${ORIGIN}"]`);
        await options.close();
        await eventually(async () => (await registeredMatches(session())).length === 0, {
          what: 'the content script unregistered',
        });
        await page.close();
        page = await visit();
        await page.paste(FIELD, LINKS.taobaoAlliance);
        await sleep(QUIET_MS);
        expect(await flags(page)).toEqual([]);
      }
    } finally {
      const { watchRules } = await session().request({ type: 'config/get' });
      for (const rule of watchRules) await session().request({ type: 'watch/delete', id: rule.id });
      await page.close();
    }
  });
});

async function eventuallyRules(session: ExtensionSession, count: number) {
  return eventually(
    async () => {
      const { watchRules } = await session.request({ type: 'config/get' });
      return watchRules.length === count ? watchRules : null;
    },
    { what: `${count} watch rule(s)` },
  );
}
