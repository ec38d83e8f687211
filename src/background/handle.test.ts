import { describe, expect, it } from 'vitest';
import type { ConfigSnapshot, Reply, TabState } from '../protocol';
import { MAX_LISTED, NO_LINKS, toWire } from '../protocol';
import { REQUESTS } from '../protocol-schema';
import { notice } from '../core/notice';
import { BUILT_IN_RULES } from '../rules';
import { BADGE_AMBER, BADGE_RED } from './badge';
import {
  contentIn,
  EXTENSION_ID,
  fakeBrowser,
  finding,
  frameReport,
  KS_LIVE_URL,
  PAGE,
  page,
  startBackground,
  type FakeBrowser,
} from '../../test/support/fake-browser';
import { aRule } from '../../test/support/rules';

async function value<T>(reply: Promise<Reply<unknown>> | undefined): Promise<T> {
  const answer = await reply;
  if (!answer) throw new Error('no reply');
  if (!answer.ok) throw new Error(`error reply: ${answer.error}`);
  return answer.value as T;
}

async function error(reply: Promise<Reply<unknown>> | undefined): Promise<string> {
  const answer = await reply;
  if (!answer) throw new Error('no reply');
  if (answer.ok) throw new Error(`expected an error, got ${JSON.stringify(answer.value)}`);
  return answer.error;
}

const config = (bg: ReturnType<typeof startBackground>) => value<ConfigSnapshot>(bg.send({ type: 'config/get' }));
const ruleOf = (snapshot: ConfigSnapshot, id: string) => snapshot.rules.find((rule) => rule.id === id);

function withTab(browser: FakeBrowser, id = 7, url = KS_LIVE_URL) {
  browser.tabs.tabs.push({ id, url, active: true, listening: true });
  return contentIn(id, url);
}

/** The goods picker framed cross-origin (frame 4) in tab 7's live console. */
const PICKER_FRAME = contentIn(7, 'https://s.kwaixiaodian.com/picker', 4, KS_LIVE_URL);

/** A worker and tab 7's live console, its top frame a sender. */
function consoleTab() {
  const browser = fakeBrowser();
  return { browser, bg: startBackground(browser), top: withTab(browser) };
}

describe('senders', () => {
  it('ignores messages from other extensions and from tab-less senders that are not our pages', async () => {
    const bg = startBackground(fakeBrowser());
    expect(
      bg.send({ type: 'config/get' }, { id: 'evil@example.org', url: 'chrome-extension://evil/x.html' }),
    ).toBeUndefined();
    expect(bg.send({ type: 'config/get' }, { url: PAGE.url })).toBeUndefined();
    expect(bg.send({ type: 'config/get' }, { id: EXTENSION_ID, url: 'https://example.org/' })).toBeUndefined();
  });

  it('answers our pages, including one opened in a tab (popup.html?tab=ID)', async () => {
    const bg = startBackground(fakeBrowser());
    const inTab = { ...PAGE, url: `${PAGE.url}?tab=3`, tab: { id: 9, url: `${PAGE.url}?tab=3` } };
    await value(bg.send({ type: 'settings/set', patch: { language: 'zh' } }, inTab));
    expect((await config(bg)).settings.language).toBe('zh');
  });

  it('lets content scripts only read config, report and resolve, never change rules or settings', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    const content = withTab(browser);
    await value(bg.send({ type: 'config/get' }, content));
    for (const message of [
      { type: 'settings/set', patch: { pausedSites: [] } },
      { type: 'rules/delete', id: 'KS-4' },
      { type: 'rules/toggle', id: 'KS-4', enabled: false },
      { type: 'tab/state', tabId: 1 },
    ]) {
      expect(await error(bg.send(message, content))).toContain(message.type);
    }
    expect(ruleOf(await config(bg), 'KS-4')?.enabled).toBe(true);
  });
});

