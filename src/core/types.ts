// The vocabulary every layer shares. Pure types and constant tables: no browser API, no DOM, no Node.

/** Where a product link leads. `shortener` = a short link whose target the text does not reveal. */
export const SOURCES = [
  'taobao',
  'tmall',
  '1688',
  'jd',
  'pinduoduo',
  'youzan',
  'mokuai',
  'vipshop',
  'suning',
  'kaola',
  'dangdang',
  'kuaishou',
  'douyin',
  'xiaohongshu',
  'weixin',
  'shortener',
] as const;
export type Source = (typeof SOURCES)[number];

/** `badge`: a source label (淘宝, 京东…) printed beside a product in a goods list. Only the page scanner
 *  (src/content/badges.ts) produces it; `classify` never does, since plain text cannot tell a label from a word. */
export const LINK_KINDS = ['url', 'short-link', 'token', 'share-text', 'deep-link', 'pid', 'badge'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * Who sells, where the text tells it (JD 自营 vs third-party sellers, Suning shop 0000000000).
 * Absent when the text cannot tell.
 */
export type Seller = 'self-operated' | 'marketplace';

/** One commerce link found in a text. */
export interface LinkFinding {
  /** Exactly `input.slice(start, end)` of the ORIGINAL input (before normalisation). */
  text: string;
  /** UTF-16 offsets into the original input. */
  start: number;
  end: number;
  source: Source;
  /** true: alliance / affiliate (淘宝联盟, 京东联盟, 多多进宝, …); false: plain; null: the text cannot tell. */
  affiliate: boolean | null;
  kind: LinkKind;
  /** What decided it, short and human-readable: "host s.click.taobao.com", "param ali_trackid=2:mm_…", "淘口令 ￥…￥ + 【淘宝】". */
  evidence: string;
  seller?: Seller;
}

export const PLATFORMS = ['kuaishou', 'douyin', 'xiaohongshu', 'weixin', 'taobao-live'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * live-cart 直播间购物车/小黄车 · video-cart 短视频购物车/挂车 · product-detail 商详页 · note 笔记 (its text) ·
 * showcase 橱窗 · profile 个人主页/店铺页 · ad-link 广告链接区 (the link area under a promoted note, apart from its text)
 */
export const SURFACES = [
  'live-cart',
  'video-cart',
  'product-detail',
  'note',
  'showcase',
  'profile',
  'ad-link',
] as const;
export type Surface = (typeof SURFACES)[number];
/** A page whose surface the dashboard does not tell: judged over every surface of the platform. */
export type SurfaceOrUnknown = Surface | 'unknown';

export const VERDICTS = ['banned', 'review', 'allowed'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export interface LocalizedText {
  zh: string;
  en: string;
}

/** Where a rule came from; set when rules are loaded, never written in a rule file. */
export type RuleOrigin = 'built-in' | 'custom' | 'managed';

// The rule file's shapes (Rule, its exceptions, link matches, announcements) are written once, as the schema in
// src/rules/schema.ts, and their types inferred from it. Type-only: no schema code reaches a bundle through here.
export type { Announcement, LastReport, LinkMatch, ReportCitation, Rule, RuleException } from '../rules/schema';
import type { Rule } from '../rules/schema';

/** A rule as held at run time: where it came from, and whether the user switched it off. */
export interface LoadedRule extends Rule {
  origin: RuleOrigin;
  enabled: boolean;
}

export interface UpcomingChange {
  rule: string;
  verdict: Verdict;
  from: string;
  reason: LocalizedText;
}

export interface Decision {
  verdict: Verdict;
  /** The deciding rule (or exception) id; null when no rule applies (own platform, no rule known). */
  rule: string | null;
  /** One sentence, both languages. */
  reason: LocalizedText;
  /** When the deciding rule took effect (ISO), if a rule decided. */
  since?: string;
  /** A rule that takes effect after `at` and would change the verdict. */
  upcoming?: UpcomingChange;
}

/** A link with its verdict: what the CLI prints, what the content script reports, what the popup lists. */
export interface JudgedLink {
  link: LinkFinding;
  decision: Decision;
}
