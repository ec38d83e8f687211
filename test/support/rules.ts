// The one builder of a valid rule, of a watch rule, of a found link and of a config snapshot, for every test.
import type { LinkFinding, Rule, Seller, Source } from '../../src/core/types';
import { DEFAULT_SETTINGS, type ConfigSnapshot } from '../../src/protocol';
import { BUILT_IN_RULES, mergeRules } from '../../src/rules';
import type { WatchRule } from '../../src/dashboards/watch';

/** A valid rule of the operator's own (Kuaishou live carts take no Pinduoduo links), unlike any built-in id. */
export function aRule(id: string, patch: Partial<Rule> = {}): Rule {
  return {
    id,
    platform: 'kuaishou',
    surfaces: ['live-cart'],
    links: [{ source: 'pinduoduo' }],
    verdict: 'banned',
    from: '2024-01-01T00:00:00+08:00',
    summary: { zh: '本团队不上架拼多多链接。', en: 'Our team lists no Pinduoduo links.' },
    advice: { zh: '换成快手小店商品。', en: 'Use a Kuaishou shop item instead.' },
    announcement: { title: { zh: '团队规定', en: 'Team rule' }, reports: [{ name: 'team handbook' }] },
    lastVerified: '2026-11-01',
    ...patch,
  };
}

/** The snapshot a content script or page gets from `config/get`: the built-in rules, default settings. */
export function aConfig(patch: Partial<ConfigSnapshot> = {}): ConfigSnapshot {
  return {
    rules: mergeRules(BUILT_IN_RULES, [], []),
    settings: { ...DEFAULT_SETTINGS },
    surfaceOverrides: {},
    managedKeys: [],
    locked: false,
    problems: [],
    loosened: [],
    watchRules: [],
    ...patch,
  };
}

/** A valid watch rule: the one text field and the goods rows of a shop page no adapter knows. */
export function aWatchRule(id: string, patch: Partial<WatchRule> = {}): WatchRule {
  return {
    id,
    host: 'shop.example.com',
    path: '/goods/edit',
    platform: 'kuaishou',
    surface: 'live-cart',
    fields: ['#goods-link'],
    rows: ['[data-role="goods-list"] [class^="goods-row"]'],
    ...patch,
  };
}

/** A found link as the core reports it, for tests that decide or list links without extracting them. */
export function aLink(text: string, source: Source, affiliate: boolean | null = false, seller?: Seller): LinkFinding {
  return {
    text,
    start: 0,
    end: text.length,
    source,
    affiliate,
    kind: 'url',
    evidence: 'test',
    ...(seller ? { seller } : {}),
  };
}
