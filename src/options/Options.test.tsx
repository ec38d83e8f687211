// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_RULES } from '../rules';
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
import { fakeBrowser, startBackground } from '../../test/support/fake-browser';
import { aRule, aWatchRule } from '../../test/support/rules';
import type { Rule } from '../core/types';
import type { Settings } from '../protocol';
import type { StoredCustomRule } from '../background/store';
import type { OptionsEnv } from './env';
import { Options } from './Options';

afterEach(unmountAll);

const NOW = new Date('2024-06-01T10:00:00+08:00');
const MANAGED_RULE = aRule('ORG-1', { summary: { zh: '公司规定', en: 'Company policy' } });
const CUSTOM_RULE = aRule('MY-7', { platform: 'xiaohongshu', surfaces: ['note'] });
const RESOLVER_ORIGINS = ['https://t.cn/*', 'https://dwz.cn/*'];

interface Start {
  /** The operator's own rules, saved before the page opens. */
  custom?: Rule[];
  /** Settings the operator chose before the page opens. */
  settings?: Partial<Settings>;
  /** The organisation's policy (storage.managed). */
  managed?: Record<string, unknown>;
}

/** The options page on the real background handler over fake storage. */
async function setup(
  { custom = [CUSTOM_RULE], settings, managed = { rules: [MANAGED_RULE] } }: Start = {},
  granted = true,
  held = true,
) {
  const browser = fakeBrowser({ managed });
  const background = startBackground(browser, { now: () => NOW });
  for (const rule of custom) await background.send({ type: 'rules/save', rule });
  if (settings) await background.send({ type: 'settings/set', patch: settings });
  const recorded = recordingClient((message) => background.send(message));
  const request = vi.fn((_: { origins: string[] }) => Promise.resolve(granted));
  const remove = vi.fn((_: { origins: string[] }) => Promise.resolve(true));
  const contains = vi.fn((_: { origins: string[] }) => Promise.resolve(held));
  const download = vi.fn((_name: string, _text: string) => {});
  const changes = fakeConfigChanges();
  const env: OptionsEnv = {
    client: recorded.client,
    uiLocale: 'en-US',
    resolverOrigins: RESOLVER_ORIGINS,
    permissions: { request, remove, contains, getAll: () => browser.permissions.getAll() },
    download,
    confirm: () => true,
    now: () => NOW,
    watchedPages: [
      { platform: 'kuaishou', host: 'zs.kwaixiaodian.com' },
      { platform: 'douyin', host: 'buyin.jinritemai.com' },
    ],
    onConfigChanged: changes.onConfigChanged,
  };
  /** The operator's rules as stored. */
  const own = () => ((browser.local.data.customRules ?? []) as StoredCustomRule[]).map((entry) => entry.rule);
  const ownSettings = () => (browser.local.data.settings ?? {}) as Partial<Settings>;
  return {
    ...recorded,
    browser,
    background,
    own,
    ownSettings,
    env,
    request,
    remove,
    download,
    changes,
    open: () => mount(<Options env={env} />),
  };
}

const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLTableRowElement>('table.rules tbody tr')];
const row = (root: HTMLElement, id: string) => root.querySelector<HTMLTableRowElement>(`tr[data-rule="${id}"]`);
const cells = (tr: HTMLTableRowElement) => [...tr.children].map((cell) => cell.textContent ?? '');
const filter = (root: HTMLElement, label: string) =>
  [...root.querySelectorAll('.filters label')].find((l) => l.textContent!.startsWith(label))!.querySelector('select');

/** Fills every text field of the rule form except `skip`. */
async function fillRuleForm(root: HTMLElement, skip: string) {
  const texts: Record<string, string> = {
    'rule-summary-zh': '本公司禁止拼多多链接',
    'rule-summary-en': 'Our agency bans Pinduoduo links',
    'rule-advice-zh': '改用抖音小店商品',
    'rule-advice-en': 'Use a Douyin shop product',
    'rule-announcement-title-zh': '公司通知',
    'rule-announcement-title-en': 'Agency memo',
    'rule-announcement-reports-0-name': 'agency wiki',
  };
  for (const [id, value] of Object.entries(texts)) {
    if (id !== skip) await change(root.querySelector(`#${id}`), value, 'input');
  }
}

