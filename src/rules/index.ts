// The rules cartlint ships with, checked by the same schema as a user's or an admin's rule file, and the one place
// where built-in, custom and managed rules meet.
import type { LoadedRule, Rule, RuleOrigin } from '../core/types';
import douyin from './douyin.json';
import kuaishou from './kuaishou.json';
import taobaoLive from './taobao-live.json';
import weixin from './weixin.json';
import xiaohongshu from './xiaohongshu.json';
import { validateRuleFile } from './schema';

const FILES: [string, unknown][] = [
  ['kuaishou.json', kuaishou],
  ['douyin.json', douyin],
  ['xiaohongshu.json', xiaohongshu],
  ['weixin.json', weixin],
  ['taobao-live.json', taobaoLive],
];

const loaded = FILES.map(([file, json]) => validateRuleFile(json, file));

export const BUILT_IN_RULES: Rule[] = loaded.flatMap((result) => result.rules);
/** Problems in the shipped data; a test keeps this empty, the extension never sees a broken built-in rule. */
export const BUILT_IN_ERRORS: string[] = [...loaded.flatMap((result) => result.errors), ...clashesAcrossFiles()];

/** Each file checks its own ids; a decision must also name one rule across all files. */
function clashesAcrossFiles(): string[] {
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  loaded.forEach((result, i) => {
    const file = FILES[i]![0];
    for (const id of result.rules.flatMap((rule) => [rule.id, ...(rule.exceptions ?? []).map((e) => e.id)])) {
      const first = owner.get(id);
      if (first) clashes.push(`${file}: rule ${id}: id: duplicate id, also in ${first}`);
      else owner.set(id, file);
    }
  });
  return clashes;
}

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
