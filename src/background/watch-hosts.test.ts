import { describe, expect, it } from 'vitest';
import type { Reply } from '../protocol';
import { CONTENT_SCRIPT, contentIn, fakeBrowser, PAGE, startBackground } from '../../test/support/fake-browser';
import { aWatchRule } from '../../test/support/rules';
import { manifestContentScript, WATCHED_HOSTS_SCRIPT, watchedOrigins } from './watch-hosts';

async function value<T>(reply: Promise<Reply<unknown>> | undefined): Promise<T> {
  const answer = await reply;
  if (!answer?.ok) throw new Error(answer ? answer.error : 'no reply');
  return answer.value as T;
}

const SHOP = 'https://shop.example.com/*';
const registered = (browser: ReturnType<typeof fakeBrowser>) =>
  browser.scripting.registered.map(({ id, matches }) => ({ id, matches }));

describe('content script on hosts granted for watch rules', () => {
  it('covers a granted origin only when a watch rule names its host, never a dashboard or a resolver host', () => {
    const granted = [
      SHOP,
      'http://shop.example.com/*',
      '*://t.cn/*',
      'https://zs.kwaixiaodian.com/*',
      'https://other.example/*',
    ];
    const rules = [{ host: 'shop.example.com' }, { host: 't.cn' }, { host: 'zs.kwaixiaodian.com' }];
    expect(watchedOrigins(granted, rules, CONTENT_SCRIPT.matches)).toEqual(['http://shop.example.com/*', SHOP]);
  });

  it('reads the manifest’s content script files as package paths, as Firefox gives them as full URLs', () => {
    const base = 'moz-extension://c4a71e2d/';
    const fromFirefox = { content_scripts: [{ ...CONTENT_SCRIPT, js: [`${base}content.js`] }] };
    expect(manifestContentScript(fromFirefox, base)).toEqual(CONTENT_SCRIPT);
    expect(manifestContentScript({ content_scripts: [CONTENT_SCRIPT] }, 'chrome-extension://abc/')).toEqual(
      CONTENT_SCRIPT,
    );
  });

  it('registers the manifest’s content script once a watched host is granted, and drops it when revoked', async () => {
    const browser = fakeBrowser();
    const background = startBackground(browser);
    await value(background.send({ type: 'watch/save', rule: aWatchRule('W-1') }));
    expect(registered(browser)).toEqual([]); // watched, not granted: nothing runs there

    browser.permissions.granted.push(SHOP);
    await background.permissionsChanged();
    expect(browser.scripting.registered).toEqual([
      {
        id: WATCHED_HOSTS_SCRIPT,
        matches: [SHOP],
        js: ['content.js'],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
    // A restarted worker finds it registered and leaves it as it is.
    await startBackground(browser).permissionsChanged();
    expect(registered(browser)).toEqual([{ id: WATCHED_HOSTS_SCRIPT, matches: [SHOP] }]);

    browser.permissions.granted = [];
    await background.permissionsChanged();
    expect(registered(browser)).toEqual([]);
  });

  it('follows the watch rules: a second host joins, a deleted rule’s host leaves', async () => {
    const browser = fakeBrowser();
    browser.permissions.granted.push(SHOP, 'https://mall.example.org/*');
    const background = startBackground(browser);
    await value(background.send({ type: 'watch/save', rule: aWatchRule('W-1') }));
    await value(background.send({ type: 'watch/save', rule: aWatchRule('W-2', { host: 'mall.example.org' }) }));
    expect(registered(browser)).toEqual([{ id: WATCHED_HOSTS_SCRIPT, matches: ['https://mall.example.org/*', SHOP] }]);
    await value(background.send({ type: 'watch/delete', id: 'W-2' }));
    expect(registered(browser)).toEqual([{ id: WATCHED_HOSTS_SCRIPT, matches: [SHOP] }]);
    await value(background.send({ type: 'watch/delete', id: 'W-1' }));
    expect(registered(browser)).toEqual([]);
  });

  it('covers a granted host an organisation’s watch rule names', async () => {
    const browser = fakeBrowser({ managed: { watchRules: [aWatchRule('ORG-W')] } });
    browser.permissions.granted.push(SHOP);
    await startBackground(browser).permissionsChanged();
    expect(registered(browser)).toEqual([{ id: WATCHED_HOSTS_SCRIPT, matches: [SHOP] }]);
  });

  it('starts the content script in the tab where a rule was picked on a granted host', async () => {
    const url = 'https://shop.example.com/goods/edit';
    const browser = fakeBrowser();
    browser.permissions.granted.push(SHOP);
    browser.tabs.tabs = [{ id: 7, url, listening: false }];
    const background = startBackground(browser);
    await value(background.send({ type: 'picker/start', tabId: 7 }, PAGE));
    await value(background.send({ type: 'watch/picked', rule: aWatchRule('W-1') }, contentIn(7, url)));
    expect(browser.scripting.injected).toEqual([
      { tabId: 7, frameIds: [0], files: ['picker.js'] },
      { tabId: 7, allFrames: false, files: ['content.js'] },
    ]);
    expect(registered(browser)).toEqual([{ id: WATCHED_HOSTS_SCRIPT, matches: [SHOP] }]);
  });

  it('starts nothing more where the manifest’s content script already runs', async () => {
    const url = 'https://zs.kwaixiaodian.com/page/goods-pool';
    const browser = fakeBrowser();
    browser.permissions.granted.push('https://zs.kwaixiaodian.com/*');
    browser.tabs.tabs = [{ id: 4, url, listening: true }];
    const background = startBackground(browser);
    await value(background.send({ type: 'picker/start', tabId: 4 }, PAGE));
    const rule = aWatchRule('W-1', { host: 'zs.kwaixiaodian.com' });
    await value(background.send({ type: 'watch/picked', rule }, contentIn(4, url)));
    expect(browser.scripting.injected.map((injection) => injection.files)).toEqual([['picker.js']]);
    expect(registered(browser)).toEqual([]);
  });
});
