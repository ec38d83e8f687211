// One type check per settings key, shared by what storage holds, what an administrator pushes and what a page
// asks to change: a value of the wrong shape is named and left out, never stored or applied.
import { DEFAULT_SETTINGS, type LanguageSetting, type Settings } from '../protocol';

const LANGUAGES: readonly LanguageSetting[] = ['auto', 'zh', 'en'];
/** A host as the popup pauses it ("zs.kwaixiaodian.com"). */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*$/;

export const SETTINGS_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

type Checks = { [K in keyof Settings]: (value: unknown) => Settings[K] | undefined };

const CHECKS: Checks = {
  language: (value) => ((LANGUAGES as readonly unknown[]).includes(value) ? (value as LanguageSetting) : undefined),
  resolveShortLinks: (value) => (typeof value === 'boolean' ? value : undefined),
  pausedSites: (value) => {
    if (!Array.isArray(value)) return undefined;
    const hosts = value.map((host) => (typeof host === 'string' ? host.trim().toLowerCase() : ''));
    return hosts.every((host) => HOST.test(host)) ? [...new Set(hosts)] : undefined;
  },
};

export interface CleanSettings {
  settings: Partial<Settings>;
  /** Keys whose value was unusable, and keys that are no setting at all. */
  bad: string[];
}

/** The usable settings in `value` (an object of some settings keys; anything else yields none). */
export function cleanSettings(value: unknown): CleanSettings {
  const settings: Partial<Settings> = {};
  const bad: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { settings, bad };
  for (const [key, raw] of Object.entries(value)) {
    if (raw === undefined) continue;
    const check = (CHECKS as Record<string, (value: unknown) => unknown>)[key];
    const clean = check?.(raw);
    if (clean === undefined) bad.push(key);
    else (settings as Record<string, unknown>)[key] = clean;
  }
  return { settings, bad };
}

/** Defaults, then the operator's choices, then the administrator's, which always win. */
export function effectiveSettings(own: Partial<Settings>, managed: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, ...own, ...managed };
}

/** A page's host, or null for addresses that have none (about:blank, data:). */
export function hostOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}
