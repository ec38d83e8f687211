// The background may be stopped at any moment (Chrome stops idle service workers; Firefox suspends its event page).
// The tab's findings live in storage and the content script judges locally and retries its reports, so after a
// stop the state is still there and the next edit is still judged and counted.
// Chromium: the service worker is stopped through CDP (ServiceWorker.stopAllWorkers). Firefox has no command to
// stop an event page; the harness sets its idle timeout to one second and waits until the browser reports it gone.
import { describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/index';
import { KUAISHOU_LIVE, LINKS, openDashboard, useSession, waitForFlag } from './support';

describe.each(BROWSERS)('%s: the background stopped between two edits', (name) => {
  const session = useSession(name, name === 'firefox' ? { backgroundIdleMs: 1_000 } : {});

  it('keeps the tab’s findings across a stop, and judges and counts the edit made after it', async () => {
    const { page, tabId } = await openDashboard(session(), KUAISHOU_LIVE);
    await page.paste(KUAISHOU_LIVE.field, LINKS.taobaoAlliance);
    await waitForFlag(page, KUAISHOU_LIVE.field, 'banned');
    await session().waitForBadge(tabId, '1');

    await session().stopBackground();
    expect(await session().backgroundRunning()).toBe(false);
    // Woken by our question: what it knows comes from storage.
    const kept = await session().request({ type: 'tab/state', tabId });
    expect(kept.findings.map((f) => [f.link.text, f.decision.verdict])).toEqual([[LINKS.taobaoAlliance, 'banned']]);

    await session().stopBackground();
    // The second edit, made while the background is stopped: a JD link after the Taobao one.
    await page.paste(KUAISHOU_LIVE.field, ` ${LINKS.jd}`);
    const state = await session().waitForTabState(tabId, (s) => s.findings.length === 2, 'both links reported');
    expect(state.findings.map((f) => [f.link.source, f.decision.verdict])).toEqual([
      ['taobao', 'banned'],
      ['jd', 'banned'],
    ]);
    await session().waitForBadge(tabId, '2');
    await page.close();
  });
});
