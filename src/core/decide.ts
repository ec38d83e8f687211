// A link's verdict on a platform, surface and instant, with the rule that decided it and why.
//
// How rules combine (the data in src/rules relies on this):
// - The platform's own goods (抖音小店 on Douyin, 淘宝/天猫 on Taobao Live …) are allowed without a rule.
// - A short link whose target the text hides is `review`: nobody can tell where it leads.
// - Of the rules in force at `at` that name this platform, surface and link, the most recent `from` decides: a newer
//   announcement supersedes an older one for what it covers. Same day: the stricter verdict wins.
// - Inside the deciding rule, an exception in force at `at` (Kuaishou's Double-11 window) overrides its verdict.
// - A rule or exception that needs a fact the link does not show (affiliate or not, JD 自营 or not) cannot be
//   applied for sure: if it would change the verdict, the answer is `review`.
// - Nothing applies → `review`, "no rule known": cartlint never guesses that a third-party link is fine.
import { t } from '../i18n';
import { beijingLabel, listOf, platformName, sourceName, surfaceName } from './names';
import { OWN_SOURCES } from './sources';
import type {
  Decision,
  Lang,
  LinkFinding,
  LinkMatch,
  LoadedRule,
  LocalizedText,
  Platform,
  Rule,
  RuleException,
  Surface,
  SurfaceOrUnknown,
  Verdict,
} from './types';

const SEVERITY: Record<Verdict, number> = { banned: 2, review: 1, allowed: 0 };

/**
 * Does a rule's link list cover this link? `yes`, `no`, or the fact the text does not show that alone could tell
 * (`affiliate`: alliance or not; `seller`: JD 自营 or not): a maybe.
 */
type Fit = 'yes' | 'no' | Unknown;
type Unknown = 'affiliate' | 'seller';

function fitOne(match: LinkMatch, link: LinkFinding): Fit {
  if (match.source !== '*' && match.source !== link.source) return 'no';
  if (match.affiliate !== undefined) {
    if (link.affiliate === null) return 'affiliate';
    if (link.affiliate !== match.affiliate) return 'no';
  }
  if (match.seller !== undefined) {
    if (link.seller === undefined) return 'seller';
    if (link.seller !== match.seller) return 'no';
  }
  return 'yes';
}

function bestFit(matches: readonly LinkMatch[], link: LinkFinding): Fit {
  let best: Fit = 'no';
  for (const match of matches) {
    const fit = fitOne(match, link);
    if (fit === 'yes') return fit;
    if (fit !== 'no') best = fit;
  }
  return best;
}

const inForce = (span: { from: string; until?: string }, time: number) =>
  Date.parse(span.from) <= time && (span.until === undefined || time < Date.parse(span.until));

const isEnabled = (rule: Rule) => (rule as Partial<LoadedRule>).enabled !== false;

/** Rules about this platform and surface, switched on, whose links could cover this one. */
function relevantRules(link: LinkFinding, platform: Platform, surface: Surface, rules: readonly Rule[]): Rule[] {
  return rules.filter(
    (rule) =>
      isEnabled(rule) &&
      rule.platform === platform &&
      rule.surfaces.includes(surface) &&
      bestFit(rule.links, link) !== 'no',
  );
}

/** One sentence per language, each with its own substitutions (names, summaries). */
function sentence(make: (lang: Lang) => string): LocalizedText {
  return { zh: make('zh'), en: make('en') };
}

function ruleSentence(verdict: Verdict, label: (lang: Lang) => string, since: string, summary: LocalizedText) {
  return sentence((lang) => t(lang, `reason_${verdict}`, label(lang), beijingLabel(lang, since), summary[lang]));
}

function unsureSentence(unknown: Unknown, id: string, summary: LocalizedText) {
  return sentence((lang) => t(lang, `reason_unsure_${unknown}`, id, summary[lang]));
}

