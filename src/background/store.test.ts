import { describe, expect, it } from 'vitest';
import type { ConfigSnapshot, Reply } from '../protocol';
import { BUILT_IN_RULES } from '../rules';
import { FakeArea, fakeBrowser, finding, frameReport, startBackground } from '../../test/support/fake-browser';
import { aRule } from '../../test/support/rules';
import { createStore, migrateV1, SCHEMA_VERSION } from './store';

/** What cartlint's first storage layout held: rules keyed by id with their own `enabled`, flat settings. */
const V1_DATA = {
  customRules: {
    'MY-1': { ...aRule('MY-1'), enabled: false },
    'MY-2': (({ id: _id, ...rest }) => rest)(aRule('MY-2', { platform: 'douyin' })),
    'KS-4': { ...BUILT_IN_RULES.find((r) => r.id === 'KS-4')!, verdict: 'review' },
    'MY-BROKEN': { ...aRule('MY-BROKEN'), verdict: 'forbidden' },
  },
  disabledRules: ['DY-1'],
  language: 'zh',
  pausedSites: ['cps.kwaixiaodian.com'],
  resolveShortLinks: 'yes', // never a valid value; must not survive as one
  surfaceOverrides: { 'kuaishou-live-helper:/page/helper': 'video-cart', junk: 'moon' },
};

const snapshotOf = async (reply: Promise<Reply<unknown>> | undefined) => {
  const answer = await reply;
  if (!answer?.ok) throw new Error(`config/get failed: ${JSON.stringify(answer)}`);
  return answer.value as ConfigSnapshot;
};

describe('migration from layout 1', () => {
  it('installs old data, upgrades it on the first request, and keeps every custom rule', async () => {
    const browser = fakeBrowser({ local: V1_DATA });
    const bg = startBackground(browser);
    const snapshot = await snapshotOf(bg.send({ type: 'config/get' }));

    expect(browser.local.data.schemaVersion).toBe(SCHEMA_VERSION);
    for (const old of ['disabledRules', 'language', 'pausedSites', 'resolveShortLinks'])
      expect(browser.local.data).not.toHaveProperty(old);
    expect(browser.local.data.settings).toEqual({ language: 'zh', pausedSites: ['cps.kwaixiaodian.com'] });
    expect(browser.local.data.disabledBuiltIn).toEqual(['DY-1']);

    const byId = new Map(snapshot.rules.map((rule) => [rule.id, rule]));
    expect(byId.get('MY-1')).toMatchObject({ origin: 'custom', enabled: false });
    expect(byId.get('MY-2')).toMatchObject({ origin: 'custom', enabled: true, platform: 'douyin' });
    expect(byId.get('KS-4')).toMatchObject({ origin: 'custom', verdict: 'review' });
    expect(byId.get('DY-1')).toMatchObject({ origin: 'built-in', enabled: false });
    expect(snapshot.settings).toEqual({
      language: 'zh',
      pausedSites: ['cps.kwaixiaodian.com'],
      resolveShortLinks: false,
    });
    expect(snapshot.surfaceOverrides).toEqual({ 'kuaishou-live-helper:/page/helper': 'video-cart' });
    // A rule today's schema rejects is reported, not used, and not thrown away.
    expect(byId.has('MY-BROKEN')).toBe(false);
    expect(snapshot.problems.join('\n')).toMatch(/rule MY-BROKEN: verdict/);
    const stored = browser.local.data.customRules as { rule: { id: string } }[];
    expect(stored.map((entry) => entry.rule.id)).toEqual(['MY-1', 'MY-2', 'KS-4', 'MY-BROKEN']);
  });

  it('is pure: the same old data always gives the same new layout', () => {
    expect(migrateV1(V1_DATA)).toEqual(migrateV1(JSON.parse(JSON.stringify(V1_DATA))));
  });

  it('runs once even when requests arrive together, and not again on the next worker', async () => {
    const browser = fakeBrowser({ local: V1_DATA });
    const bg = startBackground(browser);
    const [a, b] = await Promise.all([
      snapshotOf(bg.send({ type: 'config/get' })),
      snapshotOf(bg.send({ type: 'config/get' })),
    ]);
    expect(a).toEqual(b);
    const writes = browser.local.writes;
    const again = await snapshotOf(startBackground(browser).send({ type: 'config/get' }));
    expect(again).toEqual(a);
    expect(browser.local.writes).toBe(writes);
  });

  it('marks a fresh install with the current version and leaves newer data alone', async () => {
    const fresh = fakeBrowser();
    await startBackground(fresh).store.ready();
    expect(fresh.local.data).toEqual({
      schemaVersion: SCHEMA_VERSION,
      settings: {},
      customRules: [],
      disabledBuiltIn: [],
      surfaceOverrides: {},
    });

    // Layout-2 data that lost its version mark keeps its rules.
    const unmarked = fakeBrowser({
      local: { customRules: [{ rule: aRule('MY-5'), enabled: false }], settings: { language: 'en' } },
    });
    const kept = await snapshotOf(startBackground(unmarked).send({ type: 'config/get' }));
    expect(kept.rules.find((rule) => rule.id === 'MY-5')).toMatchObject({ origin: 'custom', enabled: false });
    expect(kept.settings.language).toBe('en');

    const newer = fakeBrowser({
      local: { schemaVersion: SCHEMA_VERSION + 1, customRules: [{ rule: aRule('MY-9'), enabled: true }] },
    });
    const snapshot = await snapshotOf(startBackground(newer).send({ type: 'config/get' }));
    expect(newer.local.data.schemaVersion).toBe(SCHEMA_VERSION + 1);
    expect(snapshot.rules.some((rule) => rule.id === 'MY-9')).toBe(true);
  });
});

