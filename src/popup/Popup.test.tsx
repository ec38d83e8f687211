// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { combinedNotice, notice } from '../core/notice';
import type { PageInfo, Request, Settings, TabFinding, VerdictCounts } from '../protocol';
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
import { contentIn, countsOf, fakeBrowser, page, startBackground } from '../../test/support/fake-browser';
import { aConfig, aLink, aRule } from '../../test/support/rules';
import { decide } from '../core/decide';
import type { LinkFinding } from '../core/types';
import { POPUP_READY_MARK, type PopupEnv } from './env';
import { Popup } from './Popup';
import { ROW_HEIGHT } from './FindingList';

afterEach(unmountAll);

const AT = '2024-06-01T10:00:00+08:00';
const PAGE_URL = 'https://zs.kwaixiaodian.com/page/helper';
const RULES = aConfig().rules;
const TAOBAO_LINK = 'https://s.click.taobao.com/t?e=m%3D2%26s%3Dabcdefghijklmnopqrstuvwxyz0123456789&pid=mm_1_2_3';

const link = aLink;

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
  report?: { page: PageInfo; findings: TabFinding[]; counts?: VerdictCounts } | null;
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
  const reportPage = (sent: { page: PageInfo; findings: TabFinding[]; counts?: VerdictCounts }) =>
    background.send({ type: 'tab/report', counts: countsOf(sent.findings), ...sent, at: AT }, contentIn(7, PAGE_URL));
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
    permissions: browser.permissions,
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

  it('puts the counts first, then the banned and to-check findings by rule', async () => {
    const root = await (await setup()).open();
    const summary = root.querySelector('.summary')!;
    expect(root.firstElementChild!.querySelector('.summary')).toBe(summary); // nothing above it but the bar
    expect(summary.querySelector('.summary-counts')!.textContent).toBe('2 banned · 1 to check · 1 allowed');
    expect([...summary.querySelectorAll('.group-label')].map((label) => label.textContent)).toEqual([
      'KS-4 Taobao ×1',
      'KS-5 JD.com ×1',
      'no rule short link ×1',
    ]);
  });

  it('shows one line per finding: the link cut in the middle, where it is, all else in its title', async () => {
    const root = await (await setup()).open();
    const taobao = items(root).find((li) =>
      li.querySelector('.finding-main')!.getAttribute('title')!.startsWith(TAOBAO_LINK),
    )!;
    const shown = taobao.querySelector('.finding-link')!.textContent!;
    expect(shown.length).toBeLessThan(TAOBAO_LINK.length);
    expect(shown).toContain('…');
    expect(shown.startsWith('https://s.click')).toBe(true);
    expect(shown.endsWith('_2_3')).toBe(true);
    expect(taobao.querySelector('.finding-where')!.textContent).toBe('粘贴商品链接');
    const title = taobao.querySelector('.finding-main')!.getAttribute('title')!;
    expect(title).toContain('Taobao · affiliate (alliance) link');
    expect(title).toContain('KS-4 since 2022-03-01');
  });

  it('gives the rule’s text, date, advice and at most three reports once per group, folded until opened', async () => {
    const root = await (await setup()).open();
    const group = root.querySelector<HTMLLIElement>('.group[data-rule="KS-4"]')!;
    const details = group.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(group.querySelector('.group-rule')!.textContent).toContain('Taobao');
    expect(group.querySelector('.group-since')!.textContent).toBe('In force since 2022-03-01 (Beijing time)');
    expect(group.querySelector('.group-advice')!.textContent).toMatch(/^Instead: /);
    expect(group.querySelector('.group-evidence')!.textContent).toMatch(/^Last reported 2022-10-20 .+ Inferred: /);
    const announcement = group.querySelector('.group-announcement')!.textContent!;
    expect(announcement).toMatch(/^Announced: .+ \(2022-02-22\) · reported by .+, /);
    const ks4 = RULES.find((rule) => rule.id === 'KS-4')!;
    expect(ks4.announcement.reports.length).toBeGreaterThan(3);
    const reports = [...group.querySelectorAll<HTMLAnchorElement>('.group-announcement a')];
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.length).toBeLessThanOrEqual(3);
    for (const a of reports) {
      expect(a.target).toBe('_blank');
      expect(a.rel).toContain('noopener');
    }
    expect(root.querySelectorAll('.group-rule')).toHaveLength(3);
  });

  it('copies one notice for a rule group: these links, this rule', async () => {
    const { open, writeText } = await setup();
    const root = await open();
    const button = root.querySelector<HTMLButtonElement>('.group[data-rule="KS-4"] .copy-group')!;
    expect(button.getAttribute('aria-label')).toBe('Copy one notice for these 1 links under KS-4');
    await click(button);
    const taobao = FINDINGS.filter((f) => f.id === 'f-taobao');
    expect(writeText).toHaveBeenCalledWith(combinedNotice(taobao, { ...ctx, lang: 'en' }));
    expect(button.textContent).toBe('Copied');
  });

  it('filters by verdict and by a search, and says when nothing matches', async () => {
    const root = await (await setup()).open();
    const verdicts = () => items(root).map((li) => li.className);
    await click(root.querySelector('.filter-review'));
    expect(verdicts()).toEqual(['finding finding-review']);
    await click(root.querySelector('.filter-all'));
    await change(root.querySelector('input.search'), 'JD', 'input');
    expect(items(root).map((li) => li.querySelector('.finding-where')!.textContent)).toEqual(['小黄车商品 · row 2']);
    expect(root.querySelector('.shown-count')!.textContent).toBe('1 of 4 shown');
    await change(root.querySelector('input.search'), 'ks-4 taobao', 'input');
    expect(items(root)).toHaveLength(1);
    await change(root.querySelector('input.search'), 'nothing like this', 'input');
    expect(items(root)).toHaveLength(0);
    expect(root.querySelector('.no-match')!.textContent).toBe('No finding matches.');
  });

  it('copies the notice of one finding from the click and says so', async () => {
    const { open, writeText } = await setup();
    const root = await open();
    const taobao = FINDINGS.find((f) => f.id === 'f-taobao')!;
    const button = items(root)
      .find((li) => li.querySelector('.finding-main')!.getAttribute('title')!.startsWith(TAOBAO_LINK))!
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
    await click(root.querySelector('button.copy'));
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

describe('popup on a long cart', () => {
  /** A 2,000-row cart: 198 淘宝联盟 rows (KS-4), 2 JD rows (KS-5), the rest the shop's own goods. */
  const CART: TabFinding[] = Array.from({ length: 2000 }, (_, row) => {
    const where = `小黄车商品 · row ${row + 1}`;
    if (row % 10 === 3 && row < 1980) return judged(`t${row}`, link(`${TAOBAO_LINK}&n=${row}`, 'taobao', true), where);
    if (row === 1990 || row === 1995)
      return judged(`j${row}`, link(`https://item.jd.com/${row}.html`, 'jd', false), where);
    return judged(
      `o${row}`,
      link(`https://app.kwaixiaodian.com/merchant/shop/detail?id=${row}`, 'kuaishou', false),
      where,
    );
  });
  /** Reported as the content script reports it: banned and to-check links listed, every link counted. */
  const REPORT = {
    page: PAGE,
    findings: CART.filter((finding) => finding.decision.verdict !== 'allowed'),
    counts: countsOf(CART),
  };
  const longCart = async () => (await setup({ report: REPORT })).open();
  const indexes = (root: HTMLElement) => items(root).map((li) => Number(li.dataset.index));

  it('says 200 banned first, by rule, with each rule’s text once', async () => {
    const root = await longCart();
    expect(root.querySelector('.summary-counts')!.textContent).toBe('200 banned · 0 to check · 1800 allowed');
    expect([...root.querySelectorAll('.group-label')].map((label) => label.textContent)).toEqual([
      'KS-4 Taobao ×198',
      'KS-5 JD.com ×2',
    ]);
    expect(root.querySelectorAll('.group-rule')).toHaveLength(2);
  });

  it('says on the ✓ filter that the 1800 allowed links are counted, not listed', async () => {
    const root = await longCart();
    expect(root.querySelector('.filter-allowed')!.textContent).toContain('1800');
    await click(root.querySelector('.filter-allowed'));
    expect(items(root)).toHaveLength(0);
    expect(root.querySelector('.no-match')!.textContent).toBe(
      '1800 allowed links are counted, not listed one by one: there is nothing to do about them.',
    );
    await change(root.querySelector('input.search'), 'taobao', 'input');
    expect(root.querySelector('.no-match')!.textContent).toBe('No finding matches.');
  });

  it('renders only the rows in view, and the rows scrolled to', async () => {
    const root = await longCart();
    const list = root.querySelector<HTMLElement>('ul.findings')!;
    expect(list.style.height).toBe(`${200 * ROW_HEIGHT}px`);
    expect(items(root).length).toBeLessThan(30);
    expect(indexes(root)[0]).toBe(0);
    expect(items(root)[0]!.className).toBe('finding finding-banned');
    const scroller = root.querySelector<HTMLElement>('.findings-scroller')!;
    await act(() => {
      scroller.scrollTop = 100 * ROW_HEIGHT;
      scroller.dispatchEvent(new Event('scroll'));
    });
    await settle();
    expect(indexes(root)).toContain(100);
    expect(indexes(root)).not.toContain(0);
    expect(items(root).length).toBeLessThan(30);
  });

  it('moves between rows with the arrow keys, Home and End, rendering the row it moves to', async () => {
    const root = await longCart();
    const key = async (name: string) => {
      await act(() => {
        document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
      });
      await settle();
    };
    root.querySelector<HTMLElement>('li[data-index="0"] .finding-main')!.focus();
    await key('ArrowDown');
    expect(document.activeElement!.closest('li')!.dataset.index).toBe('1');
    await key('End');
    expect(document.activeElement!.closest('li')!.dataset.index).toBe('199');
    await key('Home');
    expect(document.activeElement!.closest('li')!.dataset.index).toBe('0');
  });

  it('says when there are more banned or to-check links than the page lists, and counts them all', async () => {
    const root = await (
      await setup({ report: { ...REPORT, counts: { banned: 900, review: 0, allowed: 7100 } } })
    ).open();
    expect(root.querySelector('.summary-counts')!.textContent).toBe('900 banned · 0 to check · 7100 allowed');
    expect(root.querySelector('.too-many')!.textContent).toBe(t('en', 'popup_too_many', 200, 900));
    expect(t('zh', 'popup_too_many', 200, 900)).toContain('900');
  });

  it('copies the 198 KS-4 links in one notice', async () => {
    const { open, writeText } = await setup({ report: REPORT });
    const root = await open();
    await click(root.querySelector('.group[data-rule="KS-4"] .copy-group'));
    const text = writeText.mock.calls[0]![0];
    expect(text.match(/s\.click\.taobao\.com/g)).toHaveLength(198);
    expect(text).not.toContain('item.jd.com');
  });
});

describe('popup language', () => {
  it('follows the language setting and switches to the other language, notices included', async () => {
    const { open, writeText } = await setup({ settings: { language: 'zh' } });
    const root = await open();
    expect(root.querySelector('main')!.lang).toBe('zh-CN');
    expect(items(root)[0]!.querySelector('.verdict')!.textContent).toContain('禁止');
    expect(root.querySelector('.group-announcement')!.textContent).toMatch(/^公告：.+（2022-02-22） · 报道来源 .+、/);
    await click(buttonWithText(root, 'EN'));
    expect(root.querySelector('main')!.lang).toBe('en');
    await click(root.querySelector('button.copy'));
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

  it('says what it watches on the page: the dashboard page it took it for, its fields and rows', async () => {
    const reading = { ...PAGE, reads: { fields: 2, rows: 40 } };
    const root = await (await setup({ report: { page: reading, findings: FINDINGS } })).open();
    expect(root.querySelector('.page-platform')!.textContent).toBe(
      'Kuaishou · zs.kwaixiaodian.com · read as kuaishou-live-helper',
    );
    expect(root.querySelector('.page-reads')!.textContent).toBe(
      'Reads 2 text field(s) and 40 list row(s) on this page.',
    );
    expect(root.querySelector('#surface-from')!.textContent).toContain('from the page');
  });

  it('says plainly when it finds no field or row on a watched page, instead of an empty list', async () => {
    const bare = { ...PAGE, reads: { fields: 0, rows: 0 } };
    const root = await (await setup({ report: { page: bare, findings: [] } })).open();
    expect(root.querySelector('.reads-nothing')!.textContent).toBe(
      'cartlint finds no text field or list row on this page, so it checks nothing here yet.',
    );
    expect(root.textContent).not.toContain('No third-party product link on this page so far');
    expect(root.querySelector('.page-reads')).toBeNull();
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

describe('popup picker', () => {
  it('starts the element picker in the page from "watch a field or list", and says what to do next', async () => {
    const { open, browser } = await setup();
    const root = await open();
    await click(buttonWithText(root, 'Watch a field or list on this page'));
    expect(browser.scripting.injected).toEqual([{ tabId: 7, frameIds: [0], files: ['picker.js'] }]);
    expect(root.querySelector('.pick [role="status"]')!.textContent).toBe(
      'Now click the field or list in the page (Esc cancels).',
    );
  });

  it('offers it on a dashboard host’s page no adapter knows, and reports a page it cannot enter', async () => {
    const unknown = { resolveTab: async () => ({ id: 7, url: 'https://zs.kwaixiaodian.com/page/goods-pool' }) };
    const { open, browser } = await setup({ report: null }, unknown);
    const root = await open();
    expect(root.textContent).toContain('cartlint watches these pages');
    browser.scripting.refused.add(7);
    await click(buttonWithText(root, 'Watch a field or list on this page'));
    expect(root.querySelector('[role="alert"]')!.textContent).toContain(t('en', 'bg_tab_unreachable'));
  });

  const ELSEWHERE = 'https://www.example.com/shop/notes?id=3';

  it('on another site, asks for that one origin inside the click, then starts the picker', async () => {
    const elsewhere = { resolveTab: async () => ({ id: 7, url: ELSEWHERE }) };
    const { open, browser } = await setup({ report: null }, elsewhere);
    browser.tabs.tabs = [{ id: 7, url: ELSEWHERE, active: true, listening: false }];
    const inClick: boolean[] = [];
    let clicking = false;
    const request = browser.permissions.request.bind(browser.permissions);
    browser.permissions.request = (asked) => (inClick.push(clicking), request(asked));
    const root = await open();
    expect(root.querySelector('.pick-asks')!.textContent).toContain('access to www.example.com');
    const button = buttonWithText(root, 'Watch a field or list on this page');
    await act(() => {
      clicking = true;
      button.click();
      clicking = false;
    });
    await settle();
    // Asked during the click itself (a prompt after an await would be refused), for exactly this origin.
    expect(inClick).toEqual([true]);
    expect(browser.permissions.requested).toEqual([['https://www.example.com/*']]);
    expect(browser.scripting.injected).toEqual([{ tabId: 7, frameIds: [0], files: ['picker.js'] }]);
    expect(root.querySelector('.pick [role="status"]')).not.toBeNull();
  });

  it('says so and starts nothing when the operator refuses the site', async () => {
    const elsewhere = { resolveTab: async () => ({ id: 7, url: ELSEWHERE }) };
    const { open, browser } = await setup({ report: null }, elsewhere);
    browser.permissions.answer = false;
    const root = await open();
    await click(buttonWithText(root, 'Watch a field or list on this page'));
    expect(root.querySelector('[role="alert"]')!.textContent).toContain(
      'Access to www.example.com was not allowed, so cartlint cannot watch this page.',
    );
    expect(browser.scripting.injected).toEqual([]);
    expect(browser.permissions.granted).toEqual([]);
  });

  it('does not offer it where no site permission can be asked (browser pages, files, unknown address)', async () => {
    for (const url of ['chrome://extensions/', 'file:///home/op/cart.html', undefined]) {
      const target = { resolveTab: async () => ({ id: 7, url }) };
      const root = await (await setup({ report: null }, target)).open();
      expect(buttonsWithText(root, 'Watch a field or list on this page')).toHaveLength(0);
      await unmountAll();
    }
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
