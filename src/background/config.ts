// The configuration every context sees (ConfigSnapshot), rebuilt from storage on each request: built-in rules from
// the bundle, the operator's own from storage.local, the organisation's from storage.managed. The last snapshot is
// kept in storage.local (SNAPSHOT_KEY) for content scripts to judge with before the worker answers.
import type { Lang, Rule } from '../core/types';
import { SNAPSHOT_KEY, type ConfigSnapshot, type Settings } from '../protocol';
import { mergeRules } from '../rules';
import { loosenedBans } from '../rules/loosened';
import { validateRuleFileOnce } from '../rules/schema';
import { validateWatchRules, type WatchRule } from '../dashboards/watch-schema';
import { resolveLang, t } from '../i18n';
import { interpretManaged, managedLanguage, readManagedArea, type ManagedPolicy } from './managed';
import { effectiveSettings } from './settings';
import type { LocalState, StorageArea, Store } from './store';

export interface Loaded {
  local: LocalState;
  managed: ManagedPolicy;
  /** The operator's rules that pass the schema today (the stored list may hold broken ones, kept but unused). */
  custom: Rule[];
  /** The operator's watch rules that pass the schema today. */
  watch: WatchRule[];
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
  const watch = validateWatchRules(local.watchRules, t(lang, 'bg_watch_label'));
  const managedWatchIds = new Set(managed.watchRules.map((rule) => rule.id));
  const hiddenWatch = watch.rules.filter((rule) => managedWatchIds.has(rule.id));
  return {
    local,
    managed,
    custom: checked.rules,
    watch: watch.rules,
    settings,
    lang,
    snapshot: {
      rules,
      settings,
      surfaceOverrides: { ...local.surfaceOverrides },
      managedKeys: Object.keys(managed.settings) as (keyof Settings)[],
      locked: managed.locked,
      problems: [
        ...managed.problems,
        ...checked.errors,
        ...hidden,
        ...watch.errors,
        ...hiddenWatch.map((rule) => t(lang, 'bg_watch_hidden', rule.id)),
      ],
      watchRules: [
        ...managed.watchRules.map((rule) => ({ ...rule, origin: 'managed' as const })),
        ...watch.rules
          .filter((rule) => !managedWatchIds.has(rule.id))
          .map((rule) => ({ ...rule, origin: 'custom' as const })),
      ],
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
  /** How long a request waits for storage.managed before the policy last applied stands in for it
   *  (MANAGED_WAIT_MS). */
  managedWaitMs?: number;
  /** storage.managed answered after the stand-in was used, with a different policy: every tab must re-judge. */
  onLatePolicy?(): void;
}

/** Chromium answers the first storage.managed read after a browser start only once it has loaded policy: 1.5-2.5 s
 *  on a machine that has none, which held up the first answer to every tab and to the popup. A tab that has no
 *  snapshot yet (a profile where cartlint was just installed) judges nothing until this answer, so every request
 *  waits only for a policy read that is already there (Firefox, a Chromium that has loaded policy): 100 ms here
 *  made the first paste of a fresh profile 50-90 ms late. A policy that comes later re-judges every tab
 *  (onLatePolicy) and rewrites the snapshot, which our pages watch. */
export const MANAGED_WAIT_MS = 10;

type ManagedRead = Awaited<ReturnType<typeof readManagedArea>>;

/** The policy as the kept snapshot shows it applied: its managed settings, lock and watch rules, the managed rules
 *  last applied. */
function lastPolicy(kept: unknown, local: LocalState): ManagedRead {
  const snapshot = kept as Partial<ConfigSnapshot> | undefined;
  const raw: Record<string, unknown> = { rules: local.managedCache };
  if (snapshot?.settings && Array.isArray(snapshot.managedKeys)) {
    for (const key of snapshot.managedKeys) raw[key] = snapshot.settings[key];
  }
  if (snapshot?.locked === true) raw.locked = true;
  // The organisation's watch rules: without them a slow storage.managed left its pages unread until it answered.
  const watched = Array.isArray(snapshot?.watchRules)
    ? snapshot.watchRules.filter((rule) => rule?.origin === 'managed').map(({ origin: _, ...rule }) => rule)
    : [];
  if (watched.length) raw.watchRules = watched;
  return { raw, error: null };
}

const policyKey = (read: ManagedRead, previous: readonly Rule[]) => {
  const { rules, watchRules, settings, locked } = interpretManaged(read, previous, 'en');
  return JSON.stringify({ rules, watchRules, settings, locked });
};

/** A storage.managed read in flight, shared by every request that arrives while it is pending: after a browser
 *  start each tab asks at once, and one slow read should not become one per tab, nor one late-policy re-judge per
 *  tab. Once it answers, the next request reads afresh, since the policy can change. */
interface ManagedFlight {
  reading: Promise<ManagedRead>;
  watchedLate: boolean;
}
const flights = new WeakMap<ConfigSources, ManagedFlight>();

function managedFlight(sources: ConfigSources): ManagedFlight {
  let flight = flights.get(sources);
  if (!flight) {
    const started: ManagedFlight = { reading: readManagedArea(sources.managedArea), watchedLate: false };
    flights.set(sources, started);
    void started.reading.then(() => flights.get(sources) === started && flights.delete(sources));
    flight = started;
  }
  return flight;
}

/** Reads everything afresh (the worker may have been asleep since the last request). `managedWaitMs`: how long to
 *  wait for storage.managed before the policy last applied stands in; null waits for it. */
export async function loadConfig(sources: ConfigSources, managedWaitMs: number | null = null): Promise<Loaded> {
  const { store, builtIn, uiLocale } = sources;
  const flight = managedFlight(sources);
  const { reading } = flight;
  const waited =
    managedWaitMs === null ? reading : new Promise<null>((resolve) => setTimeout(resolve, managedWaitMs, null));
  const [local, kept, answered] = await Promise.all([
    store.read(),
    store.local.get(SNAPSHOT_KEY).then((items) => items[SNAPSHOT_KEY]),
    Promise.race([reading, waited]),
  ]);
  let read = answered;
  if (!read) {
    const standIn = lastPolicy(kept, local);
    read = standIn;
    if (!flight.watchedLate) {
      flight.watchedLate = true;
      void reading.then((late) => {
        if (policyKey(late, local.managedCache) !== policyKey(standIn, local.managedCache)) sources.onLatePolicy?.();
      });
    }
  }
  const lang = resolveLang(managedLanguage(read.raw) ?? local.settings.language ?? 'auto', uiLocale);
  const managed = interpretManaged(read, local.managedCache, lang);
  if (JSON.stringify(managed.rules) !== JSON.stringify(local.managedCache)) {
    // Remember the rules now applied, so a broken policy later keeps them rather than dropping them. Not queued:
    // callers hold the store's lock while loading, and this key is derived from the policy alone.
    await store.write({ managedCache: managed.rules });
  }
  const loaded = buildConfig(builtIn, local, managed, lang);
  if (JSON.stringify(loaded.snapshot) !== JSON.stringify(kept))
    await store.local.set({ [SNAPSHOT_KEY]: loaded.snapshot });
  return loaded;
}
