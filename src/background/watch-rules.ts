// Changes to the operator's watch rules (src/dashboards/watch.ts), as storage patches; a change that is not valid
// as a whole throws a Refusal in the UI language and writes nothing. An organisation's watch rule (managed
// storage) is read-only and wins over the operator's of the same id.
import { beijingDay } from '../core/beijing-time';
import { t } from '../i18n';
import { parseWatchRules, validateWatchRules, type WatchRule } from '../dashboards/watch-schema';
import type { Loaded } from './config';
import type { LocalState } from './store';
import { Refusal } from './rules';

function refuseManaged(loaded: Loaded, rules: readonly WatchRule[]): void {
  const taken = rules.find((rule) => loaded.managed.watchRules.some((managed) => managed.id === rule.id));
  if (taken) throw new Refusal(t(loaded.lang, 'bg_watch_managed', taken.id));
}

/** Adds or replaces by id, a replaced rule keeping its place. */
function upsert(loaded: Loaded, rules: readonly WatchRule[]) {
  const next = [...loaded.local.watchRules];
  let replaced = 0;
  for (const rule of rules) {
    const at = next.findIndex((stored) => (stored as { id?: unknown } | null)?.id === rule.id);
    if (at >= 0) {
      next[at] = rule;
      replaced++;
    } else next.push(rule);
  }
  return { patch: { watchRules: next } satisfies Partial<LocalState>, added: rules.length - replaced, replaced };
}

export function saveWatchRule(loaded: Loaded, draft: unknown): Partial<LocalState> {
  const { rules, errors } = validateWatchRules([draft], t(loaded.lang, 'bg_watch_label'));
  if (errors.length > 0 || rules.length === 0) throw new Refusal(errors.join('\n'));
  refuseManaged(loaded, rules);
  return upsert(loaded, rules).patch;
}

export function importWatchRules(loaded: Loaded, json: string) {
  const file = t(loaded.lang, 'bg_import_label');
  const { rules, errors } = parseWatchRules(json, file);
  if (errors.length > 0) throw new Refusal(errors.join('\n'));
  if (rules.length === 0) throw new Refusal(t(loaded.lang, 'bg_import_empty', file));
  refuseManaged(loaded, rules);
  return upsert(loaded, rules);
}

export function deleteWatchRule(loaded: Loaded, id: string): Partial<LocalState> {
  if (loaded.managed.watchRules.some((rule) => rule.id === id)) {
    throw new Refusal(t(loaded.lang, 'bg_watch_managed', id));
  }
  const kept = loaded.local.watchRules.filter((stored) => (stored as { id?: unknown } | null)?.id !== id);
  if (kept.length === loaded.local.watchRules.length) throw new Refusal(t(loaded.lang, 'bg_watch_unknown', id));
  return { watchRules: kept };
}

export function exportWatchRules(loaded: Loaded, now: Date): string {
  const file = { comment: t(loaded.lang, 'bg_watch_export_comment', beijingDay(now)), watchRules: loaded.watch };
  return `${JSON.stringify(file, null, 2)}\n`;
}
