// The page's judges over the core: verdicts for the platform and surface the page is on, by the enabled rules of
// the last config, read through a getter so a config or surface change needs no new scanner.
// A verdict depends only on the link's source, affiliate and seller (decide() reads nothing else of it), so a
// 2,000-row cart needs a handful of decisions, not 2,000: they are memoised per context, and for a minute at most
// because rules start and end at given instants.
import { decide } from '../core/decide';
import { classify } from '../core/extract';
import type { Decision, LinkFinding, LoadedRule, Platform, Rule, SurfaceOrUnknown } from '../core/types';
import type { Judges } from './page/scan';
import type { ShortLinks } from './short-links';

export interface JudgeContext {
  platform: Platform;
  surface: SurfaceOrUnknown;
  rules: readonly Rule[];
  /** Set while the operator has the short-link resolver on: shorteners are judged by their target when known. */
  shortLinks?: ShortLinks | null;
}

const MEMO_MS = 60_000;

export function enabledRules(rules: readonly LoadedRule[]): Rule[] {
  return rules.filter((rule) => rule.enabled);
}

export function createJudges(context: () => JudgeContext, now: () => Date = () => new Date()): Judges {
  let memo = new Map<string, Decision>();
  let memoFor: JudgeContext | null = null;
  let memoAt = 0;

  function decision(link: LinkFinding): Decision {
    const ctx = context();
    const at = now();
    const stale =
      !memoFor ||
      memoFor.platform !== ctx.platform ||
      memoFor.surface !== ctx.surface ||
      memoFor.rules !== ctx.rules ||
      Math.abs(at.getTime() - memoAt) > MEMO_MS;
    if (stale) {
      memo = new Map();
      memoFor = { ...ctx };
      memoAt = at.getTime();
    }
    const key = `${link.source}|${link.affiliate}|${link.seller ?? ''}`;
    let found = memo.get(key);
    if (!found) {
      found = decide(link, ctx.platform, ctx.surface, at, ctx.rules);
      memo.set(key, found);
    }
    return found;
  }

  return {
    text: (text) =>
      classify(text).map((found) => {
        const link = found.source === 'shortener' ? (context().shortLinks?.resolve(found) ?? found) : found;
        return { link, decision: decision(link) };
      }),
    badge: decision,
  };
}