describe('malformed messages', () => {
  it.each([
    [null, 'Malformed message'],
    ['config/get', 'Malformed message'],
    [{ type: 'nope' }, 'type nope'],
    [{ type: 'tab/state', tabId: 'one' }, 'tabId'],
    [{ type: 'surface/set', tabId: 1, pattern: 'p', surface: 'moon' }, 'surface'],
    [{ type: 'finding/reveal', tabId: 1 }, 'findingId'],
    [{ type: 'settings/set', patch: [] }, 'patch'],
    [{ type: 'rules/import' }, 'json'],
    [{ type: 'rules/toggle', id: 'KS-4', enabled: 'yes' }, 'enabled'],
    [{ type: 'link/resolve', url: 42 }, 'url'],
  ])('%j gets an error reply naming what is wrong', async (message, words) => {
    const bg = startBackground(fakeBrowser());
    expect(await error(bg.send(message))).toContain(words);
  });

  it('checks report fields down to each finding', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    const content = withTab(browser);
    const bad = {
      ...finding('f1', 'banned'),
      decision: { verdict: 'terrible', rule: null, reason: { zh: '', en: '' } },
    };
    const reply = bg.send({ type: 'tab/report', page: page(), findings: [bad], counts: NO_LINKS, at: 'x' }, content);
    expect(await error(reply)).toContain('findings[0].decision.verdict');
    expect(
      await error(bg.send({ type: 'tab/report', page: { url: 1 }, findings: [], counts: NO_LINKS, at: 'x' }, content)),
    ).toContain('page.url');
  });

  it('answers every request type of the protocol with a reply, never a crash', async () => {
    const bg = startBackground(fakeBrowser());
    for (const type of Object.keys(REQUESTS)) {
      const reply = await bg.send({ type });
      expect(reply, type).toBeDefined();
      expect(typeof reply!.ok, type).toBe('boolean');
    }
  });

  it('replies in the UI language', async () => {
    const bg = startBackground(fakeBrowser(), { uiLocale: 'zh-CN' });
    expect(await error(bg.send({ type: 'rules/delete', id: 'NOPE-1' }))).toBe('没有规则 NOPE-1。');
  });
});

describe('config/get', () => {
  it('lists built-in rules with origin and on/off, default settings, no overrides, nothing managed', async () => {
    const snapshot = await config(startBackground(fakeBrowser()));
    expect(snapshot.rules.map((r) => r.id)).toEqual(BUILT_IN_RULES.map((r) => r.id));
    expect(snapshot.rules.every((r) => r.origin === 'built-in' && r.enabled)).toBe(true);
    expect(snapshot.settings).toEqual({ language: 'auto', pausedSites: [], resolveShortLinks: false });
    expect(snapshot).toMatchObject({ surfaceOverrides: {}, managedKeys: [], locked: false, problems: [] });
  });
});

