// The settings as storage holds them, an administrator pushes them and a page asks to change them, each key read
// with its schema (src/protocol-schema.ts): a value of the wrong shape is named and left out, never stored or applied.
import * as v from 'valibot';
import { isObject } from '../core/guards';
import { t } from '../i18n';
import { DEFAULT_SETTINGS, type Settings } from '../protocol';
import { SETTINGS_ENTRIES } from '../protocol-schema';
import type { Loaded } from './config';
import { Refusal } from './rules';
import type { LocalState } from './store';

export const SETTINGS_KEYS = Object.keys(SETTINGS_ENTRIES) as (keyof Settings)[];

export interface CleanSettings {
  settings: Partial<Settings>;
  /** Keys whose value was unusable, and keys that are no setting at all. */
  bad: string[];
}

const isSettingsKey = (key: string): key is keyof Settings => Object.hasOwn(SETTINGS_ENTRIES, key);

/** The usable settings in `value` (an object of some settings keys; anything else yields none). */
export function cleanSettings(value: unknown): CleanSettings {
  const settings: Partial<Settings> = {};
  const bad: string[] = [];
  if (!isObject(value)) return { settings, bad };
  for (const [key, raw] of Object.entries(value)) {
    if (raw === undefined) continue;
    const read = isSettingsKey(key) ? v.safeParse(SETTINGS_ENTRIES[key], raw) : null;
    if (read?.success) (settings as Record<string, unknown>)[key] = read.output;
    else bad.push(key);
  }
  return { settings, bad };
}

/** Defaults, then the operator's choices, then the administrator's, which always win. */
export function effectiveSettings(own: Partial<Settings>, managed: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, ...own, ...managed };
}

/**
 * The operator's settings after `patch`, or a Refusal in the UI language: for a bad key, for changing what the
 * administrator fixed (sending the fixed value back unchanged is fine), and for pausing a site while locked.
 */
export function changeSettings(loaded: Loaded, patch: unknown): { patch: Partial<LocalState>; value: Settings } {
  const { lang, managed, settings } = loaded;
  const { settings: wanted, bad } = cleanSettings(patch);
  if (bad.length > 0) throw new Refusal(t(lang, 'bg_bad_setting', bad.join(', ')));
  const own: Partial<Settings> = { ...loaded.local.settings };
  for (const [key, value] of Object.entries(wanted) as [keyof Settings, unknown][]) {
    if (key in managed.settings) {
      if (JSON.stringify(managed.settings[key]) !== JSON.stringify(value)) {
        throw new Refusal(t(lang, 'bg_managed_setting', key));
      }
      continue; // the administrator's value stands; nothing of the operator's to store
    }
    (own as Record<string, unknown>)[key] = value;
  }
  if (loaded.snapshot.locked && wanted.pausedSites?.some((host) => !settings.pausedSites.includes(host))) {
    throw new Refusal(t(lang, 'bg_locked'));
  }
  return { patch: { settings: own }, value: effectiveSettings(own, managed.settings) };
}
