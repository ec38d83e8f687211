// What the popup and the badge get from a page: every judged link counted by verdict, and the banned and review ones
// listed (banned first when there are more than MAX_LISTED), each with an id stable within the page life (place key +
// offset) and a human label of where it was seen. Allowed links are only counted: on a big agency cart they are
// nearly every row, and nobody acts on them.
import type { Lang } from '../core/types';
import { MAX_LISTED, NO_LINKS, type TabFinding, type VerdictCounts } from '../protocol';
import { t } from '../i18n';
import type { Spot } from './page/scan';

export function whereLabel(spot: Spot, lang: Lang): string {
  if (spot.kind === 'row') return t(lang, 'overlay_where_row', t(lang, 'overlay_where_list'), spot.row ?? 0);
  return spot.label ?? t(lang, 'overlay_where_field');
}

export interface PageFindings {
  findings: TabFinding[];
  counts: VerdictCounts;
}

export function toFindings(spots: readonly Spot[], lang: Lang): PageFindings {
  const counts: VerdictCounts = { ...NO_LINKS };
  const listed: { banned: TabFinding[]; review: TabFinding[] } = { banned: [], review: [] };
  // One catalogue lookup for all rows of a long list: the row number goes into a ready template.
  const rowTemplate = t(lang, 'overlay_where_row', t(lang, 'overlay_where_list'), '\u0000');
  for (const spot of spots) {
    let where: string | null = null;
    for (const { link, decision } of spot.judged) {
      const verdict = decision.verdict;
      counts[verdict]++;
      if (verdict === 'allowed' || listed[verdict].length >= MAX_LISTED) continue;
      where ??= spot.kind === 'row' ? rowTemplate.replace('\u0000', String(spot.row ?? 0)) : whereLabel(spot, lang);
      listed[verdict].push({ id: `${spot.key}@${link.start}`, where, link, decision });
    }
  }
  return { findings: [...listed.banned, ...listed.review].slice(0, MAX_LISTED), counts };
}

/** The place a finding id points at, if it is still on the page. */
export function spotOfFinding(spots: readonly Spot[], findingId: string): Spot | undefined {
  const at = findingId.lastIndexOf('@');
  const key = at < 0 ? findingId : findingId.slice(0, at);
  return spots.find((spot) => spot.key === key);
}
