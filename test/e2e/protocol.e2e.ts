// The background's message protocol, in the real browsers: malformed messages get an error reply (never a crash,
// never silence), and the background keeps answering well-formed ones afterwards.
import { describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionSession } from './harness/index';
import { useSession } from './support';

/** Sends anything, as our own extension page would, and returns the raw reply. */
async function send(session: ExtensionSession, message: unknown): Promise<unknown> {
  const console = await session.console();
  const text = await console.evaluate(async (message) => {
    const g = globalThis as unknown as { browser?: any; chrome?: any };
    return JSON.stringify((await (g.browser ?? g.chrome).runtime.sendMessage(message)) ?? null);
  }, message);
  return JSON.parse(text) as unknown;
}

describe.each(BROWSERS)('%s: the message protocol', (name) => {
  const session = useSession(name);

  it.each([
    ['an unknown type', { type: 'tabs/steal' }],
    ['no type', { tabId: 1 }],
    ['not an object', 'config/get'],
    ['a field of the wrong type', { type: 'tab/state', tabId: 'seven' }],
    ['a rule import that is not text', { type: 'rules/import', json: { rules: [] } }],
  ])('answers %s with an error reply', async (_, message) => {
    const reply = await send(session(), message);
    expect(reply).toMatchObject({ ok: false, error: expect.any(String) });
    expect((reply as { error: string }).error).not.toBe('');
  });

  it('still answers a well-formed request after malformed ones', async () => {
    await send(session(), { type: 42 });
    const config = await session().request({ type: 'config/get' });
    expect(config.rules.length).toBeGreaterThan(0);
    expect(
      config.rules.every((rule) => rule.origin === 'built-in' || rule.origin === 'custom' || rule.origin === 'managed'),
    ).toBe(true);
  });
});
