// The built-in rules as bundles carry them: the same facts as the rule files, stored once each. Every text, every
// report citation and each file's platform and lastVerified are kept in one table and named by their place in it;
// a Beijing-midnight instant is its day; a link with only a source is that source. Bundles get this form from
// the build (scripts/built-in-compact.ts) and expand it when they load; the rule files and the format a user
// imports stay as they are.
import type { Announcement, LinkMatch, LocalizedText, ReportCitation, Rule, RuleException } from '../core/types';

/** A field the rule does not have (places are numbers from 0, so 0 is taken). */
type Absent = null;
type Ref = number;
type CompactCitation = [name: string, url?: string | Absent, date?: string];
type CompactAnnouncement = [title: Ref, reports: Ref[], date?: string];
type CompactLink = LinkMatch['source'] | LinkMatch;
type CompactSpan = [
  id: string,
  links: CompactLink[],
  verdict: Rule['verdict'],
  from: string,
  until?: string | Absent,
  summary?: Ref,
  announcement?: CompactAnnouncement | Absent,
  lastReport?: Ref | Absent,
  estimated?: NonNullable<Rule['estimated']> | Absent,
];
type CompactRule = [
  ...span: Required<CompactSpan>,
  surfaces: Rule['surfaces'],
  advice: Ref,
  exceptions?: CompactSpan[] | Absent,
  inferred?: Ref | Absent,
  supersededBy?: string | Absent,
  platform?: Rule['platform'] | Absent,
  lastVerified?: string | Absent,
];

export interface CompactRules {
  /** The platform and lastVerified of every rule that names no other. */
  platform: Rule['platform'];
  lastVerified: string;
  /** Texts by place: the Chinese column, then the English one (alike texts side by side compress best). */
  zh: string[];
  en: string[];
  reports: CompactCitation[];
  rules: CompactRule[];
}

const MIDNIGHT = 'T00:00:00+08:00';

/** Fields that are absent lose their trailing places. */
function trimmed<T extends unknown[]>(fields: T): T {
  while (fields.length > 0 && (fields.at(-1) === null || fields.at(-1) === undefined)) fields.pop();
  return fields;
}

/** The compact form of one rule file's rules (build time only). */
export function compactRules(rules: readonly Rule[]): CompactRules {
  const most = <T>(values: T[]) =>
    values.reduce(
      (best, value) =>
        values.filter((v) => v === value).length > values.filter((v) => v === best).length ? value : best,
      values[0]!,
    );
  const platform = most(rules.map((rule) => rule.platform));
  const lastVerified = most(rules.map((rule) => rule.lastVerified));
  const zh: string[] = [];
  const en: string[] = [];
  const reports: CompactCitation[] = [];
  const textKeys: string[] = [];
  const reportKeys: string[] = [];
  const place = (keys: string[], value: unknown, add: () => void) => {
    const key = JSON.stringify(value);
    if (!keys.includes(key)) {
      keys.push(key);
      add();
    }
    return keys.indexOf(key);
  };
  const text = (value: LocalizedText) =>
    place(textKeys, [value.zh, value.en], () => {
      zh.push(value.zh);
      en.push(value.en);
    });
  const citation = (value: ReportCitation) =>
    place(reportKeys, [value.name, value.url, value.date], () =>
      reports.push(trimmed<CompactCitation>([value.name, value.url ?? null, value.date])),
    );
  const instant = (value: string) => (value.endsWith(MIDNIGHT) ? value.slice(0, -MIDNIGHT.length) : value);
  const announcement = (value: Announcement): CompactAnnouncement =>
    trimmed<CompactAnnouncement>([text(value.title), value.reports.map(citation), value.date]);
  const span = (value: Rule | RuleException): Required<CompactSpan> => [
    value.id,
    value.links.map((link) => (Object.keys(link).length === 1 ? link.source : link)),
    value.verdict,
    instant(value.from),
    value.until === undefined ? null : instant(value.until),
    text(value.summary),
    value.announcement ? announcement(value.announcement) : null,
    value.lastReport ? citation(value.lastReport) : null,
    value.estimated ?? null,
  ];
  const compact = rules.map((rule) =>
    trimmed<CompactRule>([
      ...span(rule),
      rule.surfaces,
      text(rule.advice),
      rule.exceptions ? rule.exceptions.map((exception) => trimmed(span(exception))) : null,
      rule.inferred ? text(rule.inferred) : null,
      rule.supersededBy ?? null,
      rule.platform === platform ? null : rule.platform,
      rule.lastVerified === lastVerified ? null : rule.lastVerified,
    ]),
  );
  return { platform, lastVerified, zh, en, reports, rules: compact };
}

/** The rules, as the rule file states them (what the schema returns for it). */
export function expandRules({ platform, lastVerified, zh, en, reports, rules }: CompactRules): Rule[] {
  const text = (at: Ref): LocalizedText => ({ zh: zh[at]!, en: en[at]! });
  const citation = (at: Ref) => {
    const [name, url, date] = reports[at]!;
    return { name, ...(url ? { url } : {}), ...(date ? { date } : {}) };
  };
  const instant = (value: string) => (value.length === 10 ? value + MIDNIGHT : value);
  const span = ([id, links, verdict, from, until, summary, announcement, lastReport, estimated]:
    | CompactSpan
    | CompactRule) => ({
    id,
    links: links.map((link) => (typeof link === 'string' ? { source: link } : link)),
    verdict,
    from: instant(from),
    ...(until ? { until: instant(until) } : {}),
    summary: text(summary!),
    ...(announcement
      ? {
          announcement: {
            title: text(announcement[0]),
            ...(announcement[2] ? { date: announcement[2] } : {}),
            reports: announcement[1].map(citation),
          },
        }
      : {}),
    ...(lastReport != null ? { lastReport: citation(lastReport) } : {}),
    ...(estimated ? { estimated } : {}),
  });
  return rules.map((rule) => {
    const [, , , , , , , , , surfaces, advice, exceptions, inferred, supersededBy, own, verified] = rule;
    return {
      ...span(rule),
      platform: own || platform,
      surfaces,
      advice: text(advice),
      lastVerified: verified || lastVerified,
      ...(exceptions ? { exceptions: exceptions.map(span) } : {}),
      ...(inferred != null ? { inferred: text(inferred) } : {}),
      ...(supersededBy ? { supersededBy } : {}),
    } as Rule;
  });
}
