// How real consoles are built, end to end in Chromium and Firefox ESR: a React-style field that the page re-renders
// (a new node with the value written back, no event), real typing, micro-frontends in an open shadow root
// (视频号 发表动态) and in a same-origin iframe (视频号 直播), and the badge's colour for banned vs review-only.
import { describe, expect, it } from 'vitest';
import { BROWSERS, eventually, type TestPage } from './harness/index';
import { KUAISHOU_LIVE, LINKS, flags, openDashboard, useSession, waitForFlag, type Dashboard } from './support';

const WEIXIN_LIVE_IFRAME: Dashboard = {
  url: 'https://channels.weixin.qq.com/platform/live/liveBuild',
  field: '[data-fixture-field]',
  submit: '[data-submit="添加"]',
  route: '#route-change',
};
const WEIXIN_POST_SHADOW: Dashboard = {
  url: 'https://channels.weixin.qq.com/platform/post/create',
  field: '[data-fixture-field]',
  submit: '[data-submit="发表"]',
  route: '#route-change',
};

type Inside = 'shadow' | 'iframe';

/** The paste of TestPage.paste, into a field inside the page's micro-frontend (shadow root or same-origin frame). */
async function pasteInside(page: TestPage, inside: Inside, text: string): Promise<void> {
  await page.evaluate(
    ({ inside, text }) => {
      const root =
        inside === 'shadow'
          ? document.querySelector('[data-shadow-host]')!.shadowRoot!
          : (document.querySelector('iframe[data-frame-host]') as HTMLIFrameElement).contentDocument!;
      const doc = inside === 'shadow' ? document : (root as Document);
      const field = root.querySelector('[data-fixture-field]') as HTMLInputElement;
      field.focus();
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const event = new ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      if (field.dispatchEvent(event)) doc.execCommand('insertText', false, text);
    },
    { inside, text },
  );
}

function flagInside(page: TestPage, inside: Inside): Promise<string | null> {
  return page.evaluate((inside) => {
    const root =
      inside === 'shadow'
        ? document.querySelector('[data-shadow-host]')?.shadowRoot
        : (document.querySelector('iframe[data-frame-host]') as HTMLIFrameElement | null)?.contentDocument;
    return root?.querySelector('[data-fixture-field]')?.getAttribute('data-cartlint') ?? null;
  }, inside);
}

