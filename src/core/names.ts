// Display names of platforms, surfaces, sources and verdicts, shared by reasons, notices, the CLI and the popup.
// Catalogue keys use "_" where the ids use "-": Chrome accepts only [A-Za-z0-9_@] in message names.
import { t, type MessageKey } from '../i18n';
import { beijingDateTime } from './beijing-time';
import type { Lang, Platform, Source, SurfaceOrUnknown, Verdict } from './types';

/** The catalogue key of an id in an area (`surface`, `product-detail` → `surface_product_detail`). A test checks each
 *  platform, surface, source and verdict has one in both languages. */
const key = (area: string, id: string) => `${area}_${id.replace(/-/g, '_')}` as MessageKey;

export const platformName = (lang: Lang, platform: Platform) => t(lang, key('platform', platform));
export const surfaceName = (lang: Lang, surface: SurfaceOrUnknown) => t(lang, key('surface', surface));
export const sourceName = (lang: Lang, source: Source) => t(lang, key('source', source));
export const verdictName = (lang: Lang, verdict: Verdict) => t(lang, key('verdict', verdict));

/** "a、b、c" / "a, b, c". */
export const listOf = (lang: Lang, items: readonly string[]) => items.join(t(lang, 'reason_list_separator'));

/** A rule instant for people: "2022-03-01 (Beijing time)" / "2022-03-01（北京时间）". */
export const beijingLabel = (lang: Lang, iso: string) => t(lang, 'reason_beijing_time', beijingDateTime(iso));
