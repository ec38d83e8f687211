// Validation of rule files (built-in, imported by a user, pushed by an admin). Hand-written rather than a schema
// library: the core must stay small enough for a content script, and every error must name file, rule and field
// ("kuaishou.json: rule KS-4: exceptions[0].until: must be after from") so a person can fix it without reading code.
// A broken rule never throws: it is reported and left out, the valid rules of the same file are still returned.
import {
  PLATFORMS,
  type Announcement,
  SOURCES,
  SURFACES,
  VERDICTS,
  type LinkMatch,
  type LocalizedText,
  type ReportCitation,
  type Rule,
  type RuleException,
} from '../core/types';

export interface RuleFileResult {
  rules: Rule[];
  errors: string[];
}

/** Dates outside this range are typos (2202 for 2022), not policies. */
const EARLIEST = Date.parse('2010-01-01T00:00:00+08:00');
const LATEST = Date.parse('2100-01-01T00:00:00+08:00');

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SELLERS = ['self-operated', 'marketplace'] as const;

const RULE_FIELDS = new Set([
  'id',
  'platform',
  'surfaces',
  'links',
  'verdict',
  'from',
  'until',
  'exceptions',
  'summary',
  'advice',
  'announcement',
  'lastVerified',
  'supersededBy',
]);
const EXCEPTION_FIELDS = new Set(['id', 'links', 'verdict', 'from', 'until', 'summary', 'announcement']);
const LINK_FIELDS = new Set(['source', 'affiliate', 'seller']);
const ANNOUNCEMENT_FIELDS = new Set(['title', 'date', 'reports']);
const REPORT_FIELDS = new Set(['name', 'url', 'date']);
const TEXT_FIELDS = new Set(['zh', 'en']);

type Json = Record<string, unknown>;
/** Collects the problems of one rule; `path` is the field path inside the rule. */
type Report = (path: string, problem: string) => void;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const join = (base: string, key: string | number) =>
  typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key;

/** Beijing midnight of a valid calendar day, or null. Shared by day fields and date-only from/until. */
function calendarDay(text: string): string | null {
  const m = DAY.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const valid =
    probe.getUTCFullYear() === Number(y) && probe.getUTCMonth() === Number(mo) - 1 && probe.getUTCDate() === Number(d);
  return valid ? `${text}T00:00:00+08:00` : null;
}

/**
 * An instant in a rule: ISO 8601 with an explicit offset, or a bare day meaning 00:00 Beijing time
 * (the platforms' notices are all Beijing time). Returns the normalised ISO text, or null if impossible.
 */
export function normaliseInstant(text: string): string | null {
  const day = calendarDay(text);
  if (day) return day;
  const m = ISO_WITH_OFFSET.exec(text);
  if (!m || !calendarDay(`${m[1]}-${m[2]}-${m[3]}`)) return null;
  const [hours, minutes, seconds] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return Number.isNaN(Date.parse(text)) ? null : text;
}

function unknownFields(value: Json, allowed: Set<string>, path: string, report: Report): void {
  for (const key of Object.keys(value)) if (!allowed.has(key)) report(join(path, key), 'unknown field');
}

function checkString(value: unknown, path: string, report: Report): value is string {
  if (typeof value === 'string' && value.trim() !== '') return true;
  report(path, typeof value === 'string' ? 'must not be empty' : `must be a string, got ${describe(value)}`);
  return false;
}

