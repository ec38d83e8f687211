// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { combinedNotice, notice } from '../core/notice';
import type { PageInfo, Request, Settings, TabFinding } from '../protocol';
import { t } from '../i18n';
import {
  buttonWithText,
  buttonsWithText,
  change,
  click,
  fakeConfigChanges,
  mount,
  recordingClient,
  settle,
  unmountAll,
} from '../../test/support/preact';
import { contentIn, fakeBrowser, page, startBackground } from '../../test/support/fake-browser';
import { aConfig, aRule } from '../../test/support/rules';
import { decide } from '../core/decide';
import type { LinkFinding } from '../core/types';
import { POPUP_READY_MARK, type PopupEnv } from './env';
import { Popup } from './Popup';

afterEach(unmountAll);

const AT = '2024-06-01T10:00:00+08:00';
const PAGE_URL = 'https://zs.kwaixiaodian.com/page/helper';
const RULES = aConfig().rules;
const TAOBAO_LINK = 'https://s.click.taobao.com/t?e=m%3D2%26s%3Dabcdefghijklmnopqrstuvwxyz0123456789&pid=mm_1_2_3';

const link = (text: string, source: LinkFinding['source'], affiliate: boolean | null): LinkFinding => ({
  text,
  start: 0,
  end: text.length,
  source,
  affiliate,
  kind: 'url',
  evidence: 'test',
});

function judged(id: string, found: LinkFinding, where = '粘贴商品链接'): TabFinding {
  return { id, where, link: found, decision: decide(found, 'kuaishou', 'live-cart', new Date(AT), RULES) };
}

/** In the order the page reported them: allowed first, so the popup's sorting is visible. */
const FINDINGS: TabFinding[] = [
  judged('f-own', link('https://app.kwaixiaodian.com/merchant/shop/detail?id=1234567', 'kuaishou', false)),
  judged('f-taobao', link(TAOBAO_LINK, 'taobao', true)),
  judged('f-short', { ...link('https://t.cn/A6xYz12', 'shortener', null), kind: 'short-link' }),
  judged('f-jd', link('https://item.jd.com/100012043978.html', 'jd', false), '小黄车商品 · row 2'),
];

const PAGE: PageInfo = page({ url: PAGE_URL, pattern: 'kuaishou-live-helper /page/helper' });

interface Start {
  /** What the content script in tab 7 reported; null: nothing yet. */
  report?: { page: PageInfo; findings: TabFinding[] } | null;
  settings?: Partial<Settings>;
  /** The organisation's policy (storage.managed). */
  managed?: Record<string, unknown>;
  /** Stands between the popup and the background, e.g. to hold or drop a request. */
  transport?: (message: unknown, background: (message: unknown) => Promise<unknown> | undefined) => Promise<unknown>;
}

/** The popup of tab 7 on the real background handler over fake browser ports. */
async function setup(
  { report = { page: PAGE, findings: FINDINGS }, settings, managed = {}, transport }: Start = {},
  envPatch: Partial<PopupEnv> = {},
) {
  const browser = fakeBrowser({ managed });
  browser.tabs.tabs = [{ id: 7, url: PAGE_URL, active: true, listening: true }];
  const background = startBackground(browser);
  if (settings) await background.send({ type: 'settings/set', patch: settings });
  const reportPage = (sent: { page: PageInfo; findings: TabFinding[] }) =>
    background.send({ type: 'tab/report', ...sent, at: AT }, contentIn(7, PAGE_URL));
  if (report) await reportPage(report);
  const toBackground = (message: unknown) => background.send(message);
  const recorded = recordingClient((message) => (transport ? transport(message, toBackground) : toBackground(message)));
  const writeText = vi.fn((_text: string) => Promise.resolve());
  const reloadTab = vi.fn((_tabId: number) => Promise.resolve());
  const openOptions = vi.fn(() => Promise.resolve());
  const changes = fakeConfigChanges();
  const env: PopupEnv = {
    client: recorded.client,
    resolveTab: async () => ({ id: 7, url: PAGE_URL }),
    uiLocale: 'en-US',
    clipboard: { writeText },
    watchedPages: [
      { platform: 'kuaishou', host: 'zs.kwaixiaodian.com' },
      { platform: 'kuaishou', host: 'cps.kwaixiaodian.com' },
      { platform: 'douyin', host: 'buyin.jinritemai.com' },
    ],
    reloadTab,
    openOptions,
    refreshMs: 0,
    onConfigChanged: changes.onConfigChanged,
    ...envPatch,
  };
  return {
    ...recorded,
    browser,
    background,
    reportPage,
    writeText,
    reloadTab,
    openOptions,
    changes,
    env,
    open: () => mount(<Popup env={env} />),
  };
}

