// A rule someone added (an operator's own, an organisation's) that allows links a built-in rule bans. Allowed: an
// operator may know better than the last release. But it must not happen silently, since it switches a ban off for
// everyone who loads the file; the options page and `cartlint rules --validate` say so (in loosened-text.ts).
import type { LinkMatch, Rule } from '../core/types';

interface Span {
  id: string;
  links: readonly LinkMatch[];
  from: string;
  until?: string | undefined;
}

const end = (span: Span) => (span.until === undefined ? Infinity : Date.parse(span.until));
const overlapInTime = (a: Span, b: Span) => Date.parse(a.from) < end(b) && Date.parse(b.from) < end(a);
/** A field both matches name, set to different values, means no link fits both (`affiliate: true` vs `false`). */
const apart = <T>(x: T | undefined, y: T | undefined) => x !== undefined && y !== undefined && x !== y;
const sameLink = (x: LinkMatch, y: LinkMatch) =>
  (x.source === '*' || y.source === '*' || x.source === y.source) &&
  !apart(x.affiliate, y.affiliate) &&
  !apart(x.seller, y.seller);
const sameLinks = (a: readonly LinkMatch[], b: readonly LinkMatch[]) => a.some((x) => b.some((y) => sameLink(x, y)));

/** The allowed spans of a rule: the rule itself when it allows, and each allowing exception, within the rule. */
function allowedSpans(rule: Rule): Span[] {
  const spans: Span[] = rule.verdict === 'allowed' ? [rule] : [];
  for (const exception of rule.exceptions ?? []) if (exception.verdict === 'allowed') spans.push(exception);
  return spans;
}

export interface LoosenedBan {
  /** Where the added rule came from, when it is loaded (the operator's own, the organisation's). */
  origin?: 'custom' | 'managed';
  /** The added rule (or its exception) that allows. */
  rule: string;
  /** The built-in rule whose ban it lifts. */
  ban: string;
  platform: Rule['platform'];
  surfaces: Rule['surfaces'];
}

/**
 * Where `added` allows what a built-in `banned` rule bans: same platform, a shared surface and link, overlapping
 * time, and the added rule would decide (it replaces the ban by id, or it is the newer announcement).
 */
export function loosenedBans(added: readonly Rule[], builtIn: readonly Rule[]): LoosenedBan[] {
  // A built-in carve-out copied along with its rule (KS-6-tmall inside a copy of KS-4) lifts nothing new.
  const builtInAllowed = new Set(builtIn.flatMap(allowedSpans).map((span) => span.id));
  const found: LoosenedBan[] = [];
  for (const rule of added) {
    for (const span of allowedSpans(rule)) {
      if (builtInAllowed.has(span.id) && span !== rule) continue;
      for (const ban of builtIn) {
        if (ban.verdict !== 'banned' || ban.platform !== rule.platform) continue;
        const surfaces = rule.surfaces.filter((surface) => ban.surfaces.includes(surface));
        const decides = ban.id === rule.id || Date.parse(rule.from) > Date.parse(ban.from);
        if (surfaces.length === 0 || !decides || !sameLinks(span.links, ban.links)) continue;
        if (!overlapInTime(span, ban) || !overlapInTime(span, rule)) continue;
        found.push({ rule: span.id, ban: ban.id, platform: rule.platform, surfaces });
      }
    }
  }
  return found;
}
