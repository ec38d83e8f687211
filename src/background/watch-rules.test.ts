import { describe, expect, it } from 'vitest';
import type { ConfigSnapshot, Reply } from '../protocol';
import { contentIn, fakeBrowser, KS_LIVE_URL, PAGE, startBackground } from '../../test/support/fake-browser';
import { aWatchRule } from '../../test/support/rules';

async function value<T>(reply: Promise<Reply<unknown>> | undefined): Promise<T> {
  const answer = await reply;
  if (!answer?.ok) throw new Error(answer ? answer.error : 'no reply');
  return answer.value as T;
}
const error = async (reply: Promise<Reply<unknown>> | undefined) => {
  const answer = await reply;
  if (!answer || answer.ok) throw new Error('expected a refusal');
  return answer.error;
};
const snapshot = (background: ReturnType<typeof startBackground>) =>
  value<ConfigSnapshot>(background.send({ type: 'config/get' }));

describe('watch rules in the background', () => {
  it('saves, lists, exports, imports and deletes the operator’s watch rules', async () => {
    const browser = fakeBrowser();
    const background = startBackground(browser);
    await value(background.send({ type: 'watch/save', rule: aWatchRule('W-1') }));
    expect((await snapshot(background)).watchRules).toEqual([{ ...aWatchRule('W-1'), origin: 'custom' }]);
    const { json } = await value<{ json: string }>(background.send({ type: 'watch/export' }));
    expect(JSON.parse(json).watchRules).toEqual([aWatchRule('W-1')]);
    await value(background.send({ type: 'watch/delete', id: 'W-1' }));
    expect((await snapshot(background)).watchRules).toEqual([]);
    const counts = await value(background.send({ type: 'watch/import', json }));
    expect(counts).toEqual({ added: 1, replaced: 0 });
    // A restarted worker reads them from storage.
    expect((await snapshot(startBackground(browser))).watchRules.map((rule) => rule.id)).toEqual(['W-1']);
  });

  it('refuses a rule with an unstable selector, naming the field, and writes nothing', async () => {
    const browser = fakeBrowser();
    const background = startBackground(browser);
    const bad = aWatchRule('W-2', { rows: ['ul > li:nth-child(2)'] });
    expect(await error(background.send({ type: 'watch/save', rule: bad }))).toContain(
      'watch rule W-2: rows[0]: must not count positions (nth-child)',
    );
    expect(browser.local.data.watchRules).toBeUndefined();
  });

  it('applies the organisation’s watch rules read-only, and names a broken one', async () => {
    const managed = { watchRules: [aWatchRule('ORG-W'), aWatchRule('ORG-BAD', { host: 'nope' })] };
    const background = startBackground(fakeBrowser({ managed }));
    const config = await snapshot(background);
    expect(config.watchRules).toEqual([{ ...aWatchRule('ORG-W'), origin: 'managed' }]);
    expect(config.problems.join('\n')).toContain('watch rule ORG-BAD: host:');
    expect(await error(background.send({ type: 'watch/delete', id: 'ORG-W' }))).toContain('organisation');
    expect(await error(background.send({ type: 'watch/save', rule: aWatchRule('ORG-W') }))).toContain('organisation');
  });

  it('takes a picked rule from a content script only once, and only after the popup started the picker there', async () => {
    const browser = fakeBrowser();
    browser.tabs.tabs = [{ id: 4, url: KS_LIVE_URL, listening: true }];
    const background = startBackground(browser);
    const picked = { type: 'watch/picked', rule: aWatchRule('W-3') };
    expect(await error(background.send(picked, contentIn(4, KS_LIVE_URL)))).toContain('No picker was started');
    await value(background.send({ type: 'picker/start', tabId: 4 }, PAGE));
    expect(browser.scripting.injected).toEqual([{ tabId: 4, frameIds: [0], files: ['picker.js'] }]);
    expect(await error(background.send(picked, contentIn(5, KS_LIVE_URL)))).toContain('No picker was started');
    await value(background.send(picked, contentIn(4, KS_LIVE_URL)));
    expect(await error(background.send(picked, contentIn(4, KS_LIVE_URL)))).toContain('No picker was started');
    expect((await snapshot(background)).watchRules.map((rule) => rule.id)).toEqual(['W-3']);
    expect(
      await error(background.send({ type: 'watch/save', rule: aWatchRule('W-4') }, contentIn(4, KS_LIVE_URL))),
    ).toContain('watch/save');
  });

  it('lets the tab pick again after a refused save, and ends its turn only when a rule is saved', async () => {
    const browser = fakeBrowser();
    browser.tabs.tabs = [{ id: 4, url: KS_LIVE_URL, listening: true }];
    const background = startBackground(browser);
    await value(background.send({ type: 'picker/start', tabId: 4 }, PAGE));
    const bad = { type: 'watch/picked', rule: aWatchRule('W-5', { fields: ['div > :nth-child(2)'] }) };
    expect(await error(background.send(bad, contentIn(4, KS_LIVE_URL)))).not.toContain('No picker was started');
    await value(background.send({ type: 'watch/picked', rule: aWatchRule('W-5') }, contentIn(4, KS_LIVE_URL)));
    expect((await snapshot(background)).watchRules.map((rule) => rule.id)).toEqual(['W-5']);
    const again = { type: 'watch/picked', rule: aWatchRule('W-6') };
    expect(await error(background.send(again, contentIn(4, KS_LIVE_URL)))).toContain('No picker was started');
  });
});
