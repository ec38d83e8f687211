// What an administrator pushed through the browser's enterprise policy (storage.managed): rules shown as
// "my organisation", settings the operator cannot change, and `locked` (cartlint cannot be paused).
// Chrome checks values against public/managed_schema.json; Firefox checks nothing and throws when no policy
// exists, so every key is read defensively and type-checked here.
import { isObject } from '../core/guards';
import type { Lang, Rule } from '../core/types';
import type { Settings } from '../protocol';
import { validateRuleFileOnce } from '../rules/schema';
import { parseWatchRules, validateWatchRules, type WatchRule } from '../dashboards/watch-schema';
import { t } from '../i18n';
import { cleanSettings, SETTINGS_KEYS } from './settings';
import type { StorageArea } from './store';

export interface ManagedPolicy {
  rules: Rule[];
  watchRules: WatchRule[];
  settings: Partial<Settings>;
  locked: boolean;
  problems: string[];
}

export const NO_POLICY: ManagedPolicy = { rules: [], watchRules: [], settings: {}, locked: false, problems: [] };

/** Firefox's words for "no policy configured"; not a problem, just nothing managed. */
const NO_POLICY_ERROR = /managed storage manifest not found/i;

/** The raw policy: {} when there is none; `error` when the browser failed to read one that exists. */
export async function readManagedArea(
  area: Pick<StorageArea, 'get'> | null | undefined,
): Promise<{ raw: Record<string, unknown>; error: string | null }> {
  if (!area) return { raw: {}, error: null };
  try {
    const raw = await area.get(null);
    return { raw: typeof raw === 'object' && raw !== null ? raw : {}, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { raw: {}, error: NO_POLICY_ERROR.test(message) ? null : message };
  }
}

/** Rules from `rules`: a list (Chrome's schema), a rule file object, or a JSON text of either (Firefox, registry). */
function managedRules(value: unknown, previous: readonly Rule[], lang: Lang): { rules: Rule[]; problems: string[] } {
  if (value === undefined) return { rules: [], problems: [] };
  const label = t(lang, 'bg_managed_label');
  let json = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch (error) {
      // An unreadable update must not strip a team of the rules it had: keep the last good set.
      return { rules: [...previous], problems: [t(lang, 'bg_managed_bad_json', label, (error as Error).message)] };
    }
  }
  const list = Array.isArray(json) ? json : isObject(json) && Array.isArray(json.rules) ? json.rules : null;
  const { rules, errors } = validateRuleFileOnce(json, label);
  if (!list) return { rules: [...previous], problems: errors };
  // A rule broken in this version stays in force as it was last validated, if it was.
  const valid = new Set(rules.map((rule) => rule.id));
  const problems = [...errors];
  for (const entry of list) {
    const id = isObject(entry) && typeof entry.id === 'string' ? entry.id : null;
    if (id === null || valid.has(id)) continue;
    const before = previous.find((rule) => rule.id === id);
    if (before) {
      rules.push(before);
      valid.add(id);
      problems.push(t(lang, 'bg_managed_kept', label, id));
    }
  }
  return { rules, problems };
}

/** Watch rules from `watchRules`: a list (Chrome's schema) or its JSON text (Firefox, registry). */
function managedWatchRules(value: unknown, lang: Lang): { rules: WatchRule[]; errors: string[] } {
  if (value === undefined) return { rules: [], errors: [] };
  const label = t(lang, 'bg_watch_managed_label');
  if (typeof value !== 'string') return validateWatchRules(value, label);
  return parseWatchRules(value, label);
}

/**
 * The policy as cartlint applies it. `previous` are the managed rules last applied (storage.local), kept for
 * rules the new policy breaks. `lang` is the language the problems are written in.
 */
export function interpretManaged(
  read: { raw: Record<string, unknown>; error: string | null },
  previous: readonly Rule[],
  lang: Lang,
): ManagedPolicy {
  const { raw, error } = read;
  if (error !== null) {
    return { ...NO_POLICY, rules: [...previous], problems: [t(lang, 'bg_managed_unreadable', error)] };
  }
  const label = t(lang, 'bg_managed_label');
  const picked = Object.fromEntries(SETTINGS_KEYS.filter((key) => key in raw).map((key) => [key, raw[key]]));
  const { settings, bad } = cleanSettings(picked);
  const problems = bad.map((key) => t(lang, 'bg_managed_bad_value', label, key));
  let locked = false;
  if (raw.locked !== undefined) {
    if (typeof raw.locked === 'boolean') locked = raw.locked;
    else problems.push(t(lang, 'bg_managed_bad_value', label, 'locked'));
  }
  const ruled = managedRules(raw.rules, previous, lang);
  const watched = managedWatchRules(raw.watchRules, lang);
  return {
    rules: ruled.rules,
    watchRules: watched.rules,
    settings,
    locked,
    problems: [...problems, ...ruled.problems, ...watched.errors],
  };
}

/** The language policy alone, so problems can be written in the language the policy itself may fix. */
export function managedLanguage(raw: Record<string, unknown>): Settings['language'] | undefined {
  return cleanSettings({ language: raw.language }).settings.language;
}
