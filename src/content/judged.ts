// Small helpers over judged links that the scanner, overlay, guard and reports share.
import type { JudgedLink, Verdict } from '../core/types';

/** The verdict a place is painted with: banned beats review; allowed links paint nothing. */
export type Flag = 'banned' | 'review';

export function worstFlag(judged: readonly JudgedLink[]): Flag | null {
  let flag: Flag | null = null;
  for (const { decision } of judged) {
    if (decision.verdict === 'banned') return 'banned';
    if (decision.verdict === 'review') flag = 'review';
  }
  return flag;
}

export function isFlag(verdict: Verdict): verdict is Flag {
  return verdict !== 'allowed';
}