describe('tab/report, tab/state and the badge', () => {
  const at = '2026-11-23T02:00:00.000Z';

  it('stores findings per tab and frame, and the popup reads them back', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    const top = withTab(browser);
    await value(bg.send({ type: 'tab/report', ...frameReport([finding('a', 'banned')], at) }, top));
    const frame = contentIn(7, 'https://zs.kwaixiaodian.com/frame', 3);
    await value(
      bg.send(
        {
          type: 'tab/report',
          ...frameReport([finding('b', 'review')], at, { url: 'https://zs.kwaixiaodian.com/frame' }),
        },
        frame,
      ),
    );
    const state = await value<TabState>(bg.send({ type: 'tab/state', tabId: 7 }));
    expect(state).toMatchObject({ tabId: 7, at, paused: false, page: { url: KS_LIVE_URL } });
    // A child frame's findings carry its frame id: two frames may name their fields alike.
    expect(state.findings.map((f) => f.id)).toEqual(['a', '3|b']);
    // A new report replaces the frame's previous one.
    await value(bg.send({ type: 'tab/report', ...frameReport([], at) }, top));
    expect((await value<TabState>(bg.send({ type: 'tab/state', tabId: 7 }))).findings.map((f) => f.id)).toEqual([
      '3|b',
    ]);
  });

  it('counts a frame’s findings on the tab’s badge until the frame says it is gone', async () => {
    const { browser, bg, top } = consoleTab();
    const frame = PICKER_FRAME;
    await value(bg.send({ type: 'tab/report', ...frameReport([finding('a', 'banned')], at) }, top));
    await value(bg.send({ type: 'tab/report', ...frameReport([finding('a', 'banned')], at) }, frame));
    expect(browser.action.badges.get(7)?.text).toBe('2');
    await value(bg.send({ type: 'frame/gone' }, frame));
    expect(browser.action.badges.get(7)?.text).toBe('1');
    const state = await value<TabState>(bg.send({ type: 'tab/state', tabId: 7 }));
    expect(state.findings.map((f) => f.id)).toEqual(['a']);
    // The last frame gone leaves nothing stored for the tab.
    await value(bg.send({ type: 'frame/gone' }, top));
    expect(browser.session?.data).toEqual({});
    expect(browser.action.badges.get(7)?.text).toBe('');
  });

  it('tells the top frame the banned links its tab’s other frames hold, for its submit guard', async () => {
    const { browser, bg, top } = consoleTab();
    const frame = PICKER_FRAME;
    await value(bg.send({ type: 'tab/report', ...frameReport([finding('a', 'banned')], at) }, top));
    expect(browser.tabs.sent).toEqual([]); // no frames: nothing to tell
    const banned = finding('b', 'banned', 'https://item.jd.com/1.html');
    await value(bg.send({ type: 'tab/report', ...frameReport([banned, finding('c', 'review')], at) }, frame));
    const told = { tabId: 7, frameId: 0 };
    const { link, decision } = banned;
    expect(browser.tabs.sent).toEqual([{ ...told, message: { type: 'frames/banned', banned: [{ link, decision }] } }]);
    await value(bg.send({ type: 'frame/gone' }, frame));
    expect(browser.tabs.sent.at(-1)).toEqual({ ...told, message: { type: 'frames/banned', banned: [] } });
  });

  it('tells a frame its tab’s top page: the address, and the surface the top frame reported on it', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    const frame = PICKER_FRAME;
    expect(await value(bg.send({ type: 'frame/top' }, frame))).toEqual({ url: KS_LIVE_URL, surface: 'unknown' });
    await value(bg.send({ type: 'tab/report', ...frameReport([], at) }, withTab(browser)));
    expect(await value(bg.send({ type: 'frame/top' }, frame))).toEqual({ url: KS_LIVE_URL, surface: 'live-cart' });
    // The top report of an address the tab left says nothing of the page it shows now.
    const moved = contentIn(7, 'https://s.kwaixiaodian.com/picker', 4, 'https://cp.kuaishou.com/article/publish/video');
    expect(await value(bg.send({ type: 'frame/top' }, moved))).toMatchObject({ surface: 'unknown' });
    // A top page on a host we hold no permission for: the browser gives no address.
    const elsewhere = { ...contentIn(8, 'https://s.kwaixiaodian.com/picker', 4), tab: { id: 8 } };
    expect(await value(bg.send({ type: 'frame/top' }, elsewhere))).toEqual({ url: null, surface: 'unknown' });
    expect(await error(bg.send({ type: 'frame/top' }))).toContain('content script');
  });

  it('takes a report in its wire form (findings as one JSON string) and checks what it unpacks', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    const top = withTab(browser);
    const findings = [finding('a', 'banned'), finding('b', 'review')];
    await value(bg.send(toWire({ type: 'tab/report', ...frameReport(findings, at) }), top));
    expect((await value<TabState>(bg.send({ type: 'tab/state', tabId: 7 }))).findings).toEqual(findings);
    const broken = { type: 'tab/report', page: page(), findingsJson: '[{"id":', at };
    expect(await error(bg.send(broken, top))).toContain('findings');
  });

  it('reads the active tab when no tab id is given', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    browser.tabs.tabs.push({ id: 4, url: 'https://example.org/', active: false });
    await value(bg.send({ type: 'tab/report', ...frameReport([finding('a', 'banned')], at) }, withTab(browser, 5)));
    const state = await value<TabState>(bg.send({ type: 'tab/state' }));
    expect(state.tabId).toBe(5);
    expect(state.findings).toHaveLength(1);
  });

  it('answers an empty state for a tab nothing reported on', async () => {
    const state = await value<TabState>(startBackground(fakeBrowser()).send({ type: 'tab/state', tabId: 99 }));
    expect(state).toEqual({ tabId: 99, page: null, findings: [], counts: NO_LINKS, at: null, paused: false });
  });

  it('refuses a report from a page that is not in a tab', async () => {
    expect(await error(startBackground(fakeBrowser()).send({ type: 'tab/report', ...frameReport([], at) }))).toContain(
      'content script',
    );
  });

  it('paints the badge: banned count in red, review count in amber, nothing when clean', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    const content = withTab(browser);
    const report = (findings: ReturnType<typeof finding>[]) =>
      value(bg.send({ type: 'tab/report', ...frameReport(findings, at) }, content));
    await report([finding('a', 'banned'), finding('b', 'banned'), finding('c', 'review')]);
    expect(browser.action.badges.get(7)).toMatchObject({ text: '2', color: BADGE_RED });
    await report([finding('c', 'review'), finding('d', 'allowed')]);
    expect(browser.action.badges.get(7)).toMatchObject({ text: '1', color: BADGE_AMBER });
    await report([finding('d', 'allowed')]);
    expect(browser.action.badges.get(7)?.text).toBe('');
  });

  it('shows a paused site as paused, with no badge, unless the organisation locked cartlint on', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    const content = withTab(browser);
    await value(bg.send({ type: 'settings/set', patch: { pausedSites: ['zs.kwaixiaodian.com'] } }));
    await value(bg.send({ type: 'tab/report', ...frameReport([finding('a', 'banned')], at) }, content));
    expect((await value<TabState>(bg.send({ type: 'tab/state', tabId: 7 }))).paused).toBe(true);
    expect(browser.action.badges.get(7)?.text).toBe('');

    browser.managed.data = { locked: true };
    const locked = startBackground(browser);
    expect((await value<TabState>(locked.send({ type: 'tab/state', tabId: 7 }))).paused).toBe(false);
  });
});