/** The verdict of one rule (and its exceptions) for a link it covers. */
function applyRule(rule: Rule, link: LinkFinding, time: number, unknown: Unknown | undefined): Decision {
  if (unknown) {
    return {
      verdict: 'review',
      rule: rule.id,
      reason: unsureSentence(unknown, rule.id, rule.summary),
      since: rule.from,
    };
  }
  for (const exception of rule.exceptions ?? []) {
    if (!inForce(exception, time)) continue;
    const fit = bestFit(exception.links, link);
    if (fit === 'no' || exception.verdict === rule.verdict) continue;
    if (fit !== 'yes') {
      const reason = unsureSentence(fit, exception.id, exception.summary);
      return { verdict: 'review', rule: exception.id, reason, since: exception.from };
    }
    return exceptionDecision(rule, exception);
  }
  const reason = ruleSentence(rule.verdict, () => rule.id, rule.from, rule.summary);
  return { verdict: rule.verdict, rule: rule.id, reason, since: rule.from };
}

function exceptionDecision(rule: Rule, exception: RuleException): Decision {
  const label = (lang: Lang) => t(lang, 'reason_exception_label', exception.id, rule.id);
  const reason = ruleSentence(exception.verdict, label, exception.from, exception.summary);
  return { verdict: exception.verdict, rule: exception.id, reason, since: exception.from };
}

/** What holds whatever the rules say: the platform's own goods, and short links nobody can read. */
function withoutRules(link: LinkFinding, platform: Platform): Decision | null {
  if (OWN_SOURCES.get(platform)?.includes(link.source)) {
    const reason = sentence((lang) =>
      t(lang, 'reason_own', sourceName(lang, link.source), platformName(lang, platform)),
    );
    return { verdict: 'allowed', rule: null, reason };
  }
  if (link.source === 'shortener')
    return { verdict: 'review', rule: null, reason: sentence((lang) => t(lang, 'reason_shortener')) };
  return null;
}

function noRuleKnown(link: LinkFinding, platform: Platform, surface: SurfaceOrUnknown): Decision {
  const reason = sentence((lang) =>
    t(lang, 'reason_no_rule', sourceName(lang, link.source), platformName(lang, platform), surfaceName(lang, surface)),
  );
  return { verdict: 'review', rule: null, reason };
}

/** The decision at one instant on one known surface, without looking ahead. `relevant`: from relevantRules. */
function decideAt(
  link: LinkFinding,
  platform: Platform,
  surface: Surface,
  time: number,
  relevant: readonly Rule[],
): Decision {
  const fixed = withoutRules(link, platform);
  if (fixed) return fixed;
  const candidates = relevant
    .filter((rule) => inForce(rule, time))
    .sort((a, b) => Date.parse(b.from) - Date.parse(a.from) || SEVERITY[b.verdict] - SEVERITY[a.verdict]);
  for (const rule of candidates) {
    const fit = bestFit(rule.links, link);
    const unknown = fit === 'yes' || fit === 'no' ? undefined : fit;
    // An allowing rule that may not cover the link says nothing; a banning one makes it uncertain.
    if (unknown && rule.verdict === 'allowed') continue;
    return applyRule(rule, link, time, unknown);
  }
  return noRuleKnown(link, platform, surface);
}

/** The first later instant at which a rule or exception starts or ends and the verdict changes. */
function upcomingChange(
  link: LinkFinding,
  platform: Platform,
  surface: Surface,
  time: number,
  relevant: readonly Rule[],
  current: Decision,
): Decision['upcoming'] {
  const boundaries = new Map<number, string>();
  for (const rule of relevant) {
    for (const span of [rule, ...(rule.exceptions ?? [])]) {
      for (const iso of [span.from, span.until]) {
        if (iso !== undefined && Date.parse(iso) > time) boundaries.set(Date.parse(iso), iso);
      }
    }
  }
  for (const [when, iso] of [...boundaries].sort((a, b) => a[0] - b[0])) {
    const later = decideAt(link, platform, surface, when, relevant);
    if (later.verdict !== current.verdict && later.rule !== null) {
      return { rule: later.rule, verdict: later.verdict, from: iso, reason: later.reason };
    }
  }
  return undefined;
}

