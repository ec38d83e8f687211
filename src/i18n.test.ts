import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { langFromLocale, missingKeys, resolveLang, t } from './i18n';

// Read from disk, not through the bundled import, so the test sees exactly the files the browsers load.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const readCatalogue = (locale: string): Catalogue =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8')) as Catalogue;
const en = readCatalogue('en');
/** This file quotes call forms in its comments and samples; the scan leaves it out. */
const THIS_FILE = fileURLToPath(import.meta.url);
const zh = readCatalogue('zh_CN');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Literal keys in calls `t(lang, 'key'…)`, `tr('key'…)`: the type checker cannot see a key whose
 * argument was cast or built elsewhere, and a missing key only fails at run time in front of the operator.
 */
function literalKeys(source: string): string[] {
  // The optional first argument is the language: a variable or a literal 'zh' / 'en'.
  const call = /(?<![\w.$])(?:t|tr)\(\s*(?:(?:[\w.]+|'(?:zh|en)'|"(?:zh|en)")\s*,\s*)?(['"])([A-Za-z][\w@]*)\1/g;
  // A call whose key is a variable would otherwise report its literal language ('zh') as a key.
  return [...source.matchAll(call)].map((m) => m[2]!).filter((key) => key !== 'zh' && key !== 'en');
}

const placeholderNames = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('i18n catalogues', () => {
  it('has every key in both languages', () => {
    expect(missingKeys()).toEqual({ en: [], zh: [] });
    expect(Object.keys(zh).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in zh))).toEqual([]);
  });

  it('has no empty message, and the same placeholders in both languages', () => {
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(en)) {
      const other = zh[key];
      if (!other) continue;
      if (entry.message.trim() === '' && key !== 'reason_list_separator') problems.push(`${key}: empty in en`);
      if (other.message.trim() === '' && key !== 'reason_list_separator') problems.push(`${key}: empty in zh_CN`);
      if (placeholderNames(entry.message).join() !== placeholderNames(other.message).join()) {
        problems.push(`${key}: placeholders differ`);
      }
      if (JSON.stringify(entry.placeholders ?? {}) !== JSON.stringify(other.placeholders ?? {})) {
        problems.push(`${key}: placeholder definitions differ`);
      }
      for (const name of placeholderNames(entry.message)) {
        if (!entry.placeholders?.[name]) problems.push(`${key}: $${name.toUpperCase()}$ has no placeholder entry`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has every key the code names literally, and every key the manifest names', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src')).filter((f) => f !== THIS_FILE)) {
      for (const key of literalKeys(readFileSync(file, 'utf8'))) {
        if (!(key in en) || !(key in zh)) missing.push(`${relative(ROOT, file)}: ${key}`);
      }
    }
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g)) {
      if (!(key! in en) || !(key! in zh)) missing.push(`manifest.json: ${key}`);
    }
    expect(missing).toEqual([]);
  });

  it('finds the literal keys of every call form (so the scan above cannot pass by seeing nothing)', () => {
    const source = `t(lang, 'popup_copied'); tr("options_save", n); t('zh', 'cli_x'); t('en', key); x.t('nope'); format('nope2')`;
    expect(literalKeys(source)).toEqual(['popup_copied', 'options_save', 'cli_x']);
    const scanned = sourceFiles(join(ROOT, 'src')).flatMap((file) => literalKeys(readFileSync(file, 'utf8')));
    expect(scanned.length).toBeGreaterThan(50);
    expect(scanned).toContain('popup_copy_short');
  });
});

describe('i18n lookups', () => {
  it('reads Chinese locales as 简体中文 and everything else as English', () => {
    expect(langFromLocale('zh-CN')).toBe('zh');
    expect(langFromLocale('zh_TW')).toBe('zh');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('')).toBe('en');
    expect(resolveLang('auto', 'zh-CN')).toBe('zh');
    expect(resolveLang('en', 'zh-CN')).toBe('en');
  });
  it('looks messages up by language and fills placeholders', () => {
    expect(t('zh', 'verdict_banned')).toBe('禁止');
    expect(t('en', 'verdict_banned')).toBe('Banned');
    expect(t('en', 'popup_copy_all', 3)).toBe('Copy one notice for all 3 banned links');
    expect(t('zh', 'popup_copy_all', 3)).toBe('复制全部 3 条禁止链接的说明');
  });
});
