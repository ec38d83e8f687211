// Every extension bundle (content script, worker, popup and options) bundles src/i18n.ts, which imports both
// message catalogues whole. Most of their keys belong to other contexts (the CLI's alone are a fifth), and together
// they would take half of the content script's 30 KB gzipped budget and slow the popup's first paint. Keys are named
// by area (the brief's prefixes), so a bundle can drop the areas it never shows — and the build then proves it: a
// dropped key named anywhere in the output fails it.
import type { Plugin } from 'vite';

const CATALOGUE = /[\\/]_locales[\\/][^\\/]+[\\/]messages\.json$/;

const dropped = (prefixes: readonly string[]) => (prefixes.length ? new RegExp(`^(?:${prefixes.join('|')})_`) : /$^/);

/** Removes the keys whose area prefix is in `prefixes`, and each entry's translator note (never read at run time). */
export function pruneCatalogue(messages: Record<string, Record<string, unknown>>, prefixes: readonly string[]) {
  const drop = dropped(prefixes);
  const kept: Record<string, Record<string, unknown>> = {};
  for (const [key, { description: _note, ...entry }] of Object.entries(messages))
    if (!drop.test(key)) kept[key] = entry;
  return kept;
}

/** A Vite plugin applying pruneCatalogue before Vite's JSON plugin turns the catalogue into a module. */
export function catalogueFor(prefixes: readonly string[]): Plugin {
  return {
    name: 'cartlint:catalogue-prune',
    enforce: 'pre',
    transform(code, id) {
      if (!CATALOGUE.test(id.replace(/\?.*$/, ''))) return null;
      return { code: JSON.stringify(pruneCatalogue(JSON.parse(code), prefixes)), map: null };
    },
  };
}

/**
 * Dropped keys that the bundled code still names as a string, or builds with a template (`popup_${x}`): each would
 * throw "i18n: no message" at run time.
 */
export function droppedKeysUsed(code: string, prefixes: readonly string[]): string[] {
  if (prefixes.length === 0) return [];
  const pattern = new RegExp(`["'\`]((?:${prefixes.join('|')})_\\w*)(?=["'\`]|\\$\\{)`, 'g');
  return [...new Set([...code.matchAll(pattern)].map((match) => match[1]!))];
}