describe.each(BROWSERS)('%s: page structures', (name) => {
  const session = useSession(name);

  it('keeps the warning when the page re-renders the field (new node, value written back without an event)', async () => {
    const { page } = await openDashboard(session(), KUAISHOU_LIVE);
    await page.paste(KUAISHOU_LIVE.field, LINKS.taobaoAlliance);
    await waitForFlag(page, KUAISHOU_LIVE.field, 'banned');
    await page.evaluate((selector) => {
      (document.querySelector(selector) as HTMLElement & { __before?: boolean }).__before = true;
    }, KUAISHOU_LIVE.field);

    await page.click('#rerender');
    await page.waitFor(
      (selector) => {
        const field = document.querySelector(selector) as (HTMLInputElement & { __before?: boolean }) | null;
        return field !== null && !field.__before && field.getAttribute('data-cartlint') === 'banned';
      },
      KUAISHOU_LIVE.field,
      { what: 'the re-rendered field flagged' },
    );
    expect(await flags(page)).toEqual(['banned']);
    await page.close();
  });

  it('judges the rows of the cart list by their links and source badges', async () => {
    // ?demo=1 fills the 小黄车商品 list: 淘宝联盟 badge + link, a 京东 badge alone, a t.cn short link, a 快手小店 item.
    const { page, tabId } = await openDashboard(session(), { ...KUAISHOU_LIVE, url: `${KUAISHOU_LIVE.url}?demo=1` });
    const rows = '[data-fixture-rows] > [data-index]';
    await page.waitFor(
      (rows) =>
        Array.from(document.querySelectorAll(rows), (row) => row.getAttribute('data-cartlint')).join() ===
        'banned,banned,review,',
      rows,
      { what: 'rows flagged banned, banned, review, none' },
    );
    const state = await session().waitForTabState(tabId, (s) => s.findings.some((f) => f.id.startsWith('row 2')));
    const byRow = (n: number) =>
      state.findings
        .filter((f) => f.id.startsWith(`row ${n}@`))
        .map((f) => [f.link.kind, f.link.source, f.decision.verdict]);
    expect(byRow(1)).toEqual(expect.arrayContaining([['badge', 'taobao', 'banned']]));
    expect(byRow(2)).toEqual([['badge', 'jd', 'banned']]);
    expect(byRow(3)).toEqual([['short-link', 'shortener', 'review']]);
    expect(byRow(4).every(([, source, verdict]) => source === 'kuaishou' && verdict === 'allowed')).toBe(true);
    await page.close();
  });

  it('judges a link typed key by key', async () => {
    const { page, tabId } = await openDashboard(session(), KUAISHOU_LIVE);
    await page.type(KUAISHOU_LIVE.field, LINKS.jd);
    await waitForFlag(page, KUAISHOU_LIVE.field, 'banned');
    const state = await session().waitForTabState(tabId, (s) => s.findings.some((f) => f.link.text === LINKS.jd));
    expect(state.findings.map((f) => f.link.source)).toEqual(['jd']);
    await page.close();
  });

  it.each([
    ['an open shadow root', WEIXIN_POST_SHADOW, 'shadow'],
    ['a same-origin iframe', WEIXIN_LIVE_IFRAME, 'iframe'],
  ] as const)('watches fields inside %s', async (_, dashboard, inside) => {
    const { page, tabId } = await openDashboard(session(), dashboard);
    await page.waitFor((inside) => {
      const root =
        inside === 'shadow'
          ? document.querySelector('[data-shadow-host]')?.shadowRoot
          : (document.querySelector('iframe[data-frame-host]') as HTMLIFrameElement | null)?.contentDocument;
      return root?.querySelector('[data-fixture-field]') != null;
    }, inside);
    await pasteInside(page, inside, LINKS.taobaoAlliance);

    // 视频号 reviews every third-party source (WX-1).
    const state = await session().waitForTabState(tabId, (s) =>
      s.findings.some((f) => f.link.text === LINKS.taobaoAlliance),
    );
    expect(state.page?.platform).toBe('weixin');
    expect(state.findings.find((f) => f.link.text === LINKS.taobaoAlliance)!.decision.verdict).toBe('review');
    await page.waitFor(
      (inside) => {
        const root =
          inside === 'shadow'
            ? document.querySelector('[data-shadow-host]')?.shadowRoot
            : (document.querySelector('iframe[data-frame-host]') as HTMLIFrameElement | null)?.contentDocument;
        return root?.querySelector('[data-fixture-field]')?.getAttribute('data-cartlint') === 'review';
      },
      inside,
      { what: `the field inside ${inside} flagged review` },
    );
    expect(await flagInside(page, inside)).toBe('review');
    await page.close();
  });

  it('paints the badge amber for links to check only, red once one is banned', async () => {
    const { page, tabId } = await openDashboard(session(), KUAISHOU_LIVE);
    // A short link hides its target: to check.
    await page.paste(KUAISHOU_LIVE.field, 'https://t.cn/R123456');
    await waitForFlag(page, KUAISHOU_LIVE.field, 'review');
    await session().waitForBadge(tabId, '1');
    const AMBER = [0xf9, 0xab, 0x00];
    const RED = [0xc5, 0x22, 0x1f];
    const rgb = async () => (await session().badgeColor(tabId)).slice(0, 3);
    expect(await rgb()).toEqual(AMBER);

    await page.paste(KUAISHOU_LIVE.field, ` ${LINKS.taobaoAlliance}`);
    await waitForFlag(page, KUAISHOU_LIVE.field, 'banned');
    await eventually(async () => JSON.stringify(await rgb()) === JSON.stringify(RED), { what: 'a red badge' });
    expect(await session().badgeText(tabId)).toBe('1');
    await page.close();
  });
});