describe('surface/set', () => {
  it('remembers the surface per page pattern, forgets it on unknown, and tells the tabs', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    withTab(browser);
    browser.tabs.tabs.push({ id: 8, url: 'https://example.org/' }); // no content script: rejects, ignored
    await value(bg.send({ type: 'surface/set', tabId: 7, pattern: 'p1', surface: 'video-cart' }));
    expect((await config(bg)).surfaceOverrides).toEqual({ p1: 'video-cart' });
    expect(browser.tabs.sent).toEqual([{ tabId: 7, message: { type: 'config/changed' }, frameId: undefined }]);
    await value(bg.send({ type: 'surface/set', tabId: 7, pattern: 'p1', surface: 'unknown' }));
    expect((await config(bg)).surfaceOverrides).toEqual({});
  });
});

describe('big carts and many tabs (red team H1, H2)', () => {
  const at = '2026-11-23T02:00:00.000Z';
  /** What the content script sends for a cart of `rows` rows: one banned row, every tenth to check, the rest the
   *  shop's own goods; listed as it lists them (banned first, at most MAX_LISTED), everything counted. */
  const bigCart = (rows: number, tag: string) => {
    const review = Math.floor(rows / 10);
    const findings = [
      finding(`${tag} row ${rows - 1}@0`, 'banned'),
      ...Array.from({ length: Math.min(review, MAX_LISTED - 1) }, (_, i) =>
        finding(`${tag} row ${i * 10}@0`, 'review', `https://mobile.yangkeduo.com/goods.html?goods_id=${i}`),
      ),
    ];
    return {
      type: 'tab/report',
      page: page(),
      findings,
      counts: { banned: 1, review, allowed: rows - 1 - review },
      at,
    };
  };

  // 0.1.0 refused a report of more than 5,000 findings whole (allowed ones counted): no badge, empty popup.
  it('takes an 8,000-row cart: the badge and the popup count every link, the popup lists what needs a decision', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    await value(bg.send(toWire(bigCart(8000, 'a')), withTab(browser)));
    expect(browser.action.badges.get(7)).toMatchObject({ text: '1', color: BADGE_RED });
    const state = await value<TabState>(bg.send({ type: 'tab/state', tabId: 7 }));
    expect(state.counts).toEqual({ banned: 1, review: 800, allowed: 7199 });
    expect(state.findings).toHaveLength(MAX_LISTED);
    expect(state.findings[0]!.decision.verdict).toBe('banned');
  });

  it('refuses a list longer than MAX_LISTED and a report without counts', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    const content = withTab(browser);
    const long = Array.from({ length: MAX_LISTED + 1 }, (_, i) => finding(`f${i}`, 'review'));
    expect(await error(bg.send({ type: 'tab/report', ...frameReport(long, at) }, content))).toContain('findings');
    const { counts: _, ...uncounted } = frameReport([finding('a', 'banned')], at);
    expect(await error(bg.send({ type: 'tab/report', ...uncounted }, content))).toContain('counts');
  });

  // 0.1.0 stored ~1.3 KB a finding in the 10 MB session area shared by all tabs: the 4th 2,000-row tab was lost.
  it('keeps six 8,000-row tabs within the session quota, each one counted and listed', async () => {
    const browser = fakeBrowser();
    browser.session!.quotaBytes = 10 * 1024 * 1024;
    const bg = startBackground(browser);
    for (let tab = 1; tab <= 6; tab++) await value(bg.send(toWire(bigCart(8000, `t${tab}`)), withTab(browser, tab)));
    for (let tab = 1; tab <= 6; tab++) {
      expect(browser.action.badges.get(tab)?.text, `tab ${tab}`).toBe('1');
      expect((await value<TabState>(bg.send({ type: 'tab/state', tabId: tab }))).findings).toHaveLength(MAX_LISTED);
    }
    // The figure the design is for: a listed finding costs a few hundred bytes, not 1.3 KB.
    expect(browser.session!.bytesInUse() / (6 * MAX_LISTED)).toBeLessThan(400);
  });

  it('when storage is full, evicts tabs that were closed unheard, then keeps the counts without the list', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    // A closed tab's report left behind (its onRemoved never reached a worker).
    await value(bg.send(toWire(bigCart(8000, 'gone')), withTab(browser, 3)));
    browser.tabs.tabs = browser.tabs.tabs.filter((tab) => tab.id !== 3);
    browser.session!.quotaBytes = browser.session!.bytesInUse() + 1000;
    await value(bg.send(toWire(bigCart(8000, 'new')), withTab(browser, 4)));
    expect(browser.session!.data).not.toHaveProperty('tab:3');
    expect((await value<TabState>(bg.send({ type: 'tab/state', tabId: 4 }))).findings).toHaveLength(MAX_LISTED);
    // Nothing left to evict: the new tab is still counted (badge and popup), its list waits for room.
    browser.session!.quotaBytes = browser.session!.bytesInUse() + 1000;
    await value(bg.send(toWire(bigCart(8000, 'full')), withTab(browser, 5)));
    expect(browser.action.badges.get(5)?.text).toBe('1');
    const full = await value<TabState>(bg.send({ type: 'tab/state', tabId: 5 }));
    expect(full).toMatchObject({ findings: [], counts: { banned: 1, review: 800, allowed: 7199 } });
  });
});