const items = (root: HTMLElement) => [...root.querySelectorAll<HTMLLIElement>('li.finding')];
const ctx = { platform: 'kuaishou', surface: 'live-cart', rules: RULES } as const;

describe('popup findings', () => {
  it('marks the moment its tab view first renders, once, for the open-time benchmark', async () => {
    performance.clearMarks(POPUP_READY_MARK);
    const { open } = await setup();
    const root = await open();
    await settle();
    expect(items(root).length).toBeGreaterThan(0);
    expect(performance.getEntriesByName(POPUP_READY_MARK)).toHaveLength(1);
  });

  it('asks for the resolved tab and lists every finding, banned first, then to check, then allowed', async () => {
    const { open, sentOf } = await setup();
    const root = await open();
    expect(sentOf('tab/state')).toEqual([{ type: 'tab/state', tabId: 7 }]);
    expect(items(root).map((li) => li.querySelector('.verdict')!.textContent)).toEqual([
      '✕Banned',
      '✕Banned',
      '⚠Check',
      '✓Allowed',
    ]);
    expect(root.querySelector('.page-platform')!.textContent).toContain('Kuaishou');
    expect(root.querySelector('.page-at')!.textContent).toContain('2024-06-01 10:00');
  });

  it('shows the link shortened with the full link on hover, the source, affiliate or not, the rule and its reports', async () => {
    const root = await (await setup()).open();
    const taobao = items(root).find((li) => li.querySelector('.finding-link')!.getAttribute('title') === TAOBAO_LINK)!;
    const shown = taobao.querySelector('.finding-link')!.textContent!;
    expect(shown.length).toBeLessThan(TAOBAO_LINK.length);
    expect(shown).toContain('…');
    expect(taobao.querySelector('.finding-source')!.textContent).toBe('Taobao · affiliate (alliance) link');
    expect(taobao.querySelector('.finding-reason')!.textContent).toContain('KS-4 since 2022-03-01');
    const announcement = taobao.querySelector('.finding-announcement')!.textContent!;
    expect(announcement).toMatch(/^Announced: .+ \(2022-02-22\) · reported by .+, /);
    const reports = [...taobao.querySelectorAll<HTMLAnchorElement>('.finding-announcement a')];
    expect(reports.length).toBeGreaterThan(0);
    for (const a of reports) {
      expect(a.target).toBe('_blank');
      expect(a.rel).toContain('noopener');
    }
  });

  it('copies the notice of one finding from the click and says so', async () => {
    const { open, writeText } = await setup();
    const root = await open();
    const taobao = FINDINGS.find((f) => f.id === 'f-taobao')!;
    const button = items(root)
      .find((li) => li.querySelector('.finding-link')!.getAttribute('title') === TAOBAO_LINK)!
      .querySelector<HTMLButtonElement>('button.copy')!;
    await click(button);
    expect(writeText).toHaveBeenCalledWith(notice(taobao, { ...ctx, lang: 'en' }));
    expect(button.textContent).toBe('Copied');
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Copied');
  });

  it('copies one notice for all banned findings', async () => {
    const { open, writeText } = await setup();
    const root = await open();
    await click(buttonWithText(root, 'Copy one notice for all 2 banned links'));
    const banned = FINDINGS.filter((f) => f.decision.verdict === 'banned');
    expect(writeText).toHaveBeenCalledWith(combinedNotice(banned, { ...ctx, lang: 'en' }));
  });

  it('shows the notice selected in a text box when the clipboard is refused', async () => {
    const { open, env } = await setup();
    env.clipboard.writeText = () => Promise.reject(new DOMException('Document is not focused', 'NotAllowedError'));
    const root = await open();
    await click(buttonsWithText(root, 'Copy notice')[0]);
    const box = root.querySelector('textarea')!;
    expect(box.value).toContain(TAOBAO_LINK);
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length]);
    expect(root.querySelector('label[for="copy-fallback-text"]')!.textContent).toContain('Ctrl+C');
  });

  it('sends the surface the operator picks for this page pattern', async () => {
    const { open, sentOf } = await setup();
    const root = await open();
    await change(root.querySelector('select#surface'), 'video-cart');
    expect(sentOf('surface/set')).toEqual([
      { type: 'surface/set', tabId: 7, pattern: 'kuaishou-live-helper /page/helper', surface: 'video-cart' },
    ]);
    expect(sentOf('tab/state')).toHaveLength(2);
  });

  it('asks the background to reveal a finding when it is clicked', async () => {
    const { open, sentOf } = await setup();
    const root = await open();
    await click(items(root)[0]!.querySelector('button.finding-main'));
    expect(sentOf('finding/reveal')).toEqual([{ type: 'finding/reveal', tabId: 7, findingId: 'f-taobao' }]);
  });

  it('reports a refused request instead of failing silently', async () => {
    const { open, browser } = await setup();
    const root = await open();
    browser.tabs.tabs = []; // the tab was closed
    await click(items(root)[0]!.querySelector('button.finding-main'));
    expect(root.querySelector('[role="alert"]')!.textContent).toContain(t('en', 'bg_tab_unreachable'));
  });
});

