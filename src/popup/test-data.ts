// A Kuaishou live-cart tab judged with the real built-in rules, for the popup's component tests.
import { decide } from '../core/decide';
import type { LinkFinding } from '../core/types';
import type { ConfigSnapshot, TabFinding, TabState } from '../protocol';
import { DEFAULT_SETTINGS } from '../protocol';
import { BUILT_IN_RULES, mergeRules } from '../rules';

export const AT = '2024-06-01T10:00:00+08:00';
export const PAGE_URL = 'https://zs.kwaixiaodian.com/page/helper';
const rules = mergeRules(BUILT_IN_RULES, [], []);

export function config(patch: Partial<ConfigSnapshot> = {}): ConfigSnapshot {
  return {
    rules,
    settings: DEFAULT_SETTINGS,
    surfaceOverrides: {},
    managedKeys: [],
    locked: false,
    problems: [],
    ...patch,
  };
}

const link = (text: string, source: LinkFinding['source'], affiliate: boolean | null): LinkFinding => ({
  text,
  start: 0,
  end: text.length,
  source,
  affiliate,
  kind: 'url',
  evidence: 'test',
});

function finding(id: string, found: LinkFinding, where = '粘贴商品链接'): TabFinding {
  return { id, where, link: found, decision: decide(found, 'kuaishou', 'live-cart', new Date(AT), rules) };
}

export const OWN_LINK = 'https://app.kwaixiaodian.com/merchant/shop/detail?id=1234567';
export const TAOBAO_LINK =
  'https://s.click.taobao.com/t?e=m%3D2%26s%3Dabcdefghijklmnopqrstuvwxyz0123456789&pid=mm_1_2_3';
export const JD_LINK = 'https://item.jd.com/100012043978.html';
export const SHORT_LINK = 'https://t.cn/A6xYz12';

/** In the order the page reported them: allowed first, so the popup's sorting is visible. */
export const FINDINGS: TabFinding[] = [
  finding('f-own', link(OWN_LINK, 'kuaishou', false)),
  finding('f-taobao', link(TAOBAO_LINK, 'taobao', true)),
  finding('f-short', { ...link(SHORT_LINK, 'shortener', null), kind: 'short-link' }),
  finding('f-jd', link(JD_LINK, 'jd', false), '小黄车商品 · row 2'),
];

export function tabState(patch: Partial<TabState> = {}): TabState {
  return {
    tabId: 7,
    page: {
      url: PAGE_URL,
      adapter: 'kuaishou-live-helper',
      platform: 'kuaishou',
      surface: 'live-cart',
      surfaceFrom: 'adapter',
      pattern: 'kuaishou-live-helper /page/helper',
    },
    findings: FINDINGS,
    at: AT,
    paused: false,
    ...patch,
  };
}