describe('finding/reveal', () => {
  it('forwards to the frame that reported the finding', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    withTab(browser);
    const at = '2026-11-23T02:00:00.000Z';
    await value(
      bg.send({ type: 'tab/report', ...frameReport([finding('f9', 'banned')], at) }, contentIn(7, KS_LIVE_URL)),
    );
    await value(
      bg.send({ type: 'tab/report', ...frameReport([finding('f9', 'banned')], at) }, contentIn(7, KS_LIVE_URL, 2)),
    );
    // The popup names the frame's finding by its id in the tab; the frame is sent the id it knows.
    await value(bg.send({ type: 'finding/reveal', tabId: 7, findingId: '2|f9' }));
    await value(bg.send({ type: 'finding/reveal', tabId: 7, findingId: 'f9' }));
    expect(browser.tabs.sent.filter((sent) => sent.message.type === 'finding/reveal')).toEqual([
      { tabId: 7, message: { type: 'finding/reveal', findingId: 'f9' }, frameId: 2 },
      { tabId: 7, message: { type: 'finding/reveal', findingId: 'f9' }, frameId: 0 },
    ]);
  });

  it('says so when the finding is gone or the page does not answer', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    const content = withTab(browser);
    expect(await error(bg.send({ type: 'finding/reveal', tabId: 7, findingId: 'x' }))).toContain('no longer');
    await value(
      bg.send({ type: 'tab/report', ...frameReport([finding('x', 'banned')], '2026-11-23T02:00:00Z') }, content),
    );
    browser.tabs.tabs[0]!.listening = false;
    expect(await error(bg.send({ type: 'finding/reveal', tabId: 7, findingId: 'x' }))).toContain('reload');
  });
});

