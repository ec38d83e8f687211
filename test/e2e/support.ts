// What the end-to-end files share: the links they paste, the dashboard pages they use (real URL + the fixture's
// paste field, submit control and route button), a per-file browser session, and readers for our warning UI.
import { afterAll, beforeAll } from 'vitest';
import type { Rule } from '../../src/core/types';
import { aRule } from '../support/rules';
import { launch, type BrowserName, type ExtensionSession, type LaunchOptions, type TestPage } from './harness/index';

export const LINKS = {
  /** 淘宝联盟 click link: Taobao, affiliate. Banned in every Kuaishou cart since 2022-03-01 (KS-4). */
  taobaoAlliance: 'https://s.click.taobao.com/t?e=m%3D2%26s%3Dabc&pid=mm_123_456_789',
  /** A JD item: banned in Kuaishou's live cart (KS-5), allowed in its short-video cart (KS-5-elsewhere). */
  jd: 'https://item.jd.com/100012043978.html',
  /** A 抖音小店 item: Douyin's own shop, fine on Douyin. */
  douyinShop: 'https://haohuo.jinritemai.com/views/product/item2?id=3512345678901234567',
} as const;

export interface Dashboard {
  /** The real URL the fixture page is served at. */
  url: string;
  /** Where an operator pastes a product link. */
  field: string;
  /** The page's own confirm / add control (its handler appends to #submit-log). */
  submit: string;
  /** The fixture's button that moves the single-page app to another route (history.pushState). */
  route: string;
}

/** 快手小店 直播助手: the live cart (小黄车). */
export const KUAISHOU_LIVE: Dashboard = {
  url: 'https://zs.kwaixiaodian.com/page/helper',
  field: 'input[placeholder="粘贴商品链接"]',
  submit: '[data-submit="确认添加"]',
  route: '#route-change',
};

/** 快手创作者服务平台 发布作品: the short-video cart (关联商品). */
export const KUAISHOU_VIDEO: Dashboard = {
  url: 'https://cp.kuaishou.com/article/publish/video?tabType=1',
  field: 'input[role="combobox"][aria-label="关联商品"]',
  submit: '[data-submit="发布"]',
  route: '#route-change',
};

/** 巨量百应 直播中控台: Douyin's live cart, links pasted into the DIV #shop-window-url-edit. */
export const DOUYIN_LIVE: Dashboard = {
  url: 'https://buyin.jinritemai.com/dashboard/live/control',
  field: '#shop-window-url-edit',
  submit: '[data-submit="确认添加"]',
  route: '#route-change',
};

/** 快手小店 发布商品: the product form, with a plain link-import form submitted by Enter (its own submit handler logs). */
export const KUAISHOU_GOODS: Dashboard = {
  url: 'https://s.kwaixiaodian.com/zone/goods/config/release/add',
  field: '#import-link',
  submit: '#goods-import button[type="submit"]',
  route: '#route-change',
};

let opened = 0;
/** The dashboard URL made unique per tab (the harness finds a tab's id by its URL; the fixture ignores the query). */
export function uniqueUrl(url: string): string {
  const unique = new URL(url);
  unique.searchParams.set('e2e', String(++opened));
  return unique.href;
}

/** One browser with cartlint for the whole describe block; closed after it. */
export function useSession(name: BrowserName, options: LaunchOptions = {}): () => ExtensionSession {
  let session: ExtensionSession | undefined;
  beforeAll(async () => {
    session = await launch(name, options);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error(`${name} did not launch (see the beforeAll error)`);
    return session;
  };
}

/** A dashboard tab, with its id, once the content script has reported the page to the background. */
export async function openDashboard(
  session: ExtensionSession,
  dashboard: Dashboard,
): Promise<{ page: TestPage; tabId: number }> {
  const page = await session.openDashboard(uniqueUrl(dashboard.url));
  const tabId = await session.tabIdOf(page);
  await session.waitForTabState(tabId, (state) => state.page !== null, 'the page report');
  return { page, tabId };
}

/** Waits until `selector`'s data-cartlint hook reads `flag` (null = no attribute). */
export async function waitForFlag(page: TestPage, selector: string, flag: 'banned' | 'review' | null): Promise<void> {
  await page.waitFor(
    // A missing element reads undefined, so it never passes for `null`.
    ({ selector, flag }) => document.querySelector(selector)?.getAttribute('data-cartlint') === flag,
    { selector, flag },
    { what: `${selector} data-cartlint=${flag ?? '(none)'}` },
  );
}

/** Every data-cartlint value on the page, in document order. */
export function flags(page: TestPage): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-cartlint]'), (el) => el.getAttribute('data-cartlint')!),
  );
}

