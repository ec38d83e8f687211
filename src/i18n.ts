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
/** A bundled catalogue stores a message without placeholders as its bare text (scripts/catalogue-prune.ts). */
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

/**
 * Chrome's substitution rules: named placeholders `$NAME$` map to `$1`…`$9` through `placeholders`,
 * and `$$` is a literal dollar sign. A bare `$1` in a message is a placeholder already inlined (the bundled
 * catalogues are stored that way, scripts/catalogue-prune.ts).
 */
export function format(stored: CatalogueEntry | string, substitutions: readonly (string | number)[]): string {
  const entry = typeof stored === 'string' ? { message: stored } : stored;
  const positional = (n: string) => String(substitutions[Number(n) - 1] ?? '');
  const inPlaceholder = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => positional(n));
  return entry.message.replace(/\$\$|\$(\d)|\$([A-Za-z0-9_@]+)\$/g, (whole, n?: string, name?: string) => {
    if (whole === '$$') return '$';
    if (n !== undefined) return positional(n);
    const placeholder = entry.placeholders?.[name!.toLowerCase()] ?? entry.placeholders?.[name!];
    return placeholder ? inPlaceholder(placeholder.content) : whole;
  });
}

export function t(lang: Lang, key: MessageKey, ...substitutions: (string | number)[]): string {
  const entry = catalogues[lang][key] ?? catalogues.en[key];
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
