// Display names of platforms, surfaces, sources and verdicts, shared by reasons, notices, the CLI and the popup.
// Catalogue keys use "_" where the ids use "-": Chrome accepts only [A-Za-z0-9_@] in message names.
import { t, type MessageKey } from '../i18n';
import { beijingDateTime } from './beijing-time';
import type { Lang, Platform, Source, SurfaceOrUnknown, Verdict } from './types';

const PLATFORM_KEYS: Record<Platform, MessageKey> = {
  kuaishou: 'platform_kuaishou',
  douyin: 'platform_douyin',
  xiaohongshu: 'platform_xiaohongshu',
  weixin: 'platform_weixin',
  'taobao-live': 'platform_taobao_live',
};

const SURFACE_KEYS: Record<SurfaceOrUnknown, MessageKey> = {
  'live-cart': 'surface_live_cart',
  'video-cart': 'surface_video_cart',
  'product-detail': 'surface_product_detail',
  note: 'surface_note',
  showcase: 'surface_showcase',
  profile: 'surface_profile',
  'ad-link': 'surface_ad_link',
  unknown: 'surface_unknown',
};

const VERDICT_KEYS: Record<Verdict, MessageKey> = {
  banned: 'verdict_banned',
  review: 'verdict_review',
  allowed: 'verdict_allowed',
};

export const platformName = (lang: Lang, platform: Platform) => t(lang, PLATFORM_KEYS[platform]);
export const surfaceName = (lang: Lang, surface: SurfaceOrUnknown) => t(lang, SURFACE_KEYS[surface]);
/** Every source's name is the catalogue's `source_<id>` (a test checks each exists in both languages). */
export const sourceName = (lang: Lang, source: Source) => t(lang, `source_${source}` as MessageKey);
export const verdictName = (lang: Lang, verdict: Verdict) => t(lang, VERDICT_KEYS[verdict]);

/** "a、b、c" / "a, b, c". */
export const listOf = (lang: Lang, items: readonly string[]) => items.join(t(lang, 'reason_list_separator'));

/** A rule instant for people: "2022-03-01 (Beijing time)" / "2022-03-01（北京时间）". */
export const beijingLabel = (lang: Lang, iso: string) => t(lang, 'reason_beijing_time', beijingDateTime(iso));
