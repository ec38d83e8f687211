// Every user-facing string lives in public/_locales/{zh_CN,en}/messages.json (the browsers' own format),
// so the manifest, the extension pages, the content script, the core's notices and the CLI share one
// catalogue. Pure: the JSON is bundled, so the language can be chosen at run time (follow browser / 中文 / English)
// which browser.i18n.getMessage cannot do.
import en from '../public/_locales/en/messages.json';
import zhCN from '../public/_locales/zh_CN/messages.json';
import type { Lang } from './core/types';

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}
/** The files' entries; a bundled catalogue stores every message as its bare text (scripts/catalogue-prune.ts). */
type Catalogue = Record<string, CatalogueEntry | string>;

/** A bundled catalogue other than English is its messages alone, in the English keys' order (catalogue-prune.ts). */
const keyedLikeEnglish = (catalogue: Catalogue | Catalogue[string][]): Catalogue =>
  Array.isArray(catalogue) ? Object.fromEntries(Object.keys(en).map((key, i) => [key, catalogue[i]!])) : catalogue;

const catalogues: Record<Lang, Catalogue> = { en: en as Catalogue, zh: keyedLikeEnglish(zhCN as Catalogue) };

export type MessageKey = keyof typeof en & keyof typeof zhCN;

/** A browser language tag ("zh-CN", "zh-TW", "en-US") → the language we speak. Chinese variants read 简体中文. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && /^zh(?:$|[-_])/i.test(locale) ? 'zh' : 'en';
}

/** Resolve "auto" with the browser's UI language. */
export function resolveLang(setting: 'auto' | Lang, browserLocale: string | undefined | null): Lang {
  return setting === 'auto' ? langFromLocale(browserLocale) : setting;
}

/** Set to true by the bundles' build (scripts/catalogue-prune.ts): their catalogues hold every message as its text,
 *  placeholders written in as the `$1`…`$9` they stand for. Tests and tsx read the files, which name them. */
declare const __PLAIN_CATALOGUES__: boolean | undefined;
const plainCatalogues = typeof __PLAIN_CATALOGUES__ !== 'undefined' && __PLAIN_CATALOGUES__;

/** An entry's message with each named placeholder `$NAME$` (Chrome's rules: the name matched case-insensitively)
 *  written as its content, the `$1`…`$9` it stands for; an unknown name stays as written. */
export function positionalMessage({ message, placeholders }: CatalogueEntry): string {
  return message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const key = Object.keys(placeholders ?? {}).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? whole : placeholders![key]!.content;
  });
}

/** Chrome's substitution rules: `$1`…`$9` are the substitutions, and `$$` is a literal dollar sign. */
export function format(stored: CatalogueEntry | string, substitutions: readonly (string | number)[]): string {
  const message = plainCatalogues || typeof stored === 'string' ? (stored as string) : positionalMessage(stored);
  return message.replace(/\$(\$|\d)/g, (_, n: string) => (n === '$' ? n : String(substitutions[Number(n) - 1] ?? '')));
}

export function t(lang: Lang, key: MessageKey, ...substitutions: (string | number)[]): string {
  // A bundle's catalogues other than English hold the English message wherever theirs is missing (catalogue-prune).
  const entry = plainCatalogues ? catalogues[lang][key] : (catalogues[lang][key] ?? catalogues.en[key]);
  if (!entry) throw new Error(`i18n: no message "${key}"`);
  return format(entry, substitutions);
}

/** Keys present in one catalogue but not the other (the i18n test fails on any). */
export function missingKeys(): { en: string[]; zh: string[] } {
  const enKeys = Object.keys(catalogues.en);
  const zhKeys = Object.keys(catalogues.zh);
  return {
    en: zhKeys.filter((k) => !(k in catalogues.en)),
    zh: enKeys.filter((k) => !(k in catalogues.zh)),
  };
}
