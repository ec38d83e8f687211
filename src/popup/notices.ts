// The notice texts of a tab, built when the findings arrive — never inside the click (see useCopy.ts).
import { combinedNotice, notice } from '../core/notice';
import type { Lang, LoadedRule } from '../core/types';
import type { TabState } from '../protocol';

export interface Notices {
  /** Finding id → its notice. */
  byId: ReadonlyMap<string, string>;
  /** One notice for every banned finding; null when nothing is banned. */
  allBanned: string | null;
  bannedCount: number;
}

export function buildNotices(tab: TabState, rules: readonly LoadedRule[], lang: Lang): Notices {
  const page = tab.page;
  if (!page?.platform) return { byId: new Map(), allBanned: null, bannedCount: 0 };
  const ctx = { platform: page.platform, surface: page.surface, rules, lang };
  const byId = new Map(tab.findings.map((f) => [f.id, notice(f, ctx)] as const));
  const banned = tab.findings.filter((f) => f.decision.verdict === 'banned');
  return { byId, allBanned: banned.length > 0 ? combinedNotice(banned, ctx) : null, bannedCount: banned.length };
}
