// Whether a rule binds today. Rule instants carry their Beijing offset, so comparing instants is comparing
// Beijing dates, whatever the machine's time zone.
import type { Rule } from '../core/types';

export type RuleStatus = 'in-force' | 'upcoming' | 'ended';

export function ruleStatus(rule: Pick<Rule, 'from' | 'until'>, now: Date): RuleStatus {
  const time = now.getTime();
  if (rule.until !== undefined && Date.parse(rule.until) <= time) return 'ended';
  return Date.parse(rule.from) > time ? 'upcoming' : 'in-force';
}