describe('popup language', () => {
  it('follows the language setting and switches to the other language, notices included', async () => {
    const { open, writeText } = await setup({ settings: { language: 'zh' } });
    const root = await open();
    expect(root.querySelector('main')!.lang).toBe('zh-CN');
    expect(items(root)[0]!.querySelector('.verdict')!.textContent).toContain('禁止');
    expect(items(root)[0]!.querySelector('.finding-announcement')!.textContent).toMatch(
      /^公告：.+（2022-02-22） · 报道来源 .+、/,
    );
    await click(buttonWithText(root, 'EN'));
    expect(root.querySelector('main')!.lang).toBe('en');
    await click(buttonWithText(root, 'Copy notice'));
    expect(writeText).toHaveBeenCalledWith(notice(FINDINGS[1]!, { ...ctx, lang: 'en' }));
  });
});

describe('popup empty states', () => {
  it('lists the watched dashboards by platform when the tab is not one', async () => {
    const notDashboard = { resolveTab: async () => ({ id: 7, url: 'https://www.example.com/shop' }) };
    const root = await (await setup({ report: null }, notDashboard)).open();
    expect(root.textContent).toContain('cartlint watches these pages');
    const rows = [...root.querySelectorAll('.hosts li')].map((li) => li.textContent);
    expect(rows).toEqual(['Kuaishou: zs.kwaixiaodian.com, cps.kwaixiaodian.com', 'Douyin: buyin.jinritemai.com']);
    await click(buttonWithText(root, '中文'));
    expect(root.querySelector('.hosts li')!.textContent).toBe('快手：zs.kwaixiaodian.com、cps.kwaixiaodian.com');
  });

  it('says so when a page of a dashboard host has other pages than the cart', async () => {
    const other = {
      ...PAGE,
      adapter: null,
      platform: null,
      surface: 'unknown' as const,
      surfaceFrom: 'unknown' as const,
    };
    const root = await (await setup({ report: { page: other, findings: [] } })).open();
    expect(root.textContent).toContain('cartlint watches these pages');
  });

  it('lists the watched pages, not a reload, on a dashboard host’s page no adapter watches (it never reports)', async () => {
    const { open } = await setup(
      { report: null },
      { resolveTab: async () => ({ id: 7, url: 'https://zs.kwaixiaodian.com/zone/order/list' }) },
    );
    const root = await open();
    expect(root.textContent).toContain('cartlint watches these pages');
    expect(root.textContent).not.toContain('cartlint has not read this page yet');
    expect(buttonsWithText(root, 'Reload the page')).toHaveLength(0);
  });

  it('offers a reload when a watched dashboard has not reported (opened before cartlint was installed)', async () => {
    const { open, reloadTab } = await setup({ report: null });
    const root = await open();
    expect(root.textContent).toContain('cartlint has not read this page yet');
    expect(root.textContent).not.toContain('cartlint watches these pages');
    await click(buttonWithText(root, 'Reload the page'));
    expect(reloadTab).toHaveBeenCalledWith(7);
  });

  it('shows the findings once the page reports, without reopening the popup', async () => {
    const { open, reportPage } = await setup({ report: null }, { refreshMs: 5 });
    const root = await open();
    expect(items(root)).toHaveLength(0);
    await reportPage({ page: PAGE, findings: FINDINGS });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await settle();
    expect(items(root)).toHaveLength(FINDINGS.length);
  });

  it('says nothing is flagged on a dashboard without findings', async () => {
    const root = await (await setup({ report: { page: PAGE, findings: [] } })).open();
    expect(items(root)).toHaveLength(0);
    expect(root.textContent).toContain('No third-party product link on this page so far');
    expect(buttonsWithText(root, 'Copy one notice')).toHaveLength(0);
  });

  it('offers to resume on a paused site and sends the paused list without it', async () => {
    const paused: Partial<Settings> = { pausedSites: ['zs.kwaixiaodian.com', 'cp.kuaishou.com'] };
    const { open, sentOf } = await setup({ settings: paused, report: { page: PAGE, findings: [] } });
    const root = await open();
    expect(root.textContent).toContain('cartlint is paused on zs.kwaixiaodian.com');
    await click(buttonWithText(root, 'Resume checking'));
    expect(sentOf('settings/set')).toEqual([{ type: 'settings/set', patch: { pausedSites: ['cp.kuaishou.com'] } }]);
  });

  it('pauses on this site, but not when an administrator locked cartlint on', async () => {
    const { open, sentOf } = await setup();
    const root = await open();
    await click(buttonWithText(root, 'Pause on this site'));
    expect(sentOf('settings/set')).toEqual([{ type: 'settings/set', patch: { pausedSites: ['zs.kwaixiaodian.com'] } }]);
    await unmountAll();
    const locked = await (await setup({ managed: { locked: true } })).open();
    expect(buttonsWithText(locked, 'Pause on this site')).toHaveLength(0);
  });

  it('says so when the background cannot be reached', async () => {
    const unreachable = () => Promise.reject(new Error('Could not establish connection'));
    const root = await (await setup({ transport: unreachable })).open();
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('Could not establish connection');
  });
});

