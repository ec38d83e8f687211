// Issue 3 end to end, in Chromium and Firefox ESR: the content script on the real dashboard URLs warns while the
// cart is edited, the background counts on the badge, and the page's own submit still runs when the operator
// says so.
import { describe, expect, it } from 'vitest';
import { BROWSERS, eventually, openReadyPopup } from './harness/index';
import {
  DOUYIN_LIVE,
  KUAISHOU_GOODS,
  KUAISHOU_LIVE,
  KUAISHOU_VIDEO,
  LINKS,
  answerDialog,
  drawn,
  flags,
  openDashboard,
  submitLog,
  useSession,
  waitForFlag,
} from './support';

describe.each(BROWSERS)('%s: warnings while the cart is edited', (name) => {
  const session = useSession(name);

  it('flags a 淘宝联盟 link pasted into the Kuaishou live cart: hook, outline, card and badge', async () => {
    const { page, tabId } = await openDashboard(session(), KUAISHOU_LIVE);
    await session().waitForBadge(tabId, '');
    await page.paste(KUAISHOU_LIVE.field, LINKS.taobaoAlliance);

    await waitForFlag(page, KUAISHOU_LIVE.field, 'banned');
    await session().waitForBadge(tabId, '1');
    const state = await session().waitForTabState(tabId, (s) =>
      s.findings.some((f) => f.link.text === LINKS.taobaoAlliance),
    );
    expect(state.page).toMatchObject({ platform: 'kuaishou', surface: 'live-cart', adapter: 'kuaishou-live-helper' });
    const finding = state.findings.find((f) => f.link.text === LINKS.taobaoAlliance)!;
    expect(finding.link).toMatchObject({ source: 'taobao', affiliate: true });
    expect(finding.decision).toMatchObject({ verdict: 'banned', rule: 'KS-4' });

    // The field still has the focus from the paste: the card opens without leaving and coming back, and the
    // focus stays in the field.
    await page.waitFor(
      () => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.card') != null,
      undefined,
      {
        what: 'the warning card',
      },
    );
    const ui = await drawn(page);
    expect(ui.outlines).toContainEqual(expect.stringContaining('banned'));
    expect(ui.card).toContain('2022-03-01');
    expect(await page.evaluate((s) => document.activeElement === document.querySelector(s), KUAISHOU_LIVE.field)).toBe(
      true,
    );
    await page.close();
  });

  it('copies the card’s notice, worded by the worker: the link, the rule and its date', async () => {
    const { page } = await openDashboard(session(), KUAISHOU_LIVE);
    await page.paste(KUAISHOU_LIVE.field, LINKS.taobaoAlliance);
    await waitForFlag(page, KUAISHOU_LIVE.field, 'banned');
    await page.evaluate(() => navigator.clipboard.writeText('before').catch(() => undefined));
    await page.waitFor(() => {
      const button = document
        .querySelector('[data-cartlint-ui]')
        ?.shadowRoot?.querySelector<HTMLElement>('.card button');
      button?.click();
      return button != null;
    });
    // The clipboard where the browser lets our script write it; else the notice stays selected in the card.
    const copied = await eventually(
      async () => {
        const fallback = await page.evaluate(
          () =>
            document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector<HTMLTextAreaElement>('.copy-area')
              ?.value ?? null,
        );
        const text = fallback ?? (await page.evaluate(() => navigator.clipboard.readText().catch(() => '')));
        return text.includes(LINKS.taobaoAlliance) ? text : null;
      },
      { what: 'the card’s notice on the clipboard or selected' },
    );
    expect(copied).toContain('KS-4');
    expect(copied).toContain('2022-03-01');
    await page.close();
  });

  it('leaves a 抖音小店 link on the Douyin live console alone', async () => {
    const { page, tabId } = await openDashboard(session(), DOUYIN_LIVE);
    await page.paste(DOUYIN_LIVE.field, LINKS.douyinShop);

    // Judged (the report counts it, allowed, and lists nothing), and nothing drawn or counted on the badge.
    const state = await session().waitForTabState(tabId, (s) => s.counts.allowed === 1);
    expect(state.page).toMatchObject({ platform: 'douyin', surface: 'live-cart' });
    expect(state.findings).toEqual([]);
    expect(await flags(page)).toEqual([]);
    expect((await drawn(page)).outlines).toEqual([]);
    expect(await session().badgeText(tabId)).toBe('');
    await page.close();
  });

  it('bans a JD link in the Kuaishou live cart but allows it in the short-video cart', async () => {
    const live = await openDashboard(session(), KUAISHOU_LIVE);
    await live.page.paste(KUAISHOU_LIVE.field, LINKS.jd);
    await waitForFlag(live.page, KUAISHOU_LIVE.field, 'banned');
    await session().waitForBadge(live.tabId, '1');

    const video = await openDashboard(session(), KUAISHOU_VIDEO);
    await video.page.paste(KUAISHOU_VIDEO.field, LINKS.jd);
    const state = await session().waitForTabState(video.tabId, (s) => s.counts.allowed === 1);
    expect(state.page).toMatchObject({ platform: 'kuaishou', surface: 'video-cart' });
    expect(state.counts).toEqual({ banned: 0, review: 0, allowed: 1 });
    expect(await flags(video.page)).toEqual([]);
    expect(await session().badgeText(video.tabId)).toBe('');
    await live.page.close();
    await video.page.close();
  });

  it('judges links pasted from machine text as the core reads them: a CSV row, an Android intent, a pattern', async () => {
    const jd = 'https://item.jd.com/100061234567.html';
    const intent =
      'intent://detail.m.tmall.com/item.htm?id=709876543210#Intent;scheme=tmall;package=com.tmall.wireless;end';
    const jinbao = 'https://jinbao.pinduoduo.com/goods-detail?s=Y9z2s_dyW-dU8';
    const { page, tabId } = await openDashboard(session(), KUAISHOU_LIVE);
    await page.paste(
      KUAISHOU_LIVE.field,
      `sku_8,vivo,jd,${jd},https://img.jd.com/x100.jpg ${intent} ${jinbao} "https://haohuo.jinritemai.com/*"`,
    );
    // Three links judged, each its own finding; the match pattern is none.
    const state = await session().waitForTabState(tabId, (s) => s.findings.length === 3);
    expect(state.findings.map((f) => [f.link.text, f.link.source])).toEqual([
      [jd, 'jd'],
      [intent, 'tmall'],
      [jinbao, 'pinduoduo'],
    ]);
    expect(state.counts.banned + state.counts.review + state.counts.allowed).toBe(3);
    await waitForFlag(page, KUAISHOU_LIVE.field, 'banned');
    await page.close();
  });

  it('clears the old page’s findings and badge on a single-page-app route change', async () => {
    const { page, tabId } = await openDashboard(session(), KUAISHOU_LIVE);
    await page.paste(KUAISHOU_LIVE.field, LINKS.taobaoAlliance);
    await session().waitForBadge(tabId, '1');
    const before = page.url();

    await page.click(KUAISHOU_LIVE.route);
    await page.waitFor((before) => location.href !== before, before, { what: 'the route to change' });
    await session().waitForBadge(tabId, '');
    const state = await session().waitForTabState(
      tabId,
      (s) => s.findings.length === 0 && s.page?.url !== before,
      'the new route’s report',
    );
    expect(state.findings).toEqual([]);
    expect(await flags(page)).toEqual([]);
    // The popup for the tab has nothing left to list.
    const popup = await openReadyPopup(session(), tabId);
    expect(
      await popup.evaluate(() => [
        document.querySelectorAll('.finding').length,
        document.querySelector('.empty') !== null,
      ]),
    ).toEqual([0, true]);
    await popup.close();
    await page.close();
  });

  it('asks before the page’s submit runs with a banned link; confirmed, the next press runs the page’s handler once', async () => {
    const { page } = await openDashboard(session(), KUAISHOU_LIVE);
    await page.paste(KUAISHOU_LIVE.field, LINKS.taobaoAlliance);
    await waitForFlag(page, KUAISHOU_LIVE.field, 'banned');
    // Escape puts the card opened by the paste away without moving the focus (the page still gets the key).
    await page.waitFor(
      () => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.card') != null,
      undefined,
      {
        what: 'the warning card',
      },
    );
    await page.pressKey('Escape');
    await page.waitFor(
      () => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.card') == null,
      undefined,
      {
        what: 'the card to close',
      },
    );

    // Cancel: the page's handler does not run.
    await page.click(KUAISHOU_LIVE.submit);
    await answerDialog(page, false);
    await page.waitFor(
      () => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.dialog') == null,
      undefined,
      {
        what: 'the dialog to close',
      },
    );
    expect(await submitLog(page)).toEqual([]);

    // Go ahead: nothing is replayed; the operator's next press runs the page's handler, once.
    await page.click(KUAISHOU_LIVE.submit);
    expect((await drawn(page)).dialog).toContain('2022-03-01');
    await answerDialog(page, true);
    expect(await submitLog(page)).toEqual([]);
    await page.click(KUAISHOU_LIVE.submit);
    await page.waitFor(() => document.querySelector('#submit-log li') !== null, undefined, {
      what: 'the page’s own submit handler',
    });
    expect(await submitLog(page)).toHaveLength(1);
    await page.close();
  });

  it('asks before Enter submits a form with a banned link; confirmed, the next Enter runs the form’s submit once', async () => {
    const { page } = await openDashboard(session(), KUAISHOU_GOODS);
    const url = page.url();
    await page.paste(KUAISHOU_GOODS.field, LINKS.taobaoAlliance);
    await waitForFlag(page, KUAISHOU_GOODS.field, 'banned');

    await page.pressKey('Enter'); // the focus is still in the field from the paste
    await page.waitFor(
      () => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.dialog') != null,
      undefined,
      {
        what: 'the confirmation dialog',
      },
    );
    expect((await drawn(page)).dialog).toContain('2022-03-01');
    expect(await submitLog(page)).toEqual([]);

    await answerDialog(page, true);
    await page.refocus(KUAISHOU_GOODS.field);
    await page.pressKey('Enter'); // the operator's own Enter goes through now
    await page.waitFor(() => document.querySelector('#submit-log li') !== null, undefined, {
      what: 'the form’s own submit handler',
    });
    expect(await submitLog(page)).toEqual([`导入 ${LINKS.taobaoAlliance}`]);
    expect(page.url()).toBe(url); // the page's handler kept it on the page: submitted once, not sent away
    await page.close();
  });

  it('lets the page’s submit run directly when nothing is banned', async () => {
    const { page, tabId } = await openDashboard(session(), KUAISHOU_LIVE);
    await page.paste(KUAISHOU_LIVE.field, 'https://app.kwaixiaodian.com/merchant/shop/detail?id=2000001');
    await session().waitForTabState(tabId, (s) => s.counts.allowed > 0, 'the allowed link judged');
    await page.click(KUAISHOU_LIVE.submit);
    await page.waitFor(() => document.querySelector('#submit-log li') !== null, undefined, {
      what: 'the page’s own submit handler',
    });
    expect((await drawn(page)).dialog).toBeNull();
    expect(await submitLog(page)).toHaveLength(1);
    await page.close();
  });
});
