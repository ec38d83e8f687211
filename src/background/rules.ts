// Changes to the operator's own rules. Each returns the storage patch or throws a Refusal in the UI language;
// nothing is written unless the whole change is valid.
//
// Ids: a custom rule may take a built-in rule's id and then replaces it (an operator refines a rule without
// waiting for a release; the options editor allows the same). It may not take an organisation's id (the
// organisation's rule would win and hide it), and no rule or exception id may name two different rules, since
// a decision cites one id.
import { beijingDay } from '../core/beijing-time';
import { isObject } from '../core/guards';
import type { Rule } from '../core/types';
import { parseRuleFile, validateRuleFile } from '../rules/schema';
import { t } from '../i18n';
import type { Loaded } from './config';
import type { LocalState, StoredCustomRule } from './store';

/** A change the background will not make; its message is shown to the operator as is. */
export class Refusal extends Error {
  override name = 'Refusal';
}

const idsOf = (rule: Rule) => [rule.id, ...(rule.exceptions ?? []).map((e) => e.id)];
const storedId = (entry: StoredCustomRule): unknown => (isObject(entry.rule) ? entry.rule.id : undefined);

/** Every id problem of `incoming` against the rules that stay beside it, each naming file, rule and field. */
function idProblems(incoming: readonly Rule[], loaded: Loaded, builtIn: readonly Rule[], file: string): string[] {
  const { lang } = loaded;
  const replacing = new Set(incoming.map((rule) => rule.id));
  const managed = new Set(loaded.managed.rules.map((rule) => rule.id));
  const beside = [...builtIn, ...loaded.custom].filter((rule) => !replacing.has(rule.id)).concat(loaded.managed.rules);
  const problems: string[] = [];
  for (const rule of incoming) {
    if (managed.has(rule.id)) {
      problems.push(t(lang, 'bg_id_managed', file, rule.id));
      continue;
    }
    idsOf(rule).forEach((id, i) => {
      const owner = beside.find((other) => idsOf(other).includes(id));
      const field = i === 0 ? 'id' : `exceptions[${i - 1}].id`;
      if (owner) problems.push(t(lang, 'bg_id_taken', file, rule.id, field, id, owner.id));
    });
  }
  return problems;
}

/** Adds or replaces by id; a replaced rule keeps its place and the operator's on/off choice. */
function upsert(entries: readonly StoredCustomRule[], rules: readonly Rule[]) {
  const next = [...entries];
  let replaced = 0;
  for (const rule of rules) {
    const at = next.findIndex((entry) => storedId(entry) === rule.id);
    if (at >= 0) {
      next[at] = { rule, enabled: next[at]!.enabled };
      replaced++;
    } else next.push({ rule, enabled: true });
  }
  return { customRules: next, added: rules.length - replaced, replaced };
}

export function importRules(loaded: Loaded, builtIn: readonly Rule[], json: string) {
  const file = t(loaded.lang, 'bg_import_label');
  const { rules, errors } = parseRuleFile(json, file);
  if (errors.length > 0) throw new Refusal(errors.join('\n'));
  if (rules.length === 0) throw new Refusal(t(loaded.lang, 'bg_import_empty', file));
  const clashes = idProblems(rules, loaded, builtIn, file);
  if (clashes.length > 0) throw new Refusal(clashes.join('\n'));
  const { customRules, added, replaced } = upsert(loaded.local.customRules, rules);
  return { patch: { customRules } satisfies Partial<LocalState>, added, replaced };
}

export function saveRule(loaded: Loaded, builtIn: readonly Rule[], draft: unknown): Partial<LocalState> {
  const file = t(loaded.lang, 'bg_saved_label');
  const { rules, errors } = validateRuleFile([draft], file);
  if (errors.length > 0 || rules.length === 0) throw new Refusal(errors.join('\n'));
  const clashes = idProblems(rules, loaded, builtIn, file);
  if (clashes.length > 0) throw new Refusal(clashes.join('\n'));
  return { customRules: upsert(loaded.local.customRules, rules).customRules };
}

function refuseUnchangeable(loaded: Loaded, builtIn: readonly Rule[], id: string, custom: boolean): void {
  if (loaded.managed.rules.some((rule) => rule.id === id)) throw new Refusal(t(loaded.lang, 'bg_rule_managed', id));
  if (!custom && !builtIn.some((rule) => rule.id === id)) throw new Refusal(t(loaded.lang, 'bg_rule_unknown', id));
}

export function deleteRule(loaded: Loaded, builtIn: readonly Rule[], id: string): Partial<LocalState> {
  const kept = loaded.local.customRules.filter((entry) => storedId(entry) !== id);
  const custom = kept.length !== loaded.local.customRules.length;
  refuseUnchangeable(loaded, builtIn, id, custom);
  if (!custom) throw new Refusal(t(loaded.lang, 'bg_rule_builtin_delete', id));
  return { customRules: kept };
}

/** A custom rule has its own switch (covering the built-in rule it replaces); a built-in one is listed as off. */
export function toggleRule(
  loaded: Loaded,
  builtIn: readonly Rule[],
  id: string,
  enabled: boolean,
): Partial<LocalState> {
  const { customRules, disabledBuiltIn } = loaded.local;
  const custom = customRules.some((entry) => storedId(entry) === id);
  refuseUnchangeable(loaded, builtIn, id, custom);
  if (custom)
    return { customRules: customRules.map((entry) => (storedId(entry) === id ? { ...entry, enabled } : entry)) };
  const others = disabledBuiltIn.filter((off) => off !== id);
  return { disabledBuiltIn: enabled ? others : [...others, id] };
}

/** The operator's rules as a file rules/import (and `cartlint rules --validate`) accepts. On/off is not part of it. */
export function exportRules(loaded: Loaded, now: Date): string {
  const file = { comment: t(loaded.lang, 'bg_export_comment', beijingDay(now)), rules: loaded.custom };
  return `${JSON.stringify(file, null, 2)}\n`;
}
