// How old and how sure a verdict's evidence is: the newest public report that confirms the deciding rule in force,
// the dates that are estimates, and what rests on inference. Shown wherever a verdict is (card, popup, notice, CLI),
// so an operator can tell a rule confirmed last month from one nobody has reported on since 2020.
import { t } from '../i18n';
import { beijingDateTime } from './beijing-time';
import { findRule } from './decide';
import type { Lang, LastReport, LocalizedText, Rule, RuleException } from './types';

export interface Evidence {
  /** The newest report confirming the rule (or exception) in force, if one is on record. */
  lastReport?: LastReport;
  /** The span's dates no report states, with their value. */
  estimated: { field: 'from' | 'until'; at: string }[];
  /** What rests on inference, when something does. */
  inferred?: LocalizedText;
}

/** The evidence of a rule, or of one of its exceptions (which falls back on its rule's last report). */
export function evidenceOf(rule: Rule, exception?: RuleException): Evidence {
  const span = exception ?? rule;
  const evidence: Evidence = {
    estimated: (span.estimated ?? []).flatMap((field) => {
      const at = span[field];
      return at ? [{ field, at }] : [];
    }),
  };
  const lastReport = exception?.lastReport ?? rule.lastReport;
  if (lastReport) evidence.lastReport = lastReport;
  if (rule.inferred) evidence.inferred = rule.inferred;
  return evidence;
}

/** Whether the verdict rests on more than stated facts: an inferred state or an estimated date. */
export const isInferred = (evidence: Evidence) => evidence.inferred !== undefined || evidence.estimated.length > 0;

/** "Last reported 2022-10-28 (电商报); no report since. Inferred: …" in one line. */
export function evidenceLine(lang: Lang, evidence: Evidence): string {
  const { lastReport, estimated, inferred } = evidence;
  const parts = [
    lastReport ? t(lang, 'evidence_reported', lastReport.date, lastReport.name) : t(lang, 'evidence_unreported'),
    ...estimated.map(({ at }) => t(lang, 'evidence_estimated', beijingDateTime(at))),
  ];
  if (inferred) parts.push(t(lang, 'evidence_inferred', inferred[lang]));
  return parts.join(lang === 'zh' ? '' : ' ');
}

/** The evidence behind a decision's rule, or null when no rule decided (or the rule is not among `rules`). */
export function evidenceFor(rules: readonly Rule[], id: string | null): Evidence | null {
  const found = id === null ? undefined : findRule(rules, id);
  return found ? evidenceOf(found.rule, found.exception) : null;
}
