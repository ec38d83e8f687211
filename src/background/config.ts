// The configuration every context sees (ConfigSnapshot), rebuilt from storage on each request: built-in rules from
// the bundle, the operator's own from storage.local, the organisation's from storage.managed.
import type { Lang, Rule } from '../core/types';
import type { ConfigSnapshot, Settings } from '../protocol';
import { mergeRules } from '../rules';
import { loosenedBans } from '../rules/loosened';
import { validateRuleFileOnce } from '../rules/schema';
import { resolveLang, t } from '../i18n';
import { interpretManaged, managedLanguage, readManagedArea, type ManagedPolicy } from './managed';
import { effectiveSettings } from './settings';
import type { LocalState, StorageArea, Store } from './store';

export interface Loaded {
  local: LocalState;
  managed: ManagedPolicy;
  /** The operator's rules that pass the schema today (the stored list may hold broken ones, kept but unused). */
  custom: Rule[];
  settings: Settings;
  lang: Lang;
  snapshot: ConfigSnapshot;
}

/** Which ids are switched off: a custom rule's own flag covers its id, even when it overrides a built-in rule. */
export function disabledIds(local: LocalState, custom: readonly Rule[]): Set<string> {
  const customIds = new Set(custom.map((rule) => rule.id));
  const off = local.disabledBuiltIn.filter((id) => !customIds.has(id));
  for (const { rule, enabled } of local.customRules) if (!enabled && rule && customIds.has(rule.id)) off.push(rule.id);
  return new Set(off);
}

export function buildConfig(builtIn: readonly Rule[], local: LocalState, managed: ManagedPolicy, lang: Lang): Loaded {
  const settings = effectiveSettings(local.settings, managed.settings);
  const checked = validateRuleFileOnce(
    local.customRules.map((entry) => entry.rule),
    t(lang, 'bg_custom_label'),
  );
  const managedIds = new Set(managed.rules.map((rule) => rule.id));
  const hidden = checked.rules
    .filter((rule) => managedIds.has(rule.id))
    .map((rule) => t(lang, 'bg_custom_hidden', rule.id));
  const disabled = disabledIds(local, checked.rules);
  const rules = mergeRules(builtIn, checked.rules, managed.rules, disabled);
  const customInForce = checked.rules.filter((rule) => !managedIds.has(rule.id) && !disabled.has(rule.id));
  const loosened = [
    ...loosenedBans(managed.rules, builtIn).map((found) => ({ ...found, origin: 'managed' as const })),
    ...loosenedBans(customInForce, builtIn).map((found) => ({ ...found, origin: 'custom' as const })),
  ];
  return {
    local,
    managed,
    custom: checked.rules,
    settings,
    lang,
    snapshot: {
      rules,
      settings,
      surfaceOverrides: { ...local.surfaceOverrides },
      managedKeys: Object.keys(managed.settings) as (keyof Settings)[],
      locked: managed.locked,
      problems: [...managed.problems, ...checked.errors, ...hidden],
      loosened,
    },
  };
}

export interface ConfigSources {
  store: Store;
  managedArea: Pick<StorageArea, 'get'> | null;
  builtIn: readonly Rule[];
  /** The browser's UI language, for language "auto". */
  uiLocale: string;
}

/** Reads everything afresh (the worker may have been asleep since the last request). */
export async function loadConfig({ store, managedArea, builtIn, uiLocale }: ConfigSources): Promise<Loaded> {
  const [local, read] = await Promise.all([store.read(), readManagedArea(managedArea)]);
  const lang = resolveLang(managedLanguage(read.raw) ?? local.settings.language ?? 'auto', uiLocale);
  const managed = interpretManaged(read, local.managedCache, lang);
  if (JSON.stringify(managed.rules) !== JSON.stringify(local.managedCache)) {
    // Remember the rules now applied, so a broken policy later keeps them rather than dropping them. Not queued:
    // callers hold the store's lock while loading, and this key is derived from the policy alone.
    await store.write({ managedCache: managed.rules });
  }
  return buildConfig(builtIn, local, managed, lang);
}
