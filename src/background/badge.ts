// The toolbar badge of one tab: how many banned links (red), else how many to check (amber), else nothing.
// Colour is never the only signal: the count is shown and the button's title says what it counts.
import type { Lang } from '../core/types';
import type { VerdictCounts } from '../protocol';
import { t } from '../i18n';

/** The part of browser.action we use; setBadgeTextColor is missing before Chrome 110. */
export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setBadgeTextColor?(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export const BADGE_RED = '#c5221f';
export const BADGE_AMBER = '#f9ab00';
/** Text colours with enough contrast on each background. */
const TEXT_ON = { [BADGE_RED]: '#ffffff', [BADGE_AMBER]: '#000000' } as const;

export interface Badge {
  text: string;
  color: typeof BADGE_RED | typeof BADGE_AMBER | null;
  title: string;
}

/** A badge holds about four characters. */
const count = (n: number) => (n > 99 ? '99+' : String(n));

/** From the tab's counts, not its list: a page with more links than are listed is still counted in full. */
export function badgeFor(counts: VerdictCounts, paused: boolean, lang: Lang): Badge {
  const banned = paused ? 0 : counts.banned;
  const review = paused ? 0 : counts.review;
  if (banned > 0) return { text: count(banned), color: BADGE_RED, title: t(lang, 'bg_badge_banned', banned, review) };
  if (review > 0) return { text: count(review), color: BADGE_AMBER, title: t(lang, 'bg_badge_review', review) };
  return { text: '', color: null, title: t(lang, 'extShortName') };
}

/** Paints the badge; a tab closed meanwhile makes the browser reject, which is no error of ours. */
export async function showBadge(action: ActionApi, tabId: number, badge: Badge): Promise<void> {
  try {
    if (badge.color) {
      await action.setBadgeBackgroundColor({ tabId, color: badge.color });
      await action.setBadgeTextColor?.({ tabId, color: TEXT_ON[badge.color] });
    }
    await action.setBadgeText({ tabId, text: badge.text });
    await action.setTitle({ tabId, title: badge.title });
  } catch {
    // "No tab with id": the tab went away between the report and the paint.
  }
}
