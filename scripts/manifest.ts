// Turns the one source manifest (top-level manifest.json) into each browser's manifest. A key written
// `{{chrome}}.key` or `{{firefox}}.key` is kept, without its prefix, only for that browser (the convention of
// vite-plugin-web-extension); the version always comes from package.json so the stores, the zips and the
// manifest cannot disagree.
export const BROWSERS = ['chrome', 'firefox'] as const;
export type Browser = (typeof BROWSERS)[number];

type Json = Record<string, unknown>;

const PREFIX = /^\{\{(\w+)\}\}\.(.+)$/;

export function manifestFor(source: Json, browser: Browser, version: string): Json {
  const manifest = specialise(source, browser);
  return { manifest_version: manifest.manifest_version, version, ...manifest };
}

/** Picks the keys meant for `browser` at every depth; an unknown browser prefix is a typo, not a silent drop. */
function specialise(value: Json, browser: Browser): Json {
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    const match = PREFIX.exec(key);
    if (match) {
      const [, target, plainKey] = match as unknown as [string, string, string];
      if (!(BROWSERS as readonly string[]).includes(target))
        throw new Error(`manifest.json: unknown browser prefix in "${key}"`);
      if (plainKey in value) throw new Error(`manifest.json: "${key}" collides with the unprefixed "${plainKey}"`);
      if (target === browser) out[plainKey] = specialiseAny(child, browser);
    } else {
      out[key] = specialiseAny(child, browser);
    }
  }
  return out;
}

function specialiseAny(value: unknown, browser: Browser): unknown {
  if (Array.isArray(value)) return value.map((item) => specialiseAny(item, browser));
  if (typeof value === 'object' && value !== null) return specialise(value as Json, browser);
  return value;
}

/** Files the manifest points at, so the build can fail when one is missing from the output. */
export function referencedFiles(manifest: Json): string[] {
  const files = new Set<string>();
  const add = (file: unknown) => typeof file === 'string' && files.add(file);
  const icons = (value: unknown) => Object.values((value ?? {}) as Record<string, unknown>).forEach(add);
  const action = (manifest.action ?? {}) as Json;
  const background = (manifest.background ?? {}) as Json;
  icons(manifest.icons);
  icons(action.default_icon);
  add(action.default_popup);
  add(((manifest.options_ui ?? {}) as Json).page);
  add(background.service_worker);
  ((background.scripts ?? []) as unknown[]).forEach(add);
  for (const script of (manifest.content_scripts ?? []) as Json[]) ((script.js ?? []) as unknown[]).forEach(add);
  add(((manifest.storage ?? {}) as Json).managed_schema);
  if (manifest.default_locale) add(`_locales/${String(manifest.default_locale)}/messages.json`);
  return [...files];
}
