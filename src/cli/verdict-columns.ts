// The columns a report adds to each row of a product list: the row's verdict, the deciding rules, the reasons and
// each deciding rule's evidence line (its last report on record, estimated dates, inference), as the CSV report has.
import { evidenceFor, evidenceLine } from '../core/evidence';
import { verdictName } from '../core/names';
import type { JudgedLink, Lang, Rule, Verdict } from '../core/types';
import { t } from '../i18n';
import { worst } from './tally';

export interface VerdictColumns {
  verdict: Verdict | null;
  verdictText: string;
  rules: string;
  reasons: string;
  lastReported: string;
}

export function verdictHeaders(lang: Lang): string[] {
  return [t(lang, 'cli_col_verdict'), t(lang, 'cli_col_rule'), t(lang, 'cli_col_reason'), t(lang, 'cli_col_reported')];
}

export function verdictColumns(judged: readonly JudgedLink[], rules: readonly Rule[], lang: Lang): VerdictColumns {
  const verdict = worst(judged);
  const ids = [...new Set(judged.flatMap(({ decision }) => (decision.rule ? [decision.rule] : [])))];
  const reported = ids.flatMap((id) => {
    const evidence = evidenceFor(rules, id);
    return evidence ? [evidenceLine(lang, evidence)] : [];
  });
  return {
    verdict,
    verdictText: verdict ? verdictName(lang, verdict) : t(lang, 'cli_no_link'),
    rules: ids.join(', '),
    reasons: [...new Set(judged.map(({ decision }) => decision.reason[lang]))].join('\n'),
    lastReported: [...new Set(reported)].join('\n'),
  };
}
