// Issue 4, rules management on the options page in Chromium and Firefox ESR: an import that fails validation says
// which rule and field is wrong and changes nothing; a good custom rule is listed as the user's own and judges a
// dashboard page at once.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS } from './harness/index';
import { REPO_ROOT } from './harness/paths';
import { KUAISHOU_LIVE, LINKS, fill, openDashboard, teamRule, useSession, waitForFlag } from './support';

const en = JSON.parse(readFileSync(`${REPO_ROOT}/public/_locales/en/messages.json`, 'utf8')) as Record<
  string,
  { message: string }
>;
const IMPORT_BUTTON = '.import-export .buttons button.primary';

describe.each(BROWSERS)('%s: the options page', (name) => {
  const session = useSession(name);

  it('rejects a rules file with a bad rule, names the rule and field, and changes nothing', async () => {
    const before = await session().request({ type: 'rules/export' });
    const rulesBefore = (await session().request({ type: 'config/get' })).rules.map((r) => `${r.origin}:${r.id}`);
    const options = await session().openExtensionPage('options.html');
    const dir = mkdtempSync(join(tmpdir(), 'cartlint-rules-'));
    const file = join(dir, 'team-rules.json');
    writeFileSync(
      file,
      JSON.stringify({ rules: [teamRule('TEAM-GOOD'), { ...teamRule('TEAM-BAD'), verdict: 'forbidden' }] }),
    );
    try {
      await options.setInputFile('#import-file', file);
      await options.waitForSelector('.import-export .error-list');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const errors = await options.text('.import-export .error-list');
    // The file, the rule and the field that is wrong.
    expect(errors).toContain('team-rules.json');
    expect(errors).toContain('TEAM-BAD');
    expect(errors).toContain('verdict');

    // All or nothing: not even the good rule of the file arrived.
    expect(await session().request({ type: 'rules/export' })).toEqual(before);
    expect((await session().request({ type: 'config/get' })).rules.map((r) => `${r.origin}:${r.id}`)).toEqual(
      rulesBefore,
    );
    expect(await options.evaluate(() => document.querySelector('tr[data-rule="TEAM-GOOD"]'))).toBeNull();
    await options.close();
  });

  it('imports a team’s rule, lists it as the user’s own, and judges a dashboard with it', async () => {
    const options = await session().openExtensionPage('options.html');
    try {
      await fill(options, '#import-text', JSON.stringify({ rules: [teamRule('TEAM-1')] }));
      await options.click(IMPORT_BUTTON);
      await options.waitForSelector('.import-export .ok');
      await options.waitForSelector('tr[data-rule="TEAM-1"]');
      expect(await options.text('tr[data-rule="TEAM-1"]')).toContain(en.options_origin_custom!.message);

      // Without the rule a 抖音小店 link in Kuaishou's live cart is only `review`; with it, banned by TEAM-1.
      const { page, tabId } = await openDashboard(session(), KUAISHOU_LIVE);
      await page.paste(KUAISHOU_LIVE.field, LINKS.douyinShop);
      await waitForFlag(page, KUAISHOU_LIVE.field, 'banned');
      const state = await session().waitForTabState(tabId, (s) => s.findings.some((f) => f.decision.rule === 'TEAM-1'));
      expect(state.findings[0]!.decision.verdict).toBe('banned');
      await session().waitForBadge(tabId, '1');

      // Deleting it takes the warning away from the open page.
      await session().request({ type: 'rules/delete', id: 'TEAM-1' });
      await waitForFlag(page, KUAISHOU_LIVE.field, 'review');
      await page.close();
    } finally {
      await session()
        .request({ type: 'rules/delete', id: 'TEAM-1' })
        .catch(() => undefined);
      await options.close();
    }
  });

  it('follows rules and settings changed elsewhere while it stays open', async () => {
    const options = await session().openExtensionPage('options.html');
    try {
      await options.waitForSelector('main[lang="en"] table.rules');
      // As the popup or a second options tab would: straight to the background, not through this page.
      await session().request({ type: 'rules/import', json: JSON.stringify({ rules: [teamRule('TEAM-ELSEWHERE')] }) });
      await options.waitForSelector('tr[data-rule="TEAM-ELSEWHERE"]');
      await session().request({ type: 'settings/set', patch: { language: 'zh' } });
      await options.waitForSelector('main[lang="zh-CN"]');
      await session().request({ type: 'rules/delete', id: 'TEAM-ELSEWHERE' });
      await options.waitForNoSelector('tr[data-rule="TEAM-ELSEWHERE"]');
    } finally {
      await session()
        .request({ type: 'rules/delete', id: 'TEAM-ELSEWHERE' })
        .catch(() => undefined);
      await session().request({ type: 'settings/set', patch: { language: 'auto' } });
      await options.close();
    }
  });
});