describe('built-in updates', () => {
  it('a new version with different built-in rules never overwrites a custom rule of the same id', async () => {
    const browser = fakeBrowser();
    const v1 = startBackground(browser, { builtIn: BUILT_IN_RULES.filter((rule) => rule.id !== 'KS-4') });
    await snapshotOf(v1.send({ type: 'rules/save', rule: aRule('KS-4') }));
    // The update ships KS-4 as a built-in rule.
    const v2 = startBackground(browser);
    const ks4 = (await snapshotOf(v2.send({ type: 'config/get' }))).rules.find((rule) => rule.id === 'KS-4');
    expect(ks4).toMatchObject({ origin: 'custom', links: [{ source: 'pinduoduo' }] });
  });
});

describe('tab data', () => {
  it('keeps both frames when two reports arrive at once', async () => {
    const store = createStore({ local: new FakeArea(), session: new FakeArea() });
    const at = '2026-11-23T02:00:00Z';
    await Promise.all([
      store.putReport(3, 0, frameReport([finding('a', 'banned')], at)),
      store.putReport(3, 1, frameReport([finding('b', 'review')], at)),
    ]);
    expect(Object.keys(await store.tab(3)).sort()).toEqual(['0', '1']);
  });

  it('falls back to local storage without storage.session, and clears it at browser startup', async () => {
    const local = new FakeArea({ schemaVersion: SCHEMA_VERSION, settings: { language: 'en' } });
    const store = createStore({ local, session: null });
    await store.putReport(5, 0, frameReport([]));
    expect(local.data).toHaveProperty('tab:5');
    expect(await store.tabIds()).toEqual([5]);
    await store.clearTabsAtStartup();
    expect(local.data).toEqual({ schemaVersion: SCHEMA_VERSION, settings: { language: 'en' } });
  });

  it('drops a closed tab', async () => {
    const session = new FakeArea();
    const store = createStore({ local: new FakeArea(), session });
    await store.putReport(5, 0, frameReport([]));
    await store.dropTab(5);
    expect(session.data).toEqual({});
  });
});
