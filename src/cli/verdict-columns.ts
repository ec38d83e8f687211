// The columns a report adds to each row of a product list: the row's verdict, the deciding rules, the reasons and
// when the rules were last checked.
import { findRule } from '../core/decide';
import { verdictName } from '../core/names';
import type { JudgedLink, Lang, Rule, Verdict } from '../core/types';
import { t } from '../i18n';
import { worst } from './tally';

export interface VerdictColumns {
  verdict: Verdict | null;
  verdictText: string;
  rules: string;
  reasons: string;
  lastChecked: string;
}

export function verdictHeaders(lang: Lang): string[] {
  return [t(lang, 'cli_col_verdict'), t(lang, 'cli_col_rule'), t(lang, 'cli_col_reason'), t(lang, 'cli_col_checked')];
}

export function verdictColumns(judged: readonly JudgedLink[], rules: readonly Rule[], lang: Lang): VerdictColumns {
  const verdict = worst(judged);
  const ids = [...new Set(judged.flatMap(({ decision }) => (decision.rule ? [decision.rule] : [])))];
  const checked = ids.flatMap((id) => {
    const found = findRule(rules, id);
    return found ? [found.rule.lastVerified] : [];
  });
  return {
    verdict,
    verdictText: verdict ? verdictName(lang, verdict) : t(lang, 'cli_no_link'),
    rules: ids.join(', '),
    reasons: [...new Set(judged.map(({ decision }) => decision.reason[lang]))].join('\n'),
    lastChecked: checked.sort().at(-1) ?? '',
  };
}
