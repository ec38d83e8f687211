// What the popup and the badge get from a page: every judged link of every place, with an id stable within the
// page life (place key + offset) and a human label of where it was seen.
import type { Lang } from '../core/types';
import type { TabFinding } from '../protocol';
import { t } from '../i18n';
import type { Spot } from './page/scan';

export function whereLabel(spot: Spot, lang: Lang): string {
  if (spot.kind === 'row') return t(lang, 'overlay_where_row', t(lang, 'overlay_where_list'), spot.row ?? 0);
  return spot.label ?? t(lang, 'overlay_where_field');
}

export function toFindings(spots: readonly Spot[], lang: Lang): TabFinding[] {
  const findings: TabFinding[] = [];
  // One catalogue lookup for all rows of a long list: the row number goes into a ready template.
  const rowTemplate = t(lang, 'overlay_where_row', t(lang, 'overlay_where_list'), '\u0000');
  for (const spot of spots) {
    if (spot.judged.length === 0) continue;
    const where = spot.kind === 'row' ? rowTemplate.replace('\u0000', String(spot.row ?? 0)) : whereLabel(spot, lang);
    for (const { link, decision } of spot.judged) {
      findings.push({ id: `${spot.key}@${link.start}`, where, link, decision });
    }
  }
  return findings;
}

/** The place a finding id points at, if it is still on the page. */
export function spotOfFinding(spots: readonly Spot[], findingId: string): Spot | undefined {
  const at = findingId.lastIndexOf('@');
  const key = at < 0 ? findingId : findingId.slice(0, at);
  return spots.find((spot) => spot.key === key);
}