function checkEnum<T extends string>(value: unknown, options: readonly T[], path: string, report: Report): value is T {
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return true;
  report(path, `must be one of ${options.join(', ')}; got ${describe(value)}`);
  return false;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function checkInstant(value: unknown, path: string, report: Report): string | null {
  if (typeof value !== 'string') {
    report(path, `must be a date string like "2022-03-01T00:00:00+08:00", got ${describe(value)}`);
    return null;
  }
  const iso = normaliseInstant(value);
  if (!iso) {
    report(path, `"${value}" is not a date; write "YYYY-MM-DD" (Beijing midnight) or "YYYY-MM-DDTHH:MM:SS+08:00"`);
    return null;
  }
  const time = Date.parse(iso);
  if (time < EARLIEST || time >= LATEST) {
    report(path, `"${value}" is outside 2010…2099`);
    return null;
  }
  return iso;
}

function checkDay(value: unknown, path: string, report: Report): value is string {
  if (typeof value === 'string' && calendarDay(value)) return true;
  report(path, `must be a day "YYYY-MM-DD", got ${describe(value)}`);
  return false;
}

function checkText(value: unknown, path: string, report: Report): LocalizedText | null {
  if (!isObject(value)) {
    report(path, `must be an object {"zh": …, "en": …}, got ${describe(value)}`);
    return null;
  }
  unknownFields(value, TEXT_FIELDS, path, report);
  const zh = checkString(value.zh, join(path, 'zh'), report);
  const en = checkString(value.en, join(path, 'en'), report);
  return zh && en ? { zh: value.zh as string, en: value.en as string } : null;
}

function checkArray(value: unknown, path: string, report: Report): value is unknown[] {
  if (Array.isArray(value) && value.length > 0) return true;
  report(path, Array.isArray(value) ? 'must not be empty' : `must be an array, got ${describe(value)}`);
  return false;
}

function checkLinks(value: unknown, path: string, report: Report): LinkMatch[] | null {
  if (!checkArray(value, path, report)) return null;
  const links: LinkMatch[] = [];
  value.forEach((item, i) => {
    const at = join(path, i);
    if (!isObject(item)) return report(at, `must be an object like {"source": "taobao"}, got ${describe(item)}`);
    unknownFields(item, LINK_FIELDS, at, report);
    const match: LinkMatch = { source: '*' };
    if (item.source === '*' || checkEnum(item.source, SOURCES, join(at, 'source'), report)) {
      match.source = item.source as LinkMatch['source'];
    }
    if (item.affiliate !== undefined) {
      if (typeof item.affiliate === 'boolean') match.affiliate = item.affiliate;
      else report(join(at, 'affiliate'), `must be true or false, got ${describe(item.affiliate)}`);
    }
    if (item.seller !== undefined && checkEnum(item.seller, SELLERS, join(at, 'seller'), report)) {
      match.seller = item.seller;
    }
    links.push(match);
  });
  return links;
}

function checkRange(
  from: unknown,
  until: unknown,
  base: string,
  report: Report,
): { from: string; until?: string } | null {
  const start = checkInstant(from, join(base, 'from'), report);
  const end = until === undefined ? undefined : checkInstant(until, join(base, 'until'), report);
  if (!start || end === null) return null;
  if (end !== undefined && Date.parse(end) <= Date.parse(start)) {
    report(join(base, 'until'), 'must be after from');
    return null;
  }
  return end === undefined ? { from: start } : { from: start, until: end };
}

function checkException(value: unknown, path: string, rule: { from: string; until?: string } | null, report: Report) {
  if (!isObject(value)) return report(path, `must be an object, got ${describe(value)}`);
  unknownFields(value, EXCEPTION_FIELDS, path, report);
  const id = checkId(value.id, join(path, 'id'), report);
  const links = checkLinks(value.links, join(path, 'links'), report);
  const verdict = checkEnum(value.verdict, VERDICTS, join(path, 'verdict'), report);
  const range = checkRange(value.from, value.until, path, report);
  const summary = checkText(value.summary, join(path, 'summary'), report);
  const announcement =
    value.announcement === undefined
      ? undefined
      : checkAnnouncement(value.announcement, join(path, 'announcement'), report);
  if (range && rule) {
    const start = Date.parse(range.from);
    if (start < Date.parse(rule.from) || (rule.until !== undefined && start >= Date.parse(rule.until))) {
      report(join(path, 'from'), "must lie within the rule's from…until");
    }
  }
  if (!id || !links || !verdict || !range || !summary || announcement === null) return undefined;
  const exception: RuleException = { id, links, verdict: value.verdict as RuleException['verdict'], ...range, summary };
  if (announcement) exception.announcement = announcement;
  return exception;
}

function checkId(value: unknown, path: string, report: Report): string | null {
  if (typeof value === 'string' && ID.test(value)) return value;
  report(path, `must be an id of letters, digits, ".", "_" or "-" (like "KS-4"), got ${describe(value)}`);
  return null;
}

function checkAnnouncement(value: unknown, path: string, report: Report): Announcement | null {
  if (!isObject(value)) {
    report(path, `must be an object {"title", "date", "reports"}, got ${describe(value)}`);
    return null;
  }
  unknownFields(value, ANNOUNCEMENT_FIELDS, path, report);
  const title = checkText(value.title, join(path, 'title'), report);
  const dateOk = value.date === undefined || checkDay(value.date, join(path, 'date'), report);
  const reports: ReportCitation[] = [];
  let reportsOk = false;
  if (checkArray(value.reports, join(path, 'reports'), report)) {
    reportsOk = value.reports.every((item, i) => {
      const citation = checkCitation(item, join(join(path, 'reports'), i), report);
      if (citation) reports.push(citation);
      return citation !== null;
    });
  }
  if (!title || !dateOk || !reportsOk) return null;
  return value.date === undefined ? { title, reports } : { title, date: value.date as string, reports };
}

function checkCitation(value: unknown, path: string, report: Report): ReportCitation | null {
  if (!isObject(value)) {
    report(path, `must be an object {"name", "url", "date"}, got ${describe(value)}`);
    return null;
  }
  unknownFields(value, REPORT_FIELDS, path, report);
  let ok = checkString(value.name, join(path, 'name'), report);
  if (value.url !== undefined && !(typeof value.url === 'string' && /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value.url))) {
    report(join(path, 'url'), `must be an http(s) address, got ${describe(value.url)}`);
    ok = false;
  }
  if (value.date !== undefined && !checkDay(value.date, join(path, 'date'), report)) ok = false;
  if (!ok) return null;
  const citation: ReportCitation = { name: value.name as string };
  if (value.url !== undefined) citation.url = value.url as string;
  if (value.date !== undefined) citation.date = value.date as string;
  return citation;
}