/** Every surface the platform's rules speak about: what an unknown page could be. */
function surfacesOf(platform: Platform, rules: readonly Rule[]): Surface[] {
  const surfaces = new Set<Surface>();
  for (const rule of rules)
    if (rule.platform === platform && isEnabled(rule)) rule.surfaces.forEach((s) => surfaces.add(s));
  return [...surfaces];
}

/** An unknown surface: one answer when every surface agrees, else `review` naming where the link is banned. */
function decideOverSurfaces(link: LinkFinding, platform: Platform, time: number, rules: readonly Rule[]): Decision {
  const fixed = withoutRules(link, platform);
  if (fixed) return fixed;
  const each = surfacesOf(platform, rules).map((surface) => ({
    surface,
    decision: decideAt(link, platform, surface, time, relevantRules(link, platform, surface, rules)),
  }));
  const first = each[0]?.decision;
  if (!first) return noRuleKnown(link, platform, 'unknown');
  if (each.every(({ decision }) => decision.verdict === first.verdict && first.verdict !== 'review')) return first;
  if (each.every(({ decision }) => decision.rule === null && decision.verdict === first.verdict)) return first;
  const banned = each.filter(({ decision }) => decision.verdict === 'banned');
  const flagged = banned.length > 0 ? banned : each.filter(({ decision }) => decision.verdict !== 'allowed');
  const names = (lang: Lang) =>
    listOf(
      lang,
      flagged.map(({ surface }) => surfaceName(lang, surface)),
    );
  const ruleIds = [...new Set(banned.map(({ decision }) => decision.rule).filter((id): id is string => id !== null))];
  const reason =
    banned.length > 0
      ? sentence((lang) =>
          t(lang, 'reason_surface_mixed', platformName(lang, platform), names(lang), listOf(lang, ruleIds)),
        )
      : sentence((lang) => t(lang, 'reason_surface_unsure', platformName(lang, platform), names(lang)));
  return { verdict: 'review', rule: banned[0]?.decision.rule ?? null, reason };
}

/**
 * The verdict for `link` on `platform`/`surface` at instant `at`. Rules switched off (`enabled: false`) are skipped.
 * `surface: 'unknown'` judges over every surface the platform's rules name.
 */
export function decide(
  link: LinkFinding,
  platform: Platform,
  surface: SurfaceOrUnknown,
  at: Date,
  rules: readonly Rule[],
): Decision {
  const time = at.getTime();
  if (surface === 'unknown') return decideOverSurfaces(link, platform, time, rules);
  // Which rules could cover the link does not depend on the instant: found once for now and every later boundary.
  const relevant = relevantRules(link, platform, surface, rules);
  const decision = decideAt(link, platform, surface, time, relevant);
  const upcoming = upcomingChange(link, platform, surface, time, relevant, decision);
  return upcoming ? { ...decision, upcoming } : decision;
}

/** A rule or exception by the id a decision cites, with the rule it belongs to. */
export function findRule(rules: readonly Rule[], id: string): { rule: Rule; exception?: RuleException } | undefined {
  for (const rule of rules) {
    if (rule.id === id) return { rule };
    const exception = rule.exceptions?.find((e) => e.id === id);
    if (exception) return { rule, exception };
  }
  return undefined;
}

/**
 * `decide` for one platform, surface, instant and rule set, worked out once per kind of link: a decision reads a
 * link's source, affiliate and seller and nothing else of it (see fitOne, withoutRules, noRuleKnown), so a long
 * list of links costs one decision per kind. Decisions are shared between links: do not mutate them.
 */
export function decider(
  platform: Platform,
  surface: SurfaceOrUnknown,
  at: Date,
  rules: readonly Rule[],
): (link: LinkFinding) => Decision {
  const known = new Map<string, Decision>();
  return (link) => {
    const key = `${link.source} ${link.affiliate} ${link.seller}`;
    let decision = known.get(key);
    if (decision === undefined) {
      decision = decide(link, platform, surface, at, rules);
      known.set(key, decision);
    }
    return decision;
  };
}