describe('settings/set', () => {
  it('stores a valid patch and answers the settings now in force', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    withTab(browser);
    const settings = await value(
      bg.send({ type: 'settings/set', patch: { language: 'en', pausedSites: ['CPS.kwaixiaodian.com'] } }),
    );
    expect(settings).toEqual({ language: 'en', pausedSites: ['cps.kwaixiaodian.com'], resolveShortLinks: false });
    expect(browser.tabs.sent.map((s) => s.message)).toEqual([{ type: 'config/changed' }]);
  });

  it('rejects unknown keys and unusable values, changing nothing', async () => {
    const bg = startBackground(fakeBrowser());
    expect(
      await error(bg.send({ type: 'settings/set', patch: { language: 'fr', resolveShortLinks: true } })),
    ).toContain('language');
    expect(await error(bg.send({ type: 'settings/set', patch: { theme: 'dark' } }))).toContain('theme');
    expect((await config(bg)).settings.resolveShortLinks).toBe(false);
  });

  it('rejects changing a setting the organisation fixed, and pausing when locked; resuming stays possible', async () => {
    const browser = fakeBrowser({
      local: { schemaVersion: 2, settings: { pausedSites: ['s.kwaixiaodian.com'] } },
      managed: { language: 'zh', locked: true },
    });
    const bg = startBackground(browser);
    expect(await error(bg.send({ type: 'settings/set', patch: { language: 'en' } }))).toContain('language');
    expect(
      await error(bg.send({ type: 'settings/set', patch: { pausedSites: ['s.kwaixiaodian.com', 'cp.kuaishou.com'] } })),
    ).toMatch(/暂停/);
    // The managed value itself may be sent back unchanged (the options page sends whole settings).
    await value(bg.send({ type: 'settings/set', patch: { language: 'zh', pausedSites: [] } }));
    expect((await config(bg)).settings).toMatchObject({ language: 'zh', pausedSites: [] });
  });
});