describe('popup footer', () => {
  it('points to the settings when some rules could not be loaded', async () => {
    const root = await (await setup({ managed: { rules: [{ ...aRule('ORG-9'), from: 'soon' }] } })).open();
    expect(root.querySelector('.footer .problems')!.textContent).toBe(
      'Some rules could not be loaded (problems: 1); the others still apply. See Rules and settings.',
    );
    await unmountAll();
    expect((await (await setup()).open()).querySelector('.footer .problems')).toBeNull();
  });

  it('opens the rules and settings page', async () => {
    const { open, openOptions } = await setup();
    const root = await open();
    await click(buttonWithText(root, 'Rules and settings'));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });
});

describe('popup keyboard and screen readers', () => {
  it('makes every action a real, focusable button or control with a name', async () => {
    const root = await (await setup()).open();
    for (const li of items(root)) expect(li.querySelector('button.finding-main')).toBeInstanceOf(HTMLButtonElement);
    const controls = [...root.querySelectorAll<HTMLElement>('button, select, a[href]')];
    expect(controls.length).toBeGreaterThan(6);
    for (const control of controls) {
      expect(control.tabIndex).toBeGreaterThanOrEqual(0);
      control.focus();
      expect(document.activeElement).toBe(control);
      expect(control.textContent!.trim() || control.getAttribute('aria-label')).toBeTruthy();
    }
    expect(root.querySelector('label[for="surface"]')).not.toBeNull();
    expect(root.querySelector('[role="group"]')!.getAttribute('aria-label')).toBeTruthy();
  });
});

describe('popup while open', () => {
  /** The settings and rules as an administrator's policy leaves them: Chinese, locked on, one broken rule. */
  const POLICY = { language: 'zh', locked: true, rules: [{ ...aRule('ORG-9'), from: 'soon' }] };

  it('follows settings and rule changes made elsewhere: language, the lock and rule problems', async () => {
    const { open, sentOf, changes, browser } = await setup();
    const root = await open();
    expect(buttonsWithText(root, 'Pause on this site')).toHaveLength(1);
    const reads = sentOf('config/get').length;
    browser.managed.data = POLICY;
    await changes.fire();
    expect(sentOf('config/get')).toHaveLength(reads + 1);
    expect(root.querySelector('main')!.lang).toBe('zh-CN');
    expect(buttonsWithText(root, t('zh', 'popup_pause'))).toHaveLength(0);
    expect(root.querySelector('.problems')!.textContent).toBe(t('zh', 'popup_rule_problems', 1));
    expect(items(root)).toHaveLength(FINDINGS.length);
  });

  it('shows a change that came while it was still loading', async () => {
    let answerTab!: () => void;
    const tabAnswered = new Promise<void>((resolve) => (answerTab = resolve));
    const { open, changes, browser } = await setup({
      transport: (message, background) =>
        (message as Request).type === 'tab/state'
          ? tabAnswered.then(() => background(message))
          : Promise.resolve(background(message)),
    });
    const root = await open();
    expect(root.querySelector('.loading')).not.toBeNull();
    browser.managed.data = POLICY;
    await changes.fire();
    answerTab();
    await settle();
    expect(root.querySelector('main')!.lang).toBe('zh-CN');
    expect(root.querySelector('.problems')).not.toBeNull();
  });

  it('stops listening when it closes', async () => {
    const { open, changes } = await setup();
    await open();
    expect(changes.listening).toBe(1);
    await unmountAll();
    expect(changes.listening).toBe(0);
  });
});
