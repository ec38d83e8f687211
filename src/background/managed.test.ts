import { describe, expect, it } from 'vitest';
import type { ConfigSnapshot, Reply } from '../protocol';
import { BUILT_IN_RULES } from '../rules';
import { FakeArea, fakeBrowser, startBackground } from '../../test/support/fake-browser';
import { aRule } from '../../test/support/rules';
import { interpretManaged, readManagedArea } from './managed';

const snapshotOf = async (reply: Promise<Reply<unknown>> | undefined) => {
  const answer = await reply;
  if (!answer?.ok) throw new Error(`config/get failed: ${JSON.stringify(answer)}`);
  return answer.value as ConfigSnapshot;
};
const read = (raw: Record<string, unknown>) => ({ raw, error: null });

describe('reading storage.managed', () => {
  it("treats Firefox's 'no policy' error as no policy, and reports other failures", async () => {
    const firefox = new FakeArea();
    firefox.failure = new Error('Managed storage manifest not found');
    expect(await readManagedArea(firefox)).toEqual({ raw: {}, error: null });
    const broken = new FakeArea();
    broken.failure = new Error('policy service down');
    expect(await readManagedArea(broken)).toEqual({ raw: {}, error: 'policy service down' });
    expect(await readManagedArea(null)).toEqual({ raw: {}, error: null });
  });

  it('gives an empty config, with no problem, when Firefox has no policy', async () => {
    const snapshot = await snapshotOf(startBackground(fakeBrowser({ managed: null })).send({ type: 'config/get' }));
    expect(snapshot).toMatchObject({ managedKeys: [], locked: false, problems: [] });
  });
});

describe('interpreting a policy', () => {
  it('takes typed settings and locked, and names every value it cannot use', () => {
    const policy = interpretManaged(
      read({ language: 'en', pausedSites: 'all', resolveShortLinks: true, locked: 'yes' }),
      [],
      'en',
    );
    expect(policy.settings).toEqual({ language: 'en', resolveShortLinks: true });
    expect(policy.locked).toBe(false);
    expect(policy.problems).toEqual([
      'organisation policy: pausedSites has a value cartlint cannot use; it is ignored',
      'organisation policy: locked has a value cartlint cannot use; it is ignored',
    ]);
  });

  it('accepts rules as a list, a rule file, or JSON text of either', () => {
    for (const rules of [
      [aRule('ORG-1')],
      { rules: [aRule('ORG-1')] },
      JSON.stringify([aRule('ORG-1')]),
      JSON.stringify({ comment: 'team', rules: [aRule('ORG-1')] }),
    ]) {
      const policy = interpretManaged(read({ rules }), [], 'en');
      expect(policy.problems).toEqual([]);
      expect(policy.rules.map((rule) => rule.id)).toEqual(['ORG-1']);
    }
  });

  it('reports a broken rule by rule and field, and keeps its previous version in force', () => {
    const previous = [aRule('ORG-1'), aRule('ORG-2')];
    const broken = { ...aRule('ORG-2'), until: '2020-01-01' };
    const policy = interpretManaged(
      read({ rules: [aRule('ORG-1', { verdict: 'review' }), broken, { ...aRule('ORG-3'), links: [] }] }),
      previous,
      'en',
    );
    expect(policy.rules.map((rule) => [rule.id, rule.verdict])).toEqual([
      ['ORG-1', 'review'],
      ['ORG-2', 'banned'],
    ]);
    expect(policy.problems.join('\n')).toMatch(/organisation policy: rule ORG-2: until: must be after from/);
    expect(policy.problems.join('\n')).toMatch(/rule ORG-3: links: must not be empty/);
    expect(policy.problems.join('\n')).toMatch(
      /rule ORG-2 is broken in the new policy; its previous version stays in force/,
    );
  });

  it('keeps the previous rules when the JSON text cannot be read', () => {
    const policy = interpretManaged(read({ rules: '[{"id": ' }), [aRule('ORG-1')], 'zh');
    expect(policy.rules.map((rule) => rule.id)).toEqual(['ORG-1']);
    expect(policy.problems[0]).toMatch(/^组织策略：rules 不是有效的 JSON/);
  });

  it('drops rules the administrator removed', () => {
    expect(interpretManaged(read({}), [aRule('ORG-1')], 'en').rules).toEqual([]);
  });
});

describe('managed precedence', () => {
  it('organisation rules and settings win over the operator’s and the built-in ones', async () => {
    const ks4 = BUILT_IN_RULES.find((rule) => rule.id === 'KS-4')!;
    const browser = fakeBrowser({
      local: {
        schemaVersion: 2,
        settings: { language: 'zh', resolveShortLinks: true },
        customRules: [{ rule: aRule('ORG-1', { verdict: 'allowed' }), enabled: true }],
        disabledBuiltIn: ['KS-4'],
      },
      managed: { rules: [{ ...ks4, verdict: 'review' }, aRule('ORG-1')], language: 'en', locked: true },
    });
    const snapshot = await snapshotOf(startBackground(browser).send({ type: 'config/get' }));
    const byId = new Map(snapshot.rules.map((rule) => [rule.id, rule]));
    expect(byId.get('KS-4')).toMatchObject({ origin: 'managed', verdict: 'review', enabled: true });
    expect(byId.get('ORG-1')).toMatchObject({ origin: 'managed', verdict: 'banned' });
    expect(snapshot.settings).toEqual({ language: 'en', pausedSites: [], resolveShortLinks: true });
    expect(snapshot.managedKeys).toEqual(['language']);
    expect(snapshot.locked).toBe(true);
    expect(snapshot.problems).toEqual(['Your rule ORG-1 is hidden: a rule of your organisation has the same id']);
  });

  it('a policy change reaches every tab and survives a broken update', async () => {
    const browser = fakeBrowser({ managed: { rules: [aRule('ORG-1')] } });
    browser.tabs.tabs.push({ id: 1, url: 'https://zs.kwaixiaodian.com/', listening: true });
    const bg = startBackground(browser);
    await snapshotOf(bg.send({ type: 'config/get' }));

    browser.managed.data = { rules: 'not json' };
    await bg.policyChanged();
    expect(browser.tabs.sent.map((sent) => sent.message)).toEqual([{ type: 'config/changed' }]);
    // A restarted worker still applies the rules last validated.
    const snapshot = await snapshotOf(startBackground(browser).send({ type: 'config/get' }));
    expect(snapshot.rules.find((rule) => rule.id === 'ORG-1')?.origin).toBe('managed');
    expect(snapshot.problems).toHaveLength(1);
  });
});