describe('options rules table', () => {
  it('says under each rule when it was last reported, and what is inferred', async () => {
    const root = await (await setup()).open();
    expect(row(root, 'KS-4')!.querySelector('.rule-evidence')!.textContent).toMatch(
      /^Last reported 2022-10-20 \(comparemela\.com \(ChinaStarMarket\)\); no report since\. Inferred: /,
    );
    expect(row(root, 'MY-7')!.querySelector('.rule-evidence')!.textContent).toBe('No dated report on record.');
  });

  it('lists built-in, own and organisation rules with status, origin and last verified', async () => {
    const root = await (await setup()).open();
    expect(rows(root)).toHaveLength(BUILT_IN_RULES.length + 2);
    const mine = cells(row(root, 'MY-7')!);
    expect(mine[1]).toBe('Xiaohongshu');
    expect(mine.join('|')).toContain('from 2024-01-01');
    expect(mine[6]).toBe('in force');
    expect(mine[7]).toBe('mine');
    expect(mine[8]).toBe(CUSTOM_RULE.lastVerified);
    expect(cells(row(root, 'ORG-1')!)[7]).toBe('my organisation');
    const upcoming = await (async () => {
      await unmountAll();
      return (await setup({ custom: [aRule('MY-LATER', { from: '2030-01-01T00:00:00+08:00' })] })).open();
    })();
    expect(cells(row(upcoming, 'MY-LATER')!)[6]).toBe('upcoming');
  });

  it('filters by platform and by surface', async () => {
    const root = await (await setup()).open();
    await change(filter(root, 'Platform'), 'xiaohongshu');
    const shown = rows(root);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(BUILT_IN_RULES.length + 2);
    for (const tr of shown) expect(cells(tr)[1]).toBe('Xiaohongshu');
    expect(row(root, 'MY-7')).not.toBeNull();
    expect(root.querySelector('.filters [role="status"]')!.textContent).toBe(
      `${shown.length} of ${BUILT_IN_RULES.length + 2} rules shown`,
    );
    await change(filter(root, 'Listing on'), 'live-cart');
    for (const tr of rows(root)) expect(cells(tr)[2]).toContain('live');
    expect(row(root, 'MY-7')).toBeNull();
  });

  it('keeps organisation rules read-only: no edit, switch-off or delete', async () => {
    const root = await (await setup()).open();
    const managed = row(root, 'ORG-1')!;
    expect(managed.querySelectorAll('button')).toHaveLength(0);
    expect(managed.textContent).toContain('read-only');
    const mine = row(root, 'MY-7')!;
    expect([...mine.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Edit', 'Switch off', 'Delete']);
    const builtIn = row(root, BUILT_IN_RULES[0]!.id)!;
    expect([...builtIn.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Switch off']);
  });

  it('switches a built-in rule off and deletes an own rule', async () => {
    const { open, sentOf, own } = await setup();
    const root = await open();
    const first = BUILT_IN_RULES[0]!.id;
    await click(row(root, first)!.querySelector('button'));
    expect(sentOf('rules/toggle')).toEqual([{ type: 'rules/toggle', id: first, enabled: false }]);
    expect(cells(row(root, first)!)[6]).toContain('switched off');
    await click(buttonWithText(row(root, 'MY-7')!, 'Delete'));
    expect(sentOf('rules/delete')).toEqual([{ type: 'rules/delete', id: 'MY-7' }]);
    expect(own()).toEqual([]);
    expect(row(root, 'MY-7')).toBeNull();
  });
});

describe('options custom rules', () => {
  it('warns about an own rule that lifts a built-in ban, and not about one that does not', async () => {
    const ks4 = BUILT_IN_RULES.find((rule) => rule.id === 'KS-4')!;
    const lifting = { ...ks4, links: [{ source: 'tmall' as const }], verdict: 'allowed' as const };
    const warnings = async (custom: Rule[]) =>
      [...(await (await setup({ custom })).open()).querySelectorAll('.error-list')]
        .map((list) => list.textContent!)
        .filter((text) => text.startsWith('Rules in force that lift a built-in ban'));
    expect(await warnings([lifting])).toEqual([
      expect.stringContaining('mine: rule KS-4 allows links that the built-in rule KS-4 bans'),
    ]);
    expect(await warnings([CUSTOM_RULE])).toEqual([]);
  });

  it('shows which rule and field is wrong and saves nothing', async () => {
    const { open, sentOf } = await setup();
    const root = await open();
    await click(buttonWithText(root, 'Add a rule'));
    await fillRuleForm(root, 'rule-summary-en');
    await click(buttonWithText(root, 'Save rule'));
    const errors = root.querySelector('.rule-editor [role="alert"]')!.textContent!;
    expect(errors).toContain('The rule was not saved');
    expect(errors).toContain('rule MY-1: summary.en: must not be empty');
    expect(sentOf('rules/save')).toEqual([]);
    expect(row(root, 'MY-1')).toBeNull();
  });

  it('adds a valid rule and lists it as mine', async () => {
    const { open, sentOf, own } = await setup();
    const root = await open();
    await click(buttonWithText(root, 'Add a rule'));
    await fillRuleForm(root, '');
    await change(root.querySelector('#rule-platform'), 'douyin');
    await click(buttonWithText(root, 'Save rule'));
    expect(sentOf('rules/save')).toHaveLength(1);
    expect(own().map((r) => r.id)).toEqual(['MY-7', 'MY-1']);
    expect(own()[1]!.summary.en).toBe('Our agency bans Pinduoduo links');
    expect(root.querySelector('.rule-editor')).toBeNull();
    expect(cells(row(root, 'MY-1')!).slice(1, 2)).toEqual(['Douyin']);
  });

  it('moves the keyboard focus into the editor, and back to "Add a rule" when it closes (Escape cancels)', async () => {
    const { open, sentOf } = await setup();
    const root = await open();
    const add = buttonWithText(root, 'Add a rule');
    await click(add);
    expect(document.activeElement).toBe(root.querySelector('#rule-id'));
    await act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await settle();
    expect(root.querySelector('.rule-editor')).toBeNull();
    expect(document.activeElement).toBe(add);
    expect(sentOf('rules/save')).toEqual([]);
  });

  it('refuses an id already used by the organisation', async () => {
    const { open, sentOf } = await setup();
    const root = await open();
    await click(buttonWithText(root, 'Add a rule'));
    await fillRuleForm(root, '');
    await change(root.querySelector('#rule-id'), 'ORG-1', 'input');
    await click(buttonWithText(root, 'Save rule'));
    expect(root.querySelector('.rule-editor [role="alert"]')!.textContent).toContain(
      'rule ORG-1: id: a rule of your organisation already has this id',
    );
    expect(sentOf('rules/save')).toEqual([]);
  });

  it('edits an own rule in the JSON view and saves it under its id', async () => {
    const { open, own } = await setup();
    const root = await open();
    await click(buttonWithText(row(root, 'MY-7')!, 'Edit'));
    await click(buttonWithText(root.querySelector('.rule-editor')!, 'JSON'));
    const box = root.querySelector<HTMLTextAreaElement>('#rule-json')!;
    expect(JSON.parse(box.value)).toEqual(CUSTOM_RULE);
    await change(box, JSON.stringify({ ...CUSTOM_RULE, verdict: 'review' }), 'input');
    await click(buttonWithText(root, 'Save rule'));
    expect(own()).toEqual([{ ...CUSTOM_RULE, verdict: 'review' }]);
    expect(cells(row(root, 'MY-7')!)[4]).toContain('Check');
  });
});

describe('options import and export', () => {
  const paste = async (root: HTMLElement, text: string) => {
    await change(root.querySelector('#import-text'), text, 'input');
    await click(buttonWithText(root, 'Import'));
  };

  it('refuses text that is not JSON and changes nothing', async () => {
    const { open, sentOf, own } = await setup();
    const root = await open();
    const before = rows(root).length;
    await paste(root, '{"rules": [');
    const alert = root.querySelector('.import-export [role="alert"]')!.textContent!;
    expect(alert).toContain('Nothing was imported');
    expect(alert).toContain('pasted text: not valid JSON');
    expect(sentOf('rules/import')).toEqual([]);
    expect(own()).toEqual([CUSTOM_RULE]);
    expect(rows(root)).toHaveLength(before);
  });

  it('names the rule and field of a file with one bad rule, and imports none of it', async () => {
    const { open, sentOf, own } = await setup();
    const root = await open();
    await paste(root, JSON.stringify({ rules: [aRule('MY-20'), aRule('MY-21', { from: 'soon' })] }));
    expect(root.querySelector('.import-export [role="alert"]')!.textContent).toContain('rule MY-21: from:');
    expect(sentOf('rules/import')).toEqual([]);
    expect(own()).toEqual([CUSTOM_RULE]);
    expect(row(root, 'MY-20')).toBeNull();
  });

  it('imports a good file, says how many rules came in, and lists them', async () => {
    const { open, own } = await setup();
    const root = await open();
    await paste(root, JSON.stringify([aRule('MY-20'), { ...CUSTOM_RULE, verdict: 'review' }]));
    expect(root.querySelector('.import-export [role="status"]')!.textContent).toBe('Imported: 1 added, 1 replaced.');
    expect(own()).toEqual([{ ...CUSTOM_RULE, verdict: 'review' }, aRule('MY-20')]);
    expect(cells(row(root, 'MY-20')!)[7]).toBe('mine');
    expect(root.querySelector<HTMLTextAreaElement>('#import-text')!.value).toBe('');
  });

  it('shows the background refusing an import, and lists nothing new', async () => {
    const { open, sentOf, browser } = await setup();
    const root = await open();
    browser.local.writeFailure = new Error('storage quota exceeded');
    await paste(root, JSON.stringify([aRule('MY-30')]));
    expect(sentOf('rules/import')).toHaveLength(1);
    expect(root.querySelector('.import-export [role="alert"]')!.textContent).toContain('storage quota exceeded');
    expect(row(root, 'MY-30')).toBeNull();
  });

  it('imports a picked file all or nothing, naming the file, rule and field when one is wrong', async () => {
    const { open, sentOf, own } = await setup();
    const root = await open();
    const input = root.querySelector<HTMLInputElement>('#import-file')!;
    const pick = async (name: string, text: string) => {
      Object.defineProperty(input, 'files', {
        configurable: true,
        value: [new File([text], name, { type: 'application/json' })],
      });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
    };
    await pick(
      'team.json',
      JSON.stringify({ rules: [aRule('TEAM-1'), aRule('TEAM-2', { surfaces: ['stage'] as never })] }),
    );
    expect(root.querySelector('.import-export [role="alert"]')!.textContent).toContain(
      'team.json: rule TEAM-2: surfaces',
    );
    expect(sentOf('rules/import')).toEqual([]);
    await pick('team.json', JSON.stringify({ rules: [aRule('TEAM-1')] }));
    expect(sentOf('rules/import')).toHaveLength(1);
    expect(own().map((r) => r.id)).toEqual(['MY-7', 'TEAM-1']);
    expect(root.querySelector('.import-export [role="alert"]')).toBeNull();
  });

  it('exports the own rules as a file', async () => {
    const { open, download } = await setup();
    const root = await open();
    await click(buttonWithText(root, 'Export my rules'));
    expect(download).toHaveBeenCalledTimes(1);
    const [name, text] = download.mock.calls[0]!;
    expect(name).toBe('cartlint-rules.json');
    expect(JSON.parse(text)).toEqual({ comment: expect.stringContaining('2024-06-01'), rules: [CUSTOM_RULE] });
  });
});

describe('options settings', () => {
  const resolver = (root: HTMLElement) =>
    [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((box) =>
      box.closest('label')!.textContent!.includes('short links'),
    )!;

  it('asks for the resolver permission inside the click and switches on only when granted', async () => {
    const { open, request, sentOf } = await setup({}, true);
    const root = await open();
    const box = resolver(root);
    expect(box.checked).toBe(false);
    box.click(); // no await: the permission request must already have been made synchronously
    expect(request).toHaveBeenCalledWith({ origins: RESOLVER_ORIGINS });
    await settle();
    expect(sentOf('settings/set')).toEqual([{ type: 'settings/set', patch: { resolveShortLinks: true } }]);
    expect(resolver(root).checked).toBe(true);
  });

  it('stays off and says why when the permission is refused', async () => {
    const { open, request, sentOf } = await setup({}, false);
    const root = await open();
    resolver(root).click();
    expect(request).toHaveBeenCalledTimes(1);
    await settle();
    expect(sentOf('settings/set')).toEqual([]);
    expect(resolver(root).checked).toBe(false);
    expect(root.querySelector('.settings [role="alert"]')!.textContent).toContain('not granted');
  });

  it('switches the resolver off and gives the permission back', async () => {
    const { open, remove, sentOf } = await setup({ settings: { resolveShortLinks: true } });
    const root = await open();
    await click(resolver(root));
    expect(sentOf('settings/set')).toEqual([{ type: 'settings/set', patch: { resolveShortLinks: false } }]);
    expect(remove).toHaveBeenCalledWith({ origins: RESOLVER_ORIGINS });
  });

  it('offers to grant the permission again when the browser lost it while the resolver is on', async () => {
    const policy = { rules: [MANAGED_RULE], resolveShortLinks: true };
    const { open, request, sentOf } = await setup({ managed: policy }, true, false);
    const root = await open();
    expect(resolver(root).disabled).toBe(true);
    expect(root.querySelector('.resolver-missing')!.textContent).toContain('no longer holds the permission');
    buttonWithText(root, 'Grant the permission').click();
    expect(request).toHaveBeenCalledWith({ origins: RESOLVER_ORIGINS });
    await settle();
    expect(root.querySelector('.resolver-missing')).toBeNull();
    expect(sentOf('settings/set')).toEqual([]);
  });

  it('says nothing about the permission while the browser holds it', async () => {
    const root = await (await setup({ settings: { resolveShortLinks: true } })).open();
    expect(resolver(root).checked).toBe(true);
    expect(root.querySelector('.resolver-missing')).toBeNull();
  });

  it('pauses and resumes a site', async () => {
    const { open, ownSettings } = await setup();
    const root = await open();
    const site = (host: string) =>
      [...root.querySelectorAll<HTMLInputElement>('.paused-sites input')].find((b) =>
        b.closest('label')!.textContent!.includes(host),
      )!;
    await click(site('buyin.jinritemai.com'));
    expect(ownSettings().pausedSites).toEqual(['buyin.jinritemai.com']);
    expect(site('buyin.jinritemai.com').checked).toBe(true);
    await click(site('buyin.jinritemai.com'));
    expect(ownSettings().pausedSites).toEqual([]);
  });

  it('cannot pause when the organisation locked cartlint on, and shows managed settings locked', async () => {
    const root = await (await setup({ managed: { rules: [MANAGED_RULE], locked: true, language: 'zh' } })).open();
    expect(root.querySelector('main')!.lang).toBe('zh-CN');
    for (const box of root.querySelectorAll<HTMLInputElement>('.paused-sites input')) expect(box.disabled).toBe(true);
    expect(root.querySelector('.paused-sites')!.textContent).toContain('无法暂停');
    const language = root.querySelector<HTMLSelectElement>('#language')!;
    expect(language.disabled).toBe(true);
    expect(language.parentElement!.textContent).toContain('由您的组织统一设置');
  });

  it('changes the page language when the setting changes', async () => {
    const { open, sentOf } = await setup();
    const root = await open();
    expect(buttonsWithText(root, 'Add a rule')).toHaveLength(1);
    await change(root.querySelector('#language'), 'zh');
    expect(sentOf('settings/set')).toEqual([{ type: 'settings/set', patch: { language: 'zh' } }]);
    expect(buttonsWithText(root, '添加规则')).toHaveLength(1);
    expect(cells(row(root, 'ORG-1')!)[7]).toBe('我的组织');
    expect(row(root, 'ORG-1')!.querySelector('th')!.textContent).toContain(MANAGED_RULE.summary.zh);
  });
});

describe('options page while open', () => {
  it('re-reads and lists a rule saved elsewhere (the popup, another options tab)', async () => {
    const { open, sentOf, background, changes } = await setup();
    const root = await open();
    const reads = sentOf('config/get').length;
    expect(row(root, 'MY-NEW')).toBeNull();
    const rule = aRule('MY-NEW', { summary: { zh: '新规则', en: 'Rule from elsewhere' } });
    await background.send({ type: 'rules/save', rule });
    await changes.fire();
    expect(sentOf('config/get')).toHaveLength(reads + 1);
    expect(row(root, 'MY-NEW')!.textContent).toContain('Rule from elsewhere');
    expect(cells(row(root, 'MY-NEW')!)[7]).toBe('mine');
  });

  it('follows a policy change: new organisation rules and a language set by the organisation', async () => {
    const { open, browser, changes } = await setup();
    const root = await open();
    browser.managed.data = { rules: [MANAGED_RULE, aRule('ORG-2')], language: 'zh' };
    await changes.fire();
    expect(cells(row(root, 'ORG-2')!)[7]).toBe('我的组织');
    expect(root.querySelector('main')!.lang).toBe('zh-CN');
    expect(root.querySelector<HTMLSelectElement>('#language')!.disabled).toBe(true);
  });

  it('reads once more for a burst of changes, not once per change', async () => {
    const { open, sentOf, changes } = await setup();
    await open();
    const reads = sentOf('config/get').length;
    await changes.fire(5);
    expect(sentOf('config/get')).toHaveLength(reads + 2);
  });

  it('stops listening when the page closes', async () => {
    const { open, changes } = await setup();
    await open();
    expect(changes.listening).toBe(1);
    await unmountAll();
    expect(changes.listening).toBe(0);
  });
});

describe('options watched pages', () => {
  const watchRow = (root: HTMLElement, id: string) => root.querySelector<HTMLTableRowElement>(`tr[data-watch="${id}"]`);

  it('lists own and organisation watch rules; imports, exports, edits and deletes the own ones', async () => {
    const { open, background, download, sentOf } = await setup({
      managed: { rules: [MANAGED_RULE], watchRules: [aWatchRule('ORG-W', { host: 'org.example.com' })] },
    });
    await background.send({ type: 'watch/save', rule: aWatchRule('W-1') });
    const root = await open();
    expect(watchRow(root, 'W-1')!.textContent).toContain('shop.example.com/goods/edit');
    expect(watchRow(root, 'W-1')!.textContent).toContain('rows: [data-role="goods-list"] [class^="goods-row"]');
    expect(watchRow(root, 'ORG-W')!.querySelectorAll('button')).toHaveLength(0);
    expect(cells(watchRow(root, 'ORG-W')!)[3]).toBe('my organisation');

    await change(root.querySelector('#watch-import-text'), JSON.stringify([aWatchRule('W-2')]), 'input');
    await click(buttonWithText(root.querySelector('.watch-import')!, 'Import watch rules'));
    expect(root.querySelector('.watch-import [role="status"]')!.textContent).toBe('Imported: 1 added, 0 replaced.');
    expect(watchRow(root, 'W-2')).not.toBeNull();

    await click(buttonWithText(root, 'Export my watch rules'));
    const [name, text] = download.mock.calls[0]!;
    expect(name).toBe('cartlint-watch-rules.json');
    expect(JSON.parse(text).watchRules.map((rule: { id: string }) => rule.id)).toEqual(['W-1', 'W-2']);

    await click(buttonWithText(watchRow(root, 'W-1')!, 'Edit'));
    const box = root.querySelector<HTMLTextAreaElement>('#watch-json')!;
    await change(box, JSON.stringify({ ...JSON.parse(box.value), rows: ['li:nth-child(2)'] }), 'input');
    await click(buttonWithText(root, 'Save watch rule'));
    expect(root.querySelector('.watch-editor [role="alert"]')!.textContent).toContain('rows[0]: must not count');
    await change(box, JSON.stringify({ ...JSON.parse(box.value), rows: ['[data-role="cart"] .row'] }), 'input');
    await click(buttonWithText(root, 'Save watch rule'));
    expect(root.querySelector('.watch-editor')).toBeNull();
    expect(watchRow(root, 'W-1')!.textContent).toContain('[data-role="cart"] .row');

    await click(buttonWithText(watchRow(root, 'W-2')!, 'Delete'));
    expect(sentOf('watch/delete')).toEqual([{ type: 'watch/delete', id: 'W-2' }]);
    expect(watchRow(root, 'W-2')).toBeNull();
  });
  it('lists the other sites allowed for watch rules, and gives one back', async () => {
    const { open, background, browser, env } = await setup();
    await background.send({ type: 'watch/save', rule: aWatchRule('W-1') });
    // The dashboards and the resolver's hosts are not such sites.
    browser.permissions.granted = [
      'https://zs.kwaixiaodian.com/*',
      '*://t.cn/*',
      'https://shop.example.com/*',
      'https://old.example.net/*',
    ];
    env.permissions.remove = (asked) => browser.permissions.remove(asked);
    const root = await open();
    await settle();
    const listed = () => [...root.querySelectorAll('.granted-hosts li')].map((li) => li.textContent);
    expect(listed()).toEqual([
      'https://shop.example.com/* watched by W-1 Remove access',
      'https://old.example.net/* no watch rule names it: cartlint does not run there Remove access',
    ]);
    const remove = root.querySelector<HTMLButtonElement>('li[data-origin="https://shop.example.com/*"] button')!;
    expect(remove.getAttribute('aria-label')).toBe('Remove cartlint’s access to shop.example.com');
    await click(remove);
    await settle();
    expect(browser.permissions.granted).toEqual([
      'https://zs.kwaixiaodian.com/*',
      '*://t.cn/*',
      'https://old.example.net/*',
    ]);
    expect(listed()).toHaveLength(1);
  });

  it('says when no other site is allowed', async () => {
    const root = await (await setup()).open();
    await settle();
    expect(root.querySelector('.hosts-none')!.textContent).toContain('asks for that site');
  });
});
