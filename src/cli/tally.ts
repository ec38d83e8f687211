// Counts for a report's summary: inputs, findings by verdict, findings by deciding rule.
import { worstFlag } from '../core/judge';
import type { JudgedLink, Verdict } from '../core/types';

export const VERDICTS: readonly Verdict[] = ['banned', 'review', 'allowed'];

/**
 * The worst verdict among a row's findings (banned > review > allowed), or null for a row without links: the
 * flag the extension paints, or allowed when every link is.
 */
export function worst(judged: readonly JudgedLink[]): Verdict | null {
  return worstFlag(judged) ?? (judged.length > 0 ? 'allowed' : null);
}

export class Tally {
  inputs = 0;
  readonly verdicts: Record<Verdict, number> = { banned: 0, review: 0, allowed: 0 };
  /** Rule id (or ":verdict" for a verdict no rule decided) → its verdict and how many findings it decided. */
  readonly rules = new Map<string, { verdict: Verdict; count: number }>();

  add(judged: readonly JudgedLink[]): void {
    this.inputs++;
    for (const { decision } of judged) {
      this.verdicts[decision.verdict]++;
      const key = decision.rule ?? `:${decision.verdict}`;
      const known = this.rules.get(key);
      if (known) known.count++;
      else this.rules.set(key, { verdict: decision.verdict, count: 1 });
    }
  }

  get findings(): number {
    return this.verdicts.banned + this.verdicts.review + this.verdicts.allowed;
  }

  /** The rules by how many findings each decided, most first; `rule` is "" for findings no rule decided. */
  byRule(): { rule: string; verdict: Verdict; count: number }[] {
    return [...this.rules]
      .map(([key, { verdict, count }]) => ({ rule: key.startsWith(':') ? '' : key, verdict, count }))
      .sort((a, b) => b.count - a.count);
  }
}
