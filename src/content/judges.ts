// The page's judges over the core: verdicts for the platform and surface the page is on, by the enabled rules of
// the last config. Read through a getter so a config or surface change needs no new scanner.
import { decide } from '../core/decide';
import { judgeText } from '../core/judge';
import type { LoadedRule, Platform, Rule, SurfaceOrUnknown } from '../core/types';
import type { Judges } from './scan';

export interface JudgeContext {
  platform: Platform;
  surface: SurfaceOrUnknown;
  rules: readonly Rule[];
}

export function enabledRules(rules: readonly LoadedRule[]): Rule[] {
  return rules.filter((rule) => rule.enabled);
}

export function createJudges(context: () => JudgeContext, now: () => Date = () => new Date()): Judges {
  return {
    text: (text) => judgeText(text, { ...context(), at: now() }),
    badge: (link) => {
      const { platform, surface, rules } = context();
      return decide(link, platform, surface, now(), rules);
    },
  };
}
