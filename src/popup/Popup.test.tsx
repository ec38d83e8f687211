// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { combinedNotice, notice } from '../core/notice';
import { DEFAULT_SETTINGS, type Settings } from '../protocol';
import { t } from '../i18n';
import {
  buttonWithText,
  buttonsWithText,
  change,
  click,
  fakeClient,
  fakeConfigChanges,
  mount,
  settle,
  unmountAll,
  type FakeAnswers,
} from '../../test/support/preact';
import { POPUP_READY_MARK, type PopupEnv } from './env';
import { Popup } from './Popup';
import { config, FINDINGS, PAGE_URL, TAOBAO_LINK, tabState } from './test-data';

afterEach(unmountAll);

function setup(answers: FakeAnswers = {}, envPatch: Partial<PopupEnv> = {}) {
  const fake = fakeClient({
    'config/get': () => config(),
    'tab/state': () => tabState(),
    'surface/set': () => ({ ok: true }),
    'finding/reveal': () => ({ ok: true }),
    'settings/set': ({ patch }) => ({ ...DEFAULT_SETTINGS, ...patch }),
    ...answers,
  });
  const writeText = vi.fn((_text: string) => Promise.resolve());
  const reloadTab = vi.fn((_tabId: number) => Promise.resolve());
  const openOptions = vi.fn(() => Promise.resolve());
  const changes = fakeConfigChanges();
  const env: PopupEnv = {
    client: fake.client,
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
  return { ...fake, writeText, reloadTab, openOptions, changes, env, open: () => mount(<Popup env={env} />) };
}

const items = (root: HTMLElement) => [...root.querySelectorAll<HTMLLIElement>('li.finding')];
const ctx = { platform: 'kuaishou', surface: 'live-cart', rules: config().rules } as const;

describe('popup findings', () => {
  it('marks the moment its tab view first renders, once, for the open-time benchmark', async () => {
    performance.clearMarks(POPUP_READY_MARK);
    const { open } = setup();
    const root = await open();
    await settle();
    expect(items(root).length).toBeGreaterThan(0);
    expect(performance.getEntriesByName(POPUP_READY_MARK)).toHaveLength(1);
  });

  it('asks for the resolved tab and lists every finding, banned first, then to check, then allowed', async () => {
    const { open, sentOf } = setup();
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
    const root = await setup().open();
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
    const { open, writeText } = setup();
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
    const { open, writeText } = setup();
    const root = await open();
    await click(buttonWithText(root, 'Copy one notice for all 2 banned links'));
    const banned = FINDINGS.filter((f) => f.decision.verdict === 'banned');
    expect(writeText).toHaveBeenCalledWith(combinedNotice(banned, { ...ctx, lang: 'en' }));
  });

  it('shows the notice selected in a text box when the clipboard is refused', async () => {
    const { open, env } = setup();
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
    const { open, sentOf } = setup();
    const root = await open();
    await change(root.querySelector('select#surface'), 'video-cart');
    expect(sentOf('surface/set')).toEqual([
      { type: 'surface/set', tabId: 7, pattern: 'kuaishou-live-helper /page/helper', surface: 'video-cart' },
    ]);
    expect(sentOf('tab/state')).toHaveLength(2);
  });

  it('asks the background to reveal a finding when it is clicked', async () => {
    const { open, sentOf } = setup();
    const root = await open();
    await click(items(root)[0]!.querySelector('button.finding-main'));
    expect(sentOf('finding/reveal')).toEqual([{ type: 'finding/reveal', tabId: 7, findingId: 'f-taobao' }]);
  });

  it('reports a refused request instead of failing silently', async () => {
    const { open } = setup({
      'finding/reveal': () => {
        throw new Error('the tab was closed');
      },
    });
    const root = await open();
    await click(items(root)[0]!.querySelector('button.finding-main'));
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('the tab was closed');
  });
});

describe('popup language', () => {
  it('follows the language setting and switches to the other language, notices included', async () => {
    const zhSettings: Settings = { ...DEFAULT_SETTINGS, language: 'zh' };
    const { open, writeText } = setup({ 'config/get': () => config({ settings: zhSettings }) });
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
    const root = await setup(
      { 'tab/state': () => tabState({ page: null, findings: [], at: null }) },
      { resolveTab: async () => ({ id: 7, url: 'https://www.example.com/shop' }) },
    ).open();
    expect(root.textContent).toContain('cartlint watches these pages');
    const rows = [...root.querySelectorAll('.hosts li')].map((li) => li.textContent);
    expect(rows).toEqual(['Kuaishou: zs.kwaixiaodian.com, cps.kwaixiaodian.com', 'Douyin: buyin.jinritemai.com']);
    await click(buttonWithText(root, '中文'));
    expect(root.querySelector('.hosts li')!.textContent).toBe('快手：zs.kwaixiaodian.com、cps.kwaixiaodian.com');
  });

  it('says so when a page of a dashboard host has other pages than the cart', async () => {
    const page = {
      ...tabState().page!,
      adapter: null,
      platform: null,
      surface: 'unknown' as const,
      surfaceFrom: 'unknown' as const,
    };
    const root = await setup({ 'tab/state': () => tabState({ page, findings: [], at: null }) }).open();
    expect(root.textContent).toContain('cartlint watches these pages');
  });

  it('lists the watched pages, not a reload, on a dashboard host’s page no adapter watches (it never reports)', async () => {
    const { open } = setup(
      { 'tab/state': () => tabState({ page: null, findings: [], at: null }) },
      { resolveTab: async () => ({ id: 7, url: 'https://zs.kwaixiaodian.com/zone/order/list' }) },
    );
    const root = await open();
    expect(root.textContent).toContain('cartlint watches these pages');
    expect(root.textContent).not.toContain('cartlint has not read this page yet');
    expect(buttonsWithText(root, 'Reload the page')).toHaveLength(0);
  });

  it('offers a reload when a watched dashboard has not reported (opened before cartlint was installed)', async () => {
    const { open, reloadTab } = setup({ 'tab/state': () => tabState({ page: null, findings: [], at: null }) });
    const root = await open();
    expect(root.textContent).toContain('cartlint has not read this page yet');
    expect(root.textContent).not.toContain('cartlint watches these pages');
    await click(buttonWithText(root, 'Reload the page'));
    expect(reloadTab).toHaveBeenCalledWith(7);
  });

  it('shows the findings once the page reports, without reopening the popup', async () => {
    let state = tabState({ page: null, findings: [], at: null });
    const { open } = setup({ 'tab/state': () => state }, { refreshMs: 5 });
    const root = await open();
    expect(items(root)).toHaveLength(0);
    state = tabState();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await settle();
    expect(items(root)).toHaveLength(FINDINGS.length);
  });

  it('says nothing is flagged on a dashboard without findings', async () => {
    const root = await setup({ 'tab/state': () => tabState({ findings: [] }) }).open();
    expect(items(root)).toHaveLength(0);
    expect(root.textContent).toContain('No third-party product link on this page so far');
    expect(buttonsWithText(root, 'Copy one notice')).toHaveLength(0);
  });

  it('offers to resume on a paused site and sends the paused list without it', async () => {
    const paused: Settings = { ...DEFAULT_SETTINGS, pausedSites: ['zs.kwaixiaodian.com', 'cp.kuaishou.com'] };
    const { open, sentOf } = setup({
      'config/get': () => config({ settings: paused }),
      'tab/state': () => tabState({ paused: true, findings: [] }),
    });
    const root = await open();
    expect(root.textContent).toContain('cartlint is paused on zs.kwaixiaodian.com');
    await click(buttonWithText(root, 'Resume checking'));
    expect(sentOf('settings/set')).toEqual([{ type: 'settings/set', patch: { pausedSites: ['cp.kuaishou.com'] } }]);
  });

  it('pauses on this site, but not when an administrator locked cartlint on', async () => {
    const { open, sentOf } = setup();
    const root = await open();
    await click(buttonWithText(root, 'Pause on this site'));
    expect(sentOf('settings/set')).toEqual([{ type: 'settings/set', patch: { pausedSites: ['zs.kwaixiaodian.com'] } }]);
    await unmountAll();
    const locked = await setup({ 'config/get': () => config({ locked: true }) }).open();
    expect(buttonsWithText(locked, 'Pause on this site')).toHaveLength(0);
  });

  it('says so when the background cannot be reached', async () => {
    const root = await setup({
      'config/get': () => {
        throw new Error('Could not establish connection');
      },
    }).open();
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('Could not establish connection');
  });
});

describe('popup footer', () => {
  it('points to the settings when some rules could not be loaded', async () => {
    const problems = ['managed policy: rule ORG-1: from: "soon" is not a date'];
    const root = await setup({ 'config/get': () => config({ problems }) }).open();
    expect(root.querySelector('.footer .problems')!.textContent).toBe(
      'Some rules could not be loaded (problems: 1); the others still apply. See Rules and settings.',
    );
    await unmountAll();
    expect((await setup().open()).querySelector('.footer .problems')).toBeNull();
  });

  it('opens the rules and settings page', async () => {
    const { open, openOptions } = setup();
    const root = await open();
    await click(buttonWithText(root, 'Rules and settings'));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });
});

describe('popup keyboard and screen readers', () => {
  it('makes every action a real, focusable button or control with a name', async () => {
    const root = await setup().open();
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
  const POLICY = config({ settings: { ...DEFAULT_SETTINGS, language: 'zh' }, locked: true, problems: ['ORG-9: bad'] });

  it('follows settings and rule changes made elsewhere: language, the lock and rule problems', async () => {
    let current = config();
    const { open, sentOf, changes } = setup({ 'config/get': () => current });
    const root = await open();
    expect(buttonsWithText(root, 'Pause on this site')).toHaveLength(1);
    const reads = sentOf('config/get').length;
    current = POLICY;
    await changes.fire();
    expect(sentOf('config/get')).toHaveLength(reads + 1);
    expect(root.querySelector('main')!.lang).toBe('zh-CN');
    expect(buttonsWithText(root, t('zh', 'popup_pause'))).toHaveLength(0);
    expect(root.querySelector('.problems')!.textContent).toBe(t('zh', 'popup_rule_problems', 1));
    expect(items(root)).toHaveLength(FINDINGS.length);
  });

  it('shows a change that came while it was still loading', async () => {
    let current = config();
    let answerTab!: () => void;
    const tabAnswered = new Promise<void>((resolve) => (answerTab = resolve));
    const { open, changes } = setup({
      'config/get': () => current,
      'tab/state': () => tabAnswered.then(() => tabState()),
    });
    const root = await open();
    expect(root.querySelector('.loading')).not.toBeNull();
    current = POLICY;
    await changes.fire();
    answerTab();
    await settle();
    expect(root.querySelector('main')!.lang).toBe('zh-CN');
    expect(root.querySelector('.problems')).not.toBeNull();
  });

  it('stops listening when it closes', async () => {
    const { open, changes } = setup();
    await open();
    expect(changes.listening).toBe(1);
    await unmountAll();
    expect(changes.listening).toBe(0);
  });
});