describe('rules', () => {
  it('rules/save adds and replaces a custom rule, keeping its on/off choice', async () => {
    const bg = startBackground(fakeBrowser());
    await value(bg.send({ type: 'rules/save', rule: aRule('MY-1') }));
    await value(bg.send({ type: 'rules/toggle', id: 'MY-1', enabled: false }));
    await value(bg.send({ type: 'rules/save', rule: aRule('MY-1', { verdict: 'review' }) }));
    expect(ruleOf(await config(bg), 'MY-1')).toMatchObject({ origin: 'custom', enabled: false, verdict: 'review' });
  });

  it('rules/save refuses an invalid rule, naming the field', async () => {
    const bg = startBackground(fakeBrowser());
    const reply = bg.send({ type: 'rules/save', rule: { ...aRule('MY-1'), from: '2024-13-01' } });
    expect(await error(reply)).toMatch(/rule MY-1: from/);
    expect(ruleOf(await config(bg), 'MY-1')).toBeUndefined();
  });

  it('warns, in the config, about a custom rule that lifts a built-in ban, while it is on', async () => {
    const bg = startBackground(fakeBrowser());
    const ks4 = BUILT_IN_RULES.find((r) => r.id === 'KS-4')!;
    expect((await config(bg)).loosened).toEqual([]);
    await value(bg.send({ type: 'rules/save', rule: { ...ks4, links: [{ source: '*' }], verdict: 'allowed' } }));
    expect((await config(bg)).loosened).toEqual([
      { origin: 'custom', rule: 'KS-4', ban: 'KS-2', platform: 'kuaishou', surfaces: ['live-cart'] },
      { origin: 'custom', rule: 'KS-4', ban: 'KS-4', platform: 'kuaishou', surfaces: ks4.surfaces },
    ]);
    await value(bg.send({ type: 'rules/toggle', id: 'KS-4', enabled: false }));
    expect((await config(bg)).loosened).toEqual([]);
  });

  it('a custom rule with a built-in id replaces it; deleting it brings the built-in back', async () => {
    const bg = startBackground(fakeBrowser());
    const ks4 = BUILT_IN_RULES.find((r) => r.id === 'KS-4')!;
    await value(bg.send({ type: 'rules/save', rule: { ...ks4, verdict: 'review' } }));
    expect(ruleOf(await config(bg), 'KS-4')).toMatchObject({ origin: 'custom', verdict: 'review' });
    await value(bg.send({ type: 'rules/delete', id: 'KS-4' }));
    expect(ruleOf(await config(bg), 'KS-4')).toMatchObject({ origin: 'built-in', verdict: ks4.verdict });
  });

  it('refuses ids that would name two rules: an exception id of another rule, or an organisation rule', async () => {
    const bg = startBackground(fakeBrowser({ managed: { rules: [aRule('ORG-1')] } }));
    expect(await error(bg.send({ type: 'rules/save', rule: aRule('KS-6-jd') }))).toContain('rule KS-5');
    expect(await error(bg.send({ type: 'rules/save', rule: aRule('ORG-1') }))).toContain('organisation');
  });

  it('rules/toggle switches built-in rules off and on; organisation rules cannot be switched', async () => {
    const bg = startBackground(fakeBrowser({ managed: { rules: [aRule('ORG-1')] } }));
    await value(bg.send({ type: 'rules/toggle', id: 'KS-4', enabled: false }));
    expect(ruleOf(await config(bg), 'KS-4')?.enabled).toBe(false);
    await value(bg.send({ type: 'rules/toggle', id: 'KS-4', enabled: true }));
    expect(ruleOf(await config(bg), 'KS-4')?.enabled).toBe(true);
    expect(await error(bg.send({ type: 'rules/toggle', id: 'ORG-1', enabled: false }))).toContain('organisation');
    expect(await error(bg.send({ type: 'rules/toggle', id: 'NOPE', enabled: false }))).toContain('no rule NOPE');
  });

  it('rules/delete removes only the operator’s own rules', async () => {
    const bg = startBackground(fakeBrowser({ managed: { rules: [aRule('ORG-1')] } }));
    await value(bg.send({ type: 'rules/save', rule: aRule('MY-1') }));
    await value(bg.send({ type: 'rules/delete', id: 'MY-1' }));
    expect(ruleOf(await config(bg), 'MY-1')).toBeUndefined();
    expect(await error(bg.send({ type: 'rules/delete', id: 'KS-1' }))).toContain('built in');
    expect(await error(bg.send({ type: 'rules/delete', id: 'ORG-1' }))).toContain('organisation');
  });

  it('rules/import adds and replaces, all or nothing, naming rule and field on failure', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    await value(bg.send({ type: 'rules/save', rule: aRule('MY-1') }));
    const good = JSON.stringify({ rules: [aRule('MY-1', { verdict: 'review' }), aRule('MY-2')] });
    expect(await value(bg.send({ type: 'rules/import', json: good }))).toEqual({ added: 1, replaced: 1 });

    const before = JSON.stringify(browser.local.data);
    const bad = JSON.stringify([aRule('MY-3'), { ...aRule('MY-4'), verdict: 'forbidden' }]);
    expect(await error(bg.send({ type: 'rules/import', json: bad }))).toMatch(/rule MY-4: verdict/);
    expect(await error(bg.send({ type: 'rules/import', json: '{"rules": [' }))).toContain('not valid JSON');
    expect(await error(bg.send({ type: 'rules/import', json: '[]' }))).toContain('no rules');
    expect(JSON.stringify(browser.local.data)).toBe(before);
  });

  it('rules/export writes the custom rules as a file rules/import takes back', async () => {
    const first = fakeBrowser();
    const bg = startBackground(first);
    await value(bg.send({ type: 'rules/save', rule: aRule('MY-1') }));
    await value(bg.send({ type: 'rules/save', rule: aRule('MY-2', { platform: 'douyin' }) }));
    const { json } = await value<{ json: string }>(bg.send({ type: 'rules/export' }));
    expect(JSON.parse(json).rules.map((r: { id: string }) => r.id)).toEqual(['MY-1', 'MY-2']);

    const other = startBackground(fakeBrowser());
    expect(await value(other.send({ type: 'rules/import', json }))).toEqual({ added: 2, replaced: 0 });
    expect(ruleOf(await config(other), 'MY-2')).toMatchObject({ origin: 'custom', platform: 'douyin' });
  });
});

