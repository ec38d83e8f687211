import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../protocol';
import { FakeAction, FakeArea, finding, frameReport, KS_LIVE_URL } from '../../test/support/fake-browser';
import { createStore } from './store';
import { frameOf, onTabRemoved, onTabUpdated, tabState } from './tabs';

const at = '2026-11-23T02:00:00.000Z';

async function setup() {
  const session = new FakeArea();
  const store = createStore({ local: new FakeArea(), session });
  const action = new FakeAction();
  await store.putReport(7, 0, frameReport([finding('a', 'banned')], at));
  action.badges.set(7, { text: '1' });
  return { store, action, session, deps: { store, action, lang: 'en' as const } };
}

describe('tabState', () => {
  it('describes the tab by its top frame, with every frame’s findings and the latest time', () => {
    const reports = {
      2: frameReport([finding('b', 'review')], '2026-11-23T03:00:00.000Z', {
        url: 'https://zs.kwaixiaodian.com/frame',
      }),
      0: frameReport([finding('a', 'banned')], at),
    };
    const state = tabState(7, reports, DEFAULT_SETTINGS, false);
    expect(state.page?.url).toBe(KS_LIVE_URL);
    expect(state.findings.map((f) => f.id)).toEqual(['a', '2|b']);
    expect(state.at).toBe('2026-11-23T03:00:00.000Z');
    expect(frameOf(reports, '2|b')).toEqual({ frameId: 2, findingId: 'b' });
    expect(frameOf(reports, 'a')).toEqual({ frameId: 0, findingId: 'a' });
    expect(frameOf(reports, 'b')).toBeNull();
    expect(frameOf(reports, 'zz')).toBeNull();
  });

  it('is paused on a paused host, unless locked; without a report the tab address decides', () => {
    const settings = { ...DEFAULT_SETTINGS, pausedSites: ['zs.kwaixiaodian.com'] };
    expect(tabState(1, {}, settings, false, KS_LIVE_URL).paused).toBe(true);
    expect(tabState(1, {}, settings, true, KS_LIVE_URL).paused).toBe(false);
    expect(tabState(1, {}, settings, false, 'https://cp.kuaishou.com/').paused).toBe(false);
  });
});

describe('navigation and closing', () => {
  it('clears findings and badge when the tab goes to another address (page or SPA route)', async () => {
    const { store, action, deps } = await setup();
    await onTabUpdated(deps, 7, { url: `${KS_LIVE_URL}/other` }, { url: `${KS_LIVE_URL}/other` });
    expect(await store.tab(7)).toEqual({});
    expect(action.badges.get(7)?.text).toBe('');
  });

  it('clears on a loading status when the tab shows another address', async () => {
    const { store, deps } = await setup();
    await onTabUpdated(deps, 7, { status: 'loading' }, { url: 'https://cp.kuaishou.com/' });
    expect(await store.tab(7)).toEqual({});
  });

  it('keeps them while the same page loads a frame, or reports its own address again', async () => {
    const { store, action, deps } = await setup();
    await onTabUpdated(deps, 7, { status: 'loading' }, { url: KS_LIVE_URL });
    await onTabUpdated(deps, 7, { url: KS_LIVE_URL }, { url: KS_LIVE_URL });
    await onTabUpdated(deps, 7, { status: 'complete' }, { url: 'https://elsewhere.example/' });
    expect(Object.keys(await store.tab(7))).toEqual(['0']);
    expect(action.badges.get(7)?.text).toBe('1');
  });

  it('judges the address by the top frame’s page, not by a frame that reported first', async () => {
    const { store, action, deps } = await setup();
    const frame = frameReport([finding('b', 'banned')], at, { url: 'https://s.kwaixiaodian.com/picker' });
    await store.putReport(7, 3, frame);
    await onTabUpdated(deps, 7, { status: 'loading' }, { url: KS_LIVE_URL }); // the picker frame loading
    expect(Object.keys(await store.tab(7))).toEqual(['0', '3']);
    // Only a frame reported: a frame loading keeps it; the tab going to another address drops it.
    await store.dropTab(7);
    await store.putReport(7, 3, frame);
    await onTabUpdated(deps, 7, { status: 'loading' }, { url: KS_LIVE_URL });
    expect(Object.keys(await store.tab(7))).toEqual(['3']);
    await onTabUpdated(deps, 7, { url: `${KS_LIVE_URL}/other` }, { url: `${KS_LIVE_URL}/other` });
    expect(await store.tab(7)).toEqual({});
    expect(action.badges.get(7)?.text).toBe('');
  });

  it('forgets a closed tab', async () => {
    const { store, session } = await setup();
    await onTabRemoved(store, 7);
    expect(session.data).toEqual({});
  });
});
