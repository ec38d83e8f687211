// Text in, judged links out: recognition (classify) then a verdict for each link (decide).
import { decide } from './decide';
import { classify } from './extract';
import type { JudgedLink, Platform, Rule, SurfaceOrUnknown } from './types';

export interface JudgeOptions {
  platform: Platform;
  surface: SurfaceOrUnknown;
  at: Date;
  rules: readonly Rule[];
}

export function judgeText(text: string, { platform, surface, at, rules }: JudgeOptions): JudgedLink[] {
  return classify(text).map((link) => ({ link, decision: decide(link, platform, surface, at, rules) }));
}

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