describe('worker restart', () => {
  it('a new worker over the same storage answers as the old one did', async () => {
    const browser = fakeBrowser();
    const first = startBackground(browser);
    const content = withTab(browser);
    await value(first.send({ type: 'rules/save', rule: aRule('MY-1') }));
    await value(first.send({ type: 'rules/toggle', id: 'KS-1', enabled: false }));
    await value(first.send({ type: 'surface/set', tabId: 7, pattern: 'p', surface: 'note' }));
    await value(
      first.send({ type: 'tab/report', ...frameReport([finding('a', 'banned')], '2026-11-23T02:00:00Z') }, content),
    );
    const snapshot = await config(first);
    const state = await value<TabState>(first.send({ type: 'tab/state', tabId: 7 }));

    const second = startBackground(browser);
    expect(await config(second)).toEqual(snapshot);
    expect(await value(second.send({ type: 'tab/state', tabId: 7 }))).toEqual(state);
  });
});

describe('link/resolve', () => {
  it('never fetches while the resolver is off, then follows a granted short link once', async () => {
    const browser = fakeBrowser();
    browser.redirects['https://t.cn/abc'] = 'https://item.taobao.com/item.htm?id=1';
    browser.permissions.granted = ['*://t.cn/*'];
    const bg = startBackground(browser);
    expect(await value(bg.send({ type: 'link/resolve', url: 'https://t.cn/abc' }))).toEqual({ target: null });
    expect(browser.fetched).toEqual([]);

    await value(bg.send({ type: 'settings/set', patch: { resolveShortLinks: true } }));
    const content = withTab(browser);
    expect(await value(bg.send({ type: 'link/resolve', url: 'https://t.cn/abc' }, content))).toEqual({
      target: 'https://item.taobao.com/item.htm?id=1',
    });
    await value(bg.send({ type: 'link/resolve', url: 'https://t.cn/abc' }));
    expect(browser.fetched).toEqual(['https://t.cn/abc']);
  });
});

describe('notice/text', () => {
  it('words a flagged link’s notice for the page’s card with the rules in force, in the language asked', async () => {
    const browser = fakeBrowser();
    const bg = startBackground(browser);
    const content = withTab(browser);
    const { link } = finding('f1', 'banned');
    const decision = { ...finding('f1', 'banned').decision, rule: 'KS-4', since: '2022-03-01T00:00:00+08:00' };
    const ask = (lang: 'zh' | 'en') =>
      value<{ text: string }>(
        bg.send({ type: 'notice/text', link, decision, platform: 'kuaishou', surface: 'live-cart', lang }, content),
      );
    const ctx = { platform: 'kuaishou', surface: 'live-cart', rules: (await config(bg)).rules } as const;
    expect((await ask('en')).text).toBe(notice({ link, decision }, { ...ctx, lang: 'en' }));
    expect((await ask('zh')).text).toBe(notice({ link, decision }, { ...ctx, lang: 'zh' }));
    expect((await ask('en')).text).toContain(link.text);
    expect(
      await error(bg.send({ type: 'notice/text', link, decision, platform: 'moon', surface: 'live-cart', lang: 'en' })),
    ).toContain('platform');
  });
});
