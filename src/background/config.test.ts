import { describe, expect, it, vi } from 'vitest';
import { SNAPSHOT_KEY, type ConfigSnapshot, type Reply } from '../protocol';
import { isConfigChange } from '../ui/config-changes';
import { aWatchRule } from '../../test/support/rules';
import {
  contentIn,
  fakeBrowser,
  KS_LIVE_URL,
  PAGE,
  startBackground,
  type FakeBrowser,
} from '../../test/support/fake-browser';

const TAB = contentIn(7, KS_LIVE_URL);

const getConfig = async (background: ReturnType<typeof startBackground>, sender = TAB) => {
  const reply = (await background.send({ type: 'config/get' }, sender)) as Reply<ConfigSnapshot>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
};

/** storage.managed as Chromium has it right after a browser start: it answers only once `answer()` is called. */
function slowManaged(browser: FakeBrowser) {
  let answer = () => {};
  const loaded = new Promise<void>((resolve) => (answer = resolve));
  return { area: { get: async () => (await loaded, browser.managed.get(null)) }, answer };
}

describe('the kept config snapshot', () => {
  it('is written to storage.local for content scripts, and only rewritten when it changed', async () => {
    const browser = fakeBrowser();
    const background = startBackground(browser);
    const snapshot = await getConfig(background);
    expect(browser.local.data[SNAPSHOT_KEY]).toEqual(snapshot);
    const writes = browser.local.writes;
    await getConfig(background);
    expect(browser.local.writes).toBe(writes);
    await background.send({ type: 'settings/set', patch: { pausedSites: ['cp.kuaishou.com'] } });
    expect((browser.local.data[SNAPSHOT_KEY] as ConfigSnapshot).settings.pausedSites).toEqual(['cp.kuaishou.com']);
  });
});

describe('a storage.managed slow to answer after a browser start', () => {
  it('holds no answer up: the policy last applied stands in, and nobody is told when it turns out the same', async () => {
    const browser = fakeBrowser({ managed: { locked: true, resolveShortLinks: true } });
    await getConfig(startBackground(browser)); // the last session, policy read in time
    const managed = slowManaged(browser);
    const late = vi.fn();
    const restarted = startBackground(browser, { managedArea: managed.area, managedWaitMs: 5, onLatePolicy: late });
    const snapshot = await getConfig(restarted); // answered while storage.managed is still silent
    expect(snapshot).toMatchObject({ locked: true, managedKeys: ['resolveShortLinks'] });
    expect(snapshot.settings.resolveShortLinks).toBe(true);
    managed.answer();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(late).not.toHaveBeenCalled();
  });

  it('keeps the organisation’s watch rules in the stand-in; a late policy without them re-judges', async () => {
    const watch = aWatchRule('ORG-W', { host: 'zs.kwaixiaodian.com', path: '/page/goods-pool', rows: [] });
    const browser = fakeBrowser({ managed: { watchRules: [watch] } });
    await getConfig(startBackground(browser)); // the last session, policy read in time
    browser.managed.data = {}; // the administrator withdrew the watch rule while the browser was closed
    const managed = slowManaged(browser);
    const late = vi.fn();
    const restarted = startBackground(browser, { managedArea: managed.area, managedWaitMs: 5, onLatePolicy: late });
    expect((await getConfig(restarted)).watchRules).toEqual([{ ...watch, origin: 'managed' }]);
    managed.answer();
    await vi.waitFor(() => expect(late).toHaveBeenCalledTimes(1));
    expect((await getConfig(startBackground(browser))).watchRules).toEqual([]);
  });

  it('tells every tab to re-judge when the policy that finally arrives differs from the stand-in', async () => {
    const browser = fakeBrowser({ managed: { locked: true } });
    await getConfig(startBackground(browser));
    browser.managed.data = {}; // the administrator lifted the lock while the browser was closed
    const managed = slowManaged(browser);
    const late = vi.fn();
    const restarted = startBackground(browser, { managedArea: managed.area, managedWaitMs: 5, onLatePolicy: late });
    expect((await getConfig(restarted)).locked).toBe(true);
    managed.answer();
    await vi.waitFor(() => expect(late).toHaveBeenCalledTimes(1));
    expect((await getConfig(startBackground(browser))).locked).toBe(false);
  });

  it('is read once for all the tabs that ask while it is silent, and they are told of a late policy once', async () => {
    const browser = fakeBrowser({ managed: { locked: true } });
    await getConfig(startBackground(browser));
    browser.managed.data = {};
    const managed = slowManaged(browser);
    const get = vi.fn(managed.area.get);
    const late = vi.fn();
    const restarted = startBackground(browser, { managedArea: { get }, managedWaitMs: 5, onLatePolicy: late });
    const tabs = [1, 2, 3, 4].map((id) => contentIn(id, KS_LIVE_URL));
    await Promise.all(tabs.map((tab) => getConfig(restarted, tab)));
    expect(get).toHaveBeenCalledTimes(1);
    managed.answer();
    await vi.waitFor(() => expect(late).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(late).toHaveBeenCalledTimes(1);
    await getConfig(restarted); // once answered, the next request reads afresh: a policy can change
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('answers our own pages at once too; a policy that differs rewrites the snapshot they watch', async () => {
    const browser = fakeBrowser({ managed: { locked: true } });
    await getConfig(startBackground(browser));
    browser.managed.data = {}; // the administrator lifted the lock while the browser was closed
    const managed = slowManaged(browser);
    const restarted = startBackground(browser, {
      managedArea: managed.area,
      managedWaitMs: 5,
      onLatePolicy: () => void restarted.policyChanged(),
    });
    expect((await getConfig(restarted, PAGE)).locked).toBe(true); // the popup opens with the stand-in
    managed.answer();
    await vi.waitFor(() => expect((browser.local.data[SNAPSHOT_KEY] as ConfigSnapshot).locked).toBe(false));
    expect(isConfigChange({ [SNAPSHOT_KEY]: {} }, 'local')).toBe(true); // so the popup reads again
    expect((await getConfig(restarted, PAGE)).locked).toBe(false);
  });
});
