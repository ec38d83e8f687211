// The build-time and test-time check of the built-in rules (src/rules/built-in.ts ships them unchecked): every
// file through the user's schema, ids unique across files, and the shipped data equal to what the schema returns,
// both as tsx reads the files and in the compact form the bundles carry (scripts/built-in-compact.ts), so the
// extension never carries a rule the schema would have refused or changed.
import { isDeepStrictEqual } from 'node:util';
import type { Rule } from '../src/core/types';
import douyin from '../src/rules/douyin.json';
import kuaishou from '../src/rules/kuaishou.json';
import taobaoLive from '../src/rules/taobao-live.json';
import weixin from '../src/rules/weixin.json';
import xiaohongshu from '../src/rules/xiaohongshu.json';
import { BUILT_IN_FILES, BUILT_IN_RULES } from '../src/rules/built-in';
import { expandRules } from '../src/rules/compact';
import { validateRuleFile } from '../src/rules/schema';
import { compactFile } from './built-in-compact';

const JSON_OF: Record<(typeof BUILT_IN_FILES)[number], unknown> = {
  'kuaishou.json': kuaishou,
  'douyin.json': douyin,
  'xiaohongshu.json': xiaohongshu,
  'weixin.json': weixin,
  'taobao-live.json': taobaoLive,
};

/** Every problem in the shipped rule files, each naming the file and rule; empty when they may ship. */
export function builtInErrors(): string[] {
  const files = BUILT_IN_FILES.map((file) => [file, JSON_OF[file]] as const);
  const errors = ruleFileErrors(files, BUILT_IN_RULES);
  if (errors.length === 0 && !isDeepStrictEqual(bundledRules(files.map(([, json]) => json)), BUILT_IN_RULES))
    errors.push('scripts/built-in-compact.ts: the rules the bundles carry differ from the rule files');
  return errors;
}

/** The rules as a bundle reads them back: each file's compact form, as the JSON text the bundle embeds, expanded. */
function bundledRules(files: readonly unknown[]): unknown[] {
  return files.flatMap((json) => {
    const compact = compactFile(json as { rules: unknown[] });
    return compact ? expandRules(JSON.parse(JSON.stringify(compact))) : [];
  });
}

/** `files` (name, parsed JSON) checked as one rule set, and `shipped` compared with what the schema makes of them. */
export function ruleFileErrors(files: readonly (readonly [string, unknown])[], shipped: readonly Rule[]): string[] {
  const loaded = files.map(([file, json]) => ({ file, ...validateRuleFile(json, file) }));
  const errors = loaded.flatMap((result) => result.errors);
  // Each file checks its own ids; a decision must also name one rule across all files.
  const owner = new Map<string, string>();
  for (const { file, rules } of loaded) {
    for (const id of rules.flatMap((rule) => [rule.id, ...(rule.exceptions ?? []).map((e) => e.id)])) {
      const first = owner.get(id);
      if (first) errors.push(`${file}: rule ${id}: id: duplicate id, also in ${first}`);
      else owner.set(id, file);
    }
  }
  // Key order is not compared: the schema rebuilds each rule in its own field order.
  if (
    errors.length === 0 &&
    !isDeepStrictEqual(
      loaded.flatMap((result) => result.rules),
      shipped,
    )
  ) {
    errors.push('src/rules/built-in.ts: BUILT_IN_RULES differ from what the schema returns for the rule files');
  }
  return errors;
}
