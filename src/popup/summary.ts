// What the popup says first about a tab: how many findings of each verdict, the banned and to-check ones grouped
// by the rule that decided them, and the list the operator filters. Pure, so thousands of findings are cheap to
// test and to recompute on every report.
import { sourceName } from '../core/names';
import { VERDICTS, type Lang, type Source, type Verdict } from '../core/types';
import type { TabFinding } from '../protocol';

export interface RuleGroup {
  /** The deciding rule's id; null for findings no rule decided (an unknown short link is `review`). */
  rule: string | null;
  verdict: Verdict;
  findings: TabFinding[];
  /** The group's sources, most frequent first: what the operator recognises ("淘宝", "京东"). */
  sources: Source[];
}

export interface Summary {
  counts: Record<Verdict, number>;
  /** Banned groups first, then to check; the biggest group first within a verdict. */
  groups: RuleGroup[];
  /** Every finding, worst first (banned, to check, allowed), in the page's order within a verdict. */
  sorted: TabFinding[];
}

export const groupKey = (group: Pick<RuleGroup, 'rule' | 'verdict'>) => `${group.verdict}:${group.rule ?? ''}`;

export function summarise(findings: readonly TabFinding[]): Summary {
  const counts: Record<Verdict, number> = { banned: 0, review: 0, allowed: 0 };
  const byKey = new Map<string, RuleGroup>();
  const sourceCounts = new Map<RuleGroup, Map<Source, number>>();
  for (const finding of findings) {
    const { verdict, rule } = finding.decision;
    counts[verdict]++;
    if (verdict === 'allowed') continue;
    const key = groupKey({ rule, verdict });
    let group = byKey.get(key);
    if (!group) {
      group = { rule, verdict, findings: [], sources: [] };
      byKey.set(key, group);
      sourceCounts.set(group, new Map());
    }
    group.findings.push(finding);
    const tally = sourceCounts.get(group)!;
    tally.set(finding.link.source, (tally.get(finding.link.source) ?? 0) + 1);
  }
  const groups = [...byKey.values()];
  for (const group of groups) {
    group.sources = [...sourceCounts.get(group)!].sort((a, b) => b[1] - a[1]).map(([source]) => source);
  }
  const rank = (verdict: Verdict) => VERDICTS.indexOf(verdict);
  groups.sort((a, b) => rank(a.verdict) - rank(b.verdict) || b.findings.length - a.findings.length);
  const sorted = [...findings].sort((a, b) => rank(a.decision.verdict) - rank(b.decision.verdict));
  return { counts, groups, sorted };
}

/** "KS-4 淘宝 ×198": the rule and what it caught, as the summary names a group. */
export function groupLabel(lang: Lang, group: RuleGroup): string {
  const sources = group.sources.slice(0, 2).map((source) => sourceName(lang, source));
  return `${[group.rule, ...sources].filter(Boolean).join(' ')} ×${group.findings.length}`;
}

export type VerdictFilter = Verdict | 'all';

/**
 * The findings shown for a verdict filter and a search text. The search matches the link, where it is, the rule
 * and the source's name in the current language, ignoring case; words must all match.
 */
export function filterFindings(
  sorted: readonly TabFinding[],
  verdict: VerdictFilter,
  query: string,
  lang: Lang,
): readonly TabFinding[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (verdict === 'all' && words.length === 0) return sorted;
  return sorted.filter((finding) => {
    if (verdict !== 'all' && finding.decision.verdict !== verdict) return false;
    if (words.length === 0) return true;
    const text = [finding.link.text, finding.where, finding.decision.rule ?? '', sourceName(lang, finding.link.source)]
      .join('\n')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
