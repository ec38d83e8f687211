// The text an operator pastes into a chat with a merchant: which link, the rule in plain words, since when,
// what to do instead, and where the announcement was reported — so the merchant can check it themselves.
import { t } from '../i18n';
import { findRule } from './decide';
import { beijingLabel, platformName, sourceName, surfaceName, verdictName } from './names';
import { evidenceLine, evidenceOf } from './evidence';
import type {
  Announcement,
  JudgedLink,
  Lang,
  Platform,
  ReportCitation,
  Rule,
  RuleException,
  SurfaceOrUnknown,
} from './types';

export interface NoticeContext {
  platform: Platform;
  surface: SurfaceOrUnknown;
  rules: readonly Rule[];
  lang: Lang;
}

const heading = (ctx: NoticeContext) =>
  t(ctx.lang, 'notice_heading', platformName(ctx.lang, ctx.platform), surfaceName(ctx.lang, ctx.surface));

const MAX_REPORTS = 3;

/** An address as a merchant reads it: percent-escapes decoded (中文, not %E4%B8%AD…), whitespace kept escaped. */
export function readableUrl(url: string): string {
  try {
    return decodeURI(url).replace(/\s/g, encodeURIComponent);
  } catch {
    return url; // a malformed escape: shown as written
  }
}

/** Newest first; undated reports after the dated ones, in the order the rule lists them. */
const newestFirst = (reports: readonly ReportCitation[]) =>
  [...reports].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));

function announcementLines(lang: Lang, announcement: Announcement): string[] {
  const title = announcement.title[lang];
  const lines = [
    announcement.date
      ? t(lang, 'notice_announcement', title, announcement.date)
      : t(lang, 'notice_announcement_undated', title),
    t(lang, 'notice_reported'),
  ];
  // Three reports let a merchant check the rule; more make the notice too long for a chat message.
  for (const report of newestFirst(announcement.reports).slice(0, MAX_REPORTS)) {
    const url = report.url && readableUrl(report.url);
    const parts = [report.name, report.date, url].filter((part): part is string => Boolean(part));
    lines.push(t(lang, 'notice_report_line', parts.join(' ')));
  }
  return lines;
}

/** The rule (and the exception in force, if one decided) in plain words, with its date, advice and sources. */
function ruleLines(lang: Lang, rule: Rule, exception: RuleException | undefined): string[] {
  const lines = [t(lang, 'notice_rule', rule.summary[lang])];
  if (exception) lines.push(t(lang, 'notice_exception', exception.summary[lang]));
  lines.push(
    t(lang, 'notice_since', beijingLabel(lang, (exception ?? rule).from)),
    t(lang, 'notice_advice', rule.advice[lang]),
    ...announcementLines(lang, exception?.announcement ?? rule.announcement),
    t(lang, 'notice_evidence', evidenceLine(lang, evidenceOf(rule, exception))),
  );
  return lines;
}

const footer = (lang: Lang, rules: readonly Rule[]) => {
  const latest = rules
    .map((rule) => rule.lastVerified)
    .sort()
    .at(-1);
  return latest ? [t(lang, 'notice_footer', latest)] : [];
};

/** A notice for one finding, whatever its verdict. */
export function notice(judged: JudgedLink, ctx: NoticeContext): string {
  const { link, decision } = judged;
  const { lang } = ctx;
  const found = decision.rule ? findRule(ctx.rules, decision.rule) : undefined;
  const verdict = verdictName(lang, decision.verdict);
  const lines = [
    heading(ctx),
    t(lang, 'notice_link', link.text, sourceName(lang, link.source)),
    found ? t(lang, 'notice_verdict_rule', verdict, decision.rule!) : t(lang, 'notice_verdict', verdict),
  ];
  // A rule's own summary says why it bans or allows; other verdicts need the decision's reason.
  if (!found || decision.verdict === 'review' || !decision.since)
    lines.push(t(lang, 'notice_why', decision.reason[lang]));
  if (found) lines.push(...ruleLines(lang, found.rule, found.exception));
  if (decision.upcoming) {
    const { upcoming } = decision;
    lines.push(
      t(lang, 'notice_upcoming', beijingLabel(lang, upcoming.from), verdictName(lang, upcoming.verdict), upcoming.rule),
    );
  }
  lines.push(...footer(lang, found ? [found.rule] : []));
  return lines.join('\n');
}

/**
 * One notice for every banned finding of a page (or, with `verdict` 'review', every one to check), grouped by the
 * rule that decided them: the links once each, then the rule once per group.
 */
export function combinedNotice(
  judgedList: readonly JudgedLink[],
  ctx: NoticeContext,
  verdict: 'banned' | 'review' = 'banned',
): string {
  const { lang } = ctx;
  const groups = new Map<string, JudgedLink[]>();
  for (const judged of judgedList) {
    if (judged.decision.verdict !== verdict || !judged.decision.rule) continue;
    const group = groups.get(judged.decision.rule) ?? [];
    if (!group.some((other) => other.link.text === judged.link.text)) group.push(judged);
    groups.set(judged.decision.rule, group);
  }
  const count = [...groups.values()].reduce((sum, group) => sum + group.length, 0);
  const platform = platformName(lang, ctx.platform);
  const surface = surfaceName(lang, ctx.surface);
  if (count === 0) return t(lang, 'notice_combined_none', platform, surface);
  // The links to check carry their verdict in each group's lines; the heading counts only banned ones.
  const lines = [verdict === 'banned' ? t(lang, 'notice_combined_heading', platform, surface, count) : heading(ctx)];
  const cited: Rule[] = [];
  for (const [id, group] of groups) {
    const found = findRule(ctx.rules, id);
    const since = group[0]!.decision.since ?? (found?.exception ?? found?.rule)?.from;
    lines.push(
      '',
      since && verdict === 'banned'
        ? t(lang, 'notice_group_heading', id, beijingLabel(lang, since))
        : t(lang, 'notice_verdict_rule', verdictName(lang, verdict), id),
    );
    lines.push(t(lang, 'notice_links'));
    for (const { link } of group) lines.push(t(lang, 'notice_link_line', link.text, sourceName(lang, link.source)));
    if (found) {
      cited.push(found.rule);
      lines.push(...ruleLines(lang, found.rule, found.exception));
    } else {
      lines.push(t(lang, 'notice_why', group[0]!.decision.reason[lang]));
    }
  }
  lines.push('', ...footer(lang, cited));
  return lines.join('\n').trimEnd();
}
