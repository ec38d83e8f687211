import { describe, expect, it } from 'vitest';
import { langFromLocale, missingKeys, resolveLang, t } from './i18n';

describe('i18n', () => {
  it('has every key in both languages', () => {
    expect(missingKeys()).toEqual({ en: [], zh: [] });
  });
  it('reads Chinese locales as 简体中文 and everything else as English', () => {
    expect(langFromLocale('zh-CN')).toBe('zh');
    expect(langFromLocale('zh_TW')).toBe('zh');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('')).toBe('en');
    expect(resolveLang('auto', 'zh-CN')).toBe('zh');
    expect(resolveLang('en', 'zh-CN')).toBe('en');
  });
  it('looks messages up by language', () => {
    expect(t('zh', 'verdict_banned')).toBe('禁止');
    expect(t('en', 'verdict_banned')).toBe('Banned');
  });
});
