// A rule being written in the editor: a starting template, the checks a save must pass (the schema every rule
// file passes, plus ids that must not collide), and the common fields the form edits.
import { beijingDay } from '../core/beijing-time';
import type { Lang, LoadedRule, Rule, Source } from '../core/types';
import { validateRuleFile } from '../rules/schema';
import { t } from '../i18n';

export function newRule(rules: readonly LoadedRule[], now: Date): Rule {
  const taken = new Set(rules.map((r) => r.id));
  let n = 1;
  while (taken.has(`MY-${n}`)) n++;
  const today = beijingDay(now);
  return {
    id: `MY-${n}`,
    platform: 'kuaishou',
    surfaces: ['live-cart'],
    links: [{ source: 'taobao' }],
    verdict: 'banned',
    from: `${today}T00:00:00+08:00`,
    summary: { zh: '', en: '' },
    advice: { zh: '', en: '' },
    announcement: { title: { zh: '', en: '' }, reports: [{ name: '' }] },
    lastVerified: today,
  };
}

/**
 * The rule if it may be saved, else every problem, each naming rule and field. `label` names the draft in
 * messages; `replacing` is the id being edited (null for a new rule). A custom rule may reuse a built-in id
 * (it then replaces that rule), never another of the user's own or an organisation's (which would win anyway).
 */
export function checkDraft(
  draft: unknown,
  rules: readonly LoadedRule[],
  replacing: string | null,
  label: string,
  lang: Lang,
): { rule: Rule | null; errors: string[] } {
  const { rules: valid, errors } = validateRuleFile([draft], label);
  const rule = valid[0];
  if (!rule) return { rule: null, errors };
  const clash = rules.find((r) => r.id === rule.id && r.id !== replacing && r.origin !== 'built-in');
  if (clash) {
    const key = clash.origin === 'managed' ? 'options_id_taken_managed' : 'options_id_taken_custom';
    return { rule: null, errors: [`${label}: rule ${rule.id}: id: ${t(lang, key)}`] };
  }
  return { rule, errors: [] };
}

export type AffiliateChoice = 'any' | 'yes' | 'no';

/** The links as the form shows them (sources + one affiliate choice); null when only JSON can express them. */
export function formLinks(links: Rule['links']): { sources: (Source | '*')[]; affiliate: AffiliateChoice } | null {
  const affiliates = new Set(links.map((m) => m.affiliate));
  if (links.some((m) => m.seller !== undefined) || affiliates.size > 1) return null;
  const [only] = [...affiliates];
  return { sources: links.map((m) => m.source), affiliate: only === true ? 'yes' : only === false ? 'no' : 'any' };
}

export function linksFromForm(sources: readonly (Source | '*')[], affiliate: AffiliateChoice): Rule['links'] {
  return sources.map((source) => (affiliate === 'any' ? { source } : { source, affiliate: affiliate === 'yes' }));
}
