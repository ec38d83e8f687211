// The columns a report adds to each row of a product list: the row's verdict, the deciding rules, the reasons and
// each deciding rule's evidence line (its last report on record, estimated dates, inference), as the CSV report has.
import { evidenceFor, evidenceLine, isInferred } from '../core/evidence';
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

/** A deciding rule's evidence as the reports write it. */
export interface RuleEvidenceText {
  /** The evidence line (last report, estimates, inference); empty when no rule decided. */
  line: string;
  reported: string | null;
  reportedBy: string | null;
  /** Whether the verdict rests on an inference. */
  inferred: boolean;
}

/** Each deciding rule's evidence, worked out once per rule id: a long list repeats the same few rules. */
export class RuleEvidence {
  private readonly known = new Map<string | null, RuleEvidenceText>();
  constructor(
    private readonly rules: readonly Rule[],
    private readonly lang: Lang,
  ) {}

  of(rule: string | null): RuleEvidenceText {
    let text = this.known.get(rule);
    if (text === undefined) {
      const evidence = evidenceFor(this.rules, rule);
      text = {
        line: evidence ? evidenceLine(this.lang, evidence) : '',
        reported: evidence?.lastReport?.date ?? null,
        reportedBy: evidence?.lastReport?.name ?? null,
        inferred: evidence ? isInferred(evidence) : false,
      };
      this.known.set(rule, text);
    }
    return text;
  }
}

export function verdictHeaders(lang: Lang): string[] {
  return [t(lang, 'cli_col_verdict'), t(lang, 'cli_col_rule'), t(lang, 'cli_col_reason'), t(lang, 'cli_col_reported')];
}

export function verdictColumns(judged: readonly JudgedLink[], evidence: RuleEvidence, lang: Lang): VerdictColumns {
  const verdict = worst(judged);
  const ids = [...new Set(judged.flatMap(({ decision }) => (decision.rule ? [decision.rule] : [])))];
  const reported = ids.map((id) => evidence.of(id).line).filter((line) => line !== '');
  return {
    verdict,
    verdictText: verdict ? verdictName(lang, verdict) : t(lang, 'cli_no_link'),
    rules: ids.join(', '),
    reasons: [...new Set(judged.map(({ decision }) => decision.reason[lang]))].join('\n'),
    lastReported: [...new Set(reported)].join('\n'),
  };
}
