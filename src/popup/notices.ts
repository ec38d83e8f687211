// The notice texts of a tab. Each is built the first time it is asked for and kept: a 2,000-row cart has 2,000
// possible notices and the operator copies a few. Building one is synchronous, so a copy still calls writeText
// inside the click (see useCopy.ts).
import { combinedNotice, notice, type NoticeContext } from '../core/notice';
import type { Lang, LoadedRule } from '../core/types';
import type { TabFinding, TabState } from '../protocol';
import { groupKey, type RuleGroup } from './summary';

export interface Notices {
  finding(finding: TabFinding): string;
  /** One notice for a group's links under its rule. */
  group(group: RuleGroup): string;
  /** One notice for every banned finding of the tab. */
  allBanned(): string;
}

/** Null when the page's platform is unknown: a notice names the platform's rule. */
export function noticesFor(tab: TabState, rules: readonly LoadedRule[], lang: Lang): Notices | null {
  const platform = tab.page?.platform;
  if (!platform) return null;
  const ctx: NoticeContext = { platform, surface: tab.page!.surface, rules, lang };
  const built = new Map<string, string>();
  const once = (key: string, build: () => string) => {
    let text = built.get(key);
    if (text === undefined) built.set(key, (text = build()));
    return text;
  };
  return {
    finding: (finding) => once(`finding:${finding.id}`, () => notice(finding, ctx)),
    group: (group) =>
      once(`group:${groupKey(group)}`, () =>
        group.verdict === 'allowed' ? '' : combinedNotice(group.findings, ctx, group.verdict),
      ),
    allBanned: () => once('all', () => combinedNotice(tab.findings, ctx)),
  };
}