function checkSurfaces(value: unknown, path: string, report: Report): Rule['surfaces'] | null {
  if (!checkArray(value, path, report)) return null;
  const surfaces = value.filter((s, i) => checkEnum(s, SURFACES, join(path, i), report)) as Rule['surfaces'];
  if (new Set(surfaces).size !== surfaces.length) report(path, 'lists a surface twice');
  return surfaces.length === value.length && new Set(surfaces).size === surfaces.length ? surfaces : null;
}

/** One rule: the rule, or null after reporting every problem found in it. */
function checkRule(value: unknown, report: Report): Rule | null {
  if (!isObject(value)) {
    report('', `must be an object, got ${describe(value)}`);
    return null;
  }
  let errors = 0;
  const counted: Report = (path, problem) => {
    errors++;
    report(path, problem);
  };
  unknownFields(value, RULE_FIELDS, '', counted);
  const id = checkId(value.id, 'id', counted);
  checkEnum(value.platform, PLATFORMS, 'platform', counted);
  const surfaces = checkSurfaces(value.surfaces, 'surfaces', counted);
  const links = checkLinks(value.links, 'links', counted);
  checkEnum(value.verdict, VERDICTS, 'verdict', counted);
  const range = checkRange(value.from, value.until, '', counted);
  const exceptions: RuleException[] = [];
  if (value.exceptions !== undefined) {
    if (!Array.isArray(value.exceptions)) counted('exceptions', `must be an array, got ${describe(value.exceptions)}`);
    else
      value.exceptions.forEach((item, i) => {
        const exception = checkException(item, join('exceptions', i), range, counted);
        if (exception) exceptions.push(exception);
      });
  }
  const summary = checkText(value.summary, 'summary', counted);
  const advice = checkText(value.advice, 'advice', counted);
  const announcement = checkAnnouncement(value.announcement, 'announcement', counted);
  checkDay(value.lastVerified, 'lastVerified', counted);
  if (value.supersededBy !== undefined) checkId(value.supersededBy, 'supersededBy', counted);
  if (errors > 0 || !id || !surfaces || !links || !range || !summary || !advice || !announcement) return null;
  const rule: Rule = {
    id,
    platform: value.platform as Rule['platform'],
    surfaces,
    links,
    verdict: value.verdict as Rule['verdict'],
    ...range,
    summary,
    advice,
    announcement,
    lastVerified: value.lastVerified as string,
  };
  if (value.exceptions !== undefined) rule.exceptions = exceptions;
  if (value.supersededBy !== undefined) rule.supersededBy = value.supersededBy as string;
  return rule;
}

const isComment = (value: unknown) =>
  typeof value === 'string' || (Array.isArray(value) && value.every((line) => typeof line === 'string'));

/** The rule list of a file: `{"comment": …, "rules": [...]}` or a bare array. */
function ruleList(json: unknown, file: string, errors: string[]): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (isObject(json) && Array.isArray(json.rules)) {
    for (const key of Object.keys(json)) {
      if (key === 'comment' && !isComment(json.comment))
        errors.push(`${file}: comment: must be text or a list of lines`);
      else if (key !== 'rules' && key !== 'comment') errors.push(`${file}: ${key}: unknown field`);
    }
    return json.rules;
  }
  errors.push(`${file}: must be {"rules": [ … ]} or an array of rules, got ${describe(json)}`);
  return null;
}

const ruleLabel = (value: unknown, index: number): string =>
  isObject(value) && typeof value.id === 'string' && value.id !== '' ? `rule ${value.id}` : `rule #${index + 1}`;

export function validateRuleFile(json: unknown, file: string): RuleFileResult {
  const errors: string[] = [];
  const list = ruleList(json, file, errors);
  if (!list) return { rules: [], errors };
  const rules: Rule[] = [];
  const seen = new Set<string>();
  list.forEach((value, index) => {
    const label = ruleLabel(value, index);
    const report: Report = (path, problem) => errors.push(`${file}: ${label}: ${path ? `${path}: ` : ''}${problem}`);
    const rule = checkRule(value, report);
    if (!rule) return;
    // Ids name rules and exceptions alike (a decision cites either), so both share one namespace.
    const ids = [rule.id, ...(rule.exceptions ?? []).map((e) => e.id)];
    const clash = ids.find((id, i) => seen.has(id) || ids.indexOf(id) !== i);
    if (clash !== undefined) {
      const path = clash === rule.id ? 'id' : `exceptions[${ids.indexOf(clash) - 1}].id`;
      report(path, `duplicate id "${clash}"`);
      return;
    }
    ids.forEach((id) => seen.add(id));
    rules.push(rule);
  });
  return { rules, errors };
}

/** A rule file's text (bad JSON → one error naming the file and where the JSON broke). */
export function parseRuleFile(text: string, file: string): RuleFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { rules: [], errors: [`${file}: not valid JSON: ${(error as Error).message}`] };
  }
  return validateRuleFile(json, file);
}
