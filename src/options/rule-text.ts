// A rule's fields in words for the table: which links, and the dates it binds.
import { beijingDateTime } from '../core/beijing-time';
import { listOf, sourceName, surfaceName } from '../core/names';
import type { Lang, LinkMatch, Rule } from '../core/types';
import { t } from '../i18n';

/** "Taobao (affiliate)", "JD.com (self-operated)", "any other source". */
export function linkMatchText(lang: Lang, match: LinkMatch): string {
  const name = match.source === '*' ? t(lang, 'options_source_any') : sourceName(lang, match.source);
  const qualifiers = [
    match.affiliate === true
      ? t(lang, 'options_match_affiliate')
      : match.affiliate === false
        ? t(lang, 'options_match_plain')
        : null,
    match.seller === 'self-operated'
      ? t(lang, 'options_match_self_operated')
      : match.seller === 'marketplace'
        ? t(lang, 'options_match_marketplace')
        : null,
  ].filter((q): q is string => q !== null);
  return qualifiers.length > 0 ? t(lang, 'options_match_qualified', name, listOf(lang, qualifiers)) : name;
}

export const linksText = (lang: Lang, rule: Pick<Rule, 'links'>) =>
  listOf(
    lang,
    rule.links.map((m) => linkMatchText(lang, m)),
  );

export const surfacesText = (lang: Lang, rule: Pick<Rule, 'surfaces'>) =>
  listOf(
    lang,
    rule.surfaces.map((s) => surfaceName(lang, s)),
  );

/** "2022-03-01 – " or "2022-03-01 – 2023-01-01" (the end exclusive, as the announcements word it). */
export const datesText = (lang: Lang, rule: Pick<Rule, 'from' | 'until'>) =>
  rule.until
    ? t(lang, 'options_dates_range', beijingDateTime(rule.from), beijingDateTime(rule.until))
    : t(lang, 'options_dates_from', beijingDateTime(rule.from));
