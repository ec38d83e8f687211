// A stateful stand-in for the background's rule and settings requests, so the options page's tests see their
// changes come back through `config/get` exactly as with the real worker.
import type { Rule } from '../core/types';
import { DEFAULT_SETTINGS, type ConfigSnapshot, type Settings } from '../protocol';
import { BUILT_IN_RULES, mergeRules } from '../rules';
import { parseRuleFile } from '../rules/schema';
import type { FakeAnswers } from '../../test/support/preact';

export const NOW = new Date('2024-06-01T10:00:00+08:00');

export function rule(id: string, patch: Partial<Rule> = {}): Rule {
  return {
    id,
    platform: 'douyin',
    surfaces: ['live-cart'],
    links: [{ source: 'pinduoduo' }],
    verdict: 'banned',
    from: '2024-01-01T00:00:00+08:00',
    summary: { zh: `${id} 规则`, en: `${id} rule` },
    advice: { zh: '改用平台内商品', en: 'Use a platform product' },
    announcement: { title: { zh: '公告', en: 'Notice' }, reports: [{ name: 'example.com' }] },
    lastVerified: '2024-05-01',
    ...patch,
  };
}

export const MANAGED_RULE = rule('ORG-1', { platform: 'kuaishou', summary: { zh: '公司规定', en: 'Company policy' } });
export const CUSTOM_RULE = rule('MY-7', { platform: 'xiaohongshu', surfaces: ['note'] });

export interface FakeBackgroundState {
  custom: Rule[];
  managed: Rule[];
  disabled: Set<string>;
  settings: Settings;
  managedKeys: (keyof Settings)[];
  locked: boolean;
}

export function fakeBackground(patch: Partial<FakeBackgroundState> = {}) {
  const state: FakeBackgroundState = {
    custom: [CUSTOM_RULE],
    managed: [MANAGED_RULE],
    disabled: new Set(),
    settings: { ...DEFAULT_SETTINGS },
    managedKeys: [],
    locked: false,
    ...patch,
  };
  const snapshot = (): ConfigSnapshot => ({
    rules: mergeRules(BUILT_IN_RULES, state.custom, state.managed, state.disabled),
    settings: state.settings,
    surfaceOverrides: {},
    managedKeys: state.managedKeys,
    locked: state.locked,
    problems: [],
  });
  const answers: FakeAnswers = {
    'config/get': snapshot,
    'settings/set': ({ patch: change }) => (state.settings = { ...state.settings, ...change }),
    'rules/save': ({ rule: saved }) => {
      state.custom = [...state.custom.filter((r) => r.id !== saved.id), saved];
      return { ok: true };
    },
    'rules/delete': ({ id }) => {
      state.custom = state.custom.filter((r) => r.id !== id);
      return { ok: true };
    },
    'rules/toggle': ({ id, enabled }) => {
      if (enabled) state.disabled.delete(id);
      else state.disabled.add(id);
      return { ok: true };
    },
    'rules/import': ({ json }) => {
      const { rules, errors } = parseRuleFile(json, 'import');
      if (errors.length > 0) throw new Error(errors.join('\n'));
      const replaced = rules.filter((r) => state.custom.some((c) => c.id === r.id)).length;
      state.custom = [...state.custom.filter((c) => !rules.some((r) => r.id === c.id)), ...rules];
      return { added: rules.length - replaced, replaced };
    },
    'rules/export': () => ({ json: JSON.stringify({ rules: state.custom }, null, 2) }),
  };
  return { state, answers };
}