/** Our drawing in our UI host's (open) shadow root ([data-cartlint-ui]): outline classes, and the text of the card and dialog if shown. */
export interface Drawn {
  outlines: string[];
  card: string | null;
  dialog: string | null;
}

export function drawn(page: TestPage): Promise<Drawn> {
  return page.evaluate(() => {
    const shadow = document.querySelector('[data-cartlint-ui]')?.shadowRoot;
    const text = (selector: string) => {
      const found = shadow?.querySelector(selector) as HTMLElement | null | undefined;
      return found ? found.innerText || found.textContent || '' : null;
    };
    return {
      outlines: Array.from(shadow?.querySelectorAll('.outline') ?? [], (box) => box.className),
      card: text('.card'),
      dialog: text('.dialog'),
    };
  });
}

/** Clicks a button of our confirmation dialog ("primary" = go ahead, otherwise cancel). */
export async function answerDialog(page: TestPage, go: boolean): Promise<void> {
  await page.waitFor(
    () => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.dialog') != null,
    undefined,
    {
      what: 'the confirmation dialog',
    },
  );
  await page.evaluate((go) => {
    const dialog = document.querySelector('[data-cartlint-ui]')!.shadowRoot!.querySelector('.dialog')!;
    const buttons = Array.from(dialog.querySelectorAll('button'));
    const button = go
      ? buttons.find((b) => b.classList.contains('primary'))
      : buttons.find((b) => !b.classList.contains('primary'));
    button!.click();
  }, go);
}

/** Closes the card a warning opened (it may sit over the page's own button), with Escape in the field, as an
 *  operator would. */
export async function closeCard(page: TestPage, field: string): Promise<void> {
  await page.refocus(field);
  await page.pressKey('Escape');
  await page.waitFor(
    () => document.querySelector('[data-cartlint-ui]')?.shadowRoot?.querySelector('.card') == null,
    undefined,
    { what: 'the card to close' },
  );
}

/** Lines the page's own submit handler wrote (the fixtures log every click on their submit controls). */
export function submitLog(page: TestPage): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('#submit-log li'), (line) => line.textContent ?? ''));
}

/** Types into a (Preact-controlled) field at once: the value through the native setter, then `input`. */
export async function fill(page: TestPage, selector: string, text: string): Promise<void> {
  await page.waitForSelector(selector);
  await page.evaluate(
    ({ selector, text }) => {
      const field = document.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
      const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(field, text);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { selector, text },
  );
}

/** A team's own rule: Kuaishou live carts take no 抖音小店 goods (no built-in rule says so; without it they are `review`). */
export const teamRule = (id: string): Rule =>
  aRule(id, {
    links: [{ source: 'douyin' }],
    summary: {
      zh: '本团队不在快手直播间挂抖音小店商品。',
      en: 'Our team puts no Douyin shop goods in Kuaishou live carts.',
    },
    advice: { zh: '改用快手小店商品。', en: 'Use Kuaishou shop goods instead.' },
  });

/** A page on a dashboard host that no adapter knows: a goods pool with a note field and a goods list. */
export const GOODS_POOL = {
  file: 'goods-pool.html',
  url: 'https://zs.kwaixiaodian.com/page/goods-pool',
  html: `<!doctype html><meta charset="utf-8"><title>选品池</title>
<form id="pool"><label>备注 <textarea name="goodsNote" rows="3" cols="60"></textarea></label></form>
<div class="poolList--Ab3Cd"><div class="poolRow--Zq9Xw"><span>商品 A</span></div>
<div class="poolRow--Zq9Xw"><span>商品 B</span></div></div>`,
};
/** The goods pool's note field. */
export const GOODS_POOL_FIELD = 'textarea[name="goodsNote"]';
