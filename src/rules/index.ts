// The one place where built-in, custom and managed rules meet. The built-in rules come as plain data
// (src/rules/built-in.ts, checked before they ship), so importing them brings no schema into a bundle.
import type { LoadedRule, Rule, RuleOrigin } from '../core/types';

export { BUILT_IN_RULES } from './built-in';

/**
 * Built-in, custom (the user's) and managed (the admin's) rules as one list. A rule with the same id as another
 * replaces it: managed > custom > built-in, so an admin can correct a built-in date for a whole team and a user
 * can refine a rule without editing cartlint. Ids in `disabled` stay listed but switched off (decide skips them);
 * managed rules cannot be switched off by the user.
 */
export function mergeRules(
  builtIn: readonly Rule[],
  custom: readonly Rule[],
  managed: readonly Rule[],
  disabled: ReadonlySet<string> = new Set(),
): LoadedRule[] {
  const byId = new Map<string, LoadedRule>();
  const layers: [RuleOrigin, readonly Rule[]][] = [
    ['built-in', builtIn],
    ['custom', custom],
    ['managed', managed],
  ];
  for (const [origin, rules] of layers) {
    for (const rule of rules) {
      byId.delete(rule.id); // re-inserted so the overriding rule takes its own place in the order
      byId.set(rule.id, { ...rule, origin, enabled: origin === 'managed' || !disabled.has(rule.id) });
    }
  }
  return [...byId.values()];
}
