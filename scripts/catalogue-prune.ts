// Every extension bundle (content script, worker, popup and options) bundles src/i18n.ts, which imports both
// message catalogues whole. Most of their keys belong to other contexts (the CLI's alone are a fifth), and together
// they would take half of the content script's 30 KB gzipped budget and slow the popup's first paint. Keys are named
// by area (the brief's prefixes), so a bundle can drop the areas it never shows — and the build then proves it: a
// dropped key named anywhere in the output fails it.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { positionalMessage } from '../src/i18n';

const CATALOGUE = /[\\/]_locales[\\/][^\\/]+[\\/]messages\.json$/;

/** Read by the browser from _locales for the manifest, never by our code: no bundle needs them. */
const MANIFEST_ONLY: readonly string[] = ['extName', 'extDescription'];

const dropped = (prefixes: readonly string[]) => (prefixes.length ? new RegExp(`^(?:${prefixes.join('|')})_`) : /$^/);

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}

/** The message as a bundle stores it: its text, each `$NAME$` written as the `$1` it stands for, so that a bundle's
 *  format() reads plain strings only (__PLAIN_CATALOGUES__, src/i18n.ts). A placeholder standing for anything else
 *  fails the build. */
function inlined(key: string, entry: Entry): string {
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {}))
    if (!/^\$\d$/.test(content))
      throw new Error(
        `catalogue: placeholder ${name} of ${key} stands for "${content}", not $1…$9: write it into the message`,
      );
  return positionalMessage(entry);
}

/**
 * Removes the keys whose area prefix is in `prefixes` and each entry's translator note (never read at run time), and
 * inlines positional placeholders: a third of a catalogue's bytes were `"placeholders":{"x":{"content":"$1"}}`.
 * The manifest's own keys go too.
 */
export function pruneCatalogue(messages: Record<string, Entry>, prefixes: readonly string[]) {
  const drop = dropped(prefixes);
  const kept: Record<string, string> = {};
  for (const [key, entry] of Object.entries(messages))
    if (!drop.test(key) && !MANIFEST_ONLY.includes(key)) kept[key] = inlined(key, entry);
  return kept;
}

/** The English catalogue beside the catalogue at `path`. */
const englishBeside = (path: string) => path.replace(/[^\\/]+([\\/]messages\.json)$/, 'en$1');

/**
 * The catalogue at `path` (its text is `code`) as a bundle carries it: pruned, and for any language but English,
 * its messages alone, in the order of the English catalogue's keys, so a bundle names each key once (src/i18n.ts
 * pairs them up again when it loads). A message the language lacks is the English one, as t() would show.
 */
export function bundledCatalogue(path: string, code: string, prefixes: readonly string[]): string {
  const pruned = pruneCatalogue(JSON.parse(code), prefixes);
  const english = englishBeside(path);
  if (english === path) return JSON.stringify(pruned);
  const inEnglish = pruneCatalogue(JSON.parse(readFileSync(english, 'utf8')), prefixes);
  return JSON.stringify(Object.keys(inEnglish).map((key) => pruned[key] ?? inEnglish[key]));
}

/** The define that tells src/i18n.ts its catalogues are bundledCatalogue's: every bundle that prunes sets it. */
export const PLAIN_CATALOGUES = { __PLAIN_CATALOGUES__: 'true' } as const;

/** A Vite plugin applying bundledCatalogue before Vite's JSON plugin turns the catalogue into a module. */
export function catalogueFor(prefixes: readonly string[]): Plugin {
  return {
    name: 'cartlint:catalogue-prune',
    enforce: 'pre',
    config: () => ({ define: PLAIN_CATALOGUES }),
    transform(code, id) {
      const path = id.replace(/\?.*$/, '');
      if (!CATALOGUE.test(path)) return null;
      return { code: bundledCatalogue(path, code, prefixes), map: null };
    },
  };
}

/**
 * Dropped keys that the bundled code still names as a string, or builds with a template (`popup_${x}`): each would
 * throw "i18n: no message" at run time.
 */
export function droppedKeysUsed(code: string, prefixes: readonly string[]): string[] {
  const areas = prefixes.map((prefix) => `${prefix}_\\w*`);
  const pattern = new RegExp(`["'\`]((?:${[...areas, ...MANIFEST_ONLY].join('|')}))(?=["'\`]|\\$\\{)`, 'g');
  return [...new Set([...code.matchAll(pattern)].map((match) => match[1]!))];
}
