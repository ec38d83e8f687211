// The rule file's shape (built-in, imported by a user, pushed by an admin), written once as valibot schemas; the
// rule types in src/core/types.ts are inferred from them. Every error names file, rule and field
// ("kuaishou.json: rule KS-4: exceptions[0].until: must be after from") so a person can fix it without reading code.
// A broken rule never throws: it is reported and left out, the valid rules of the same file are still returned.
// Only the worker, the options page and the CLI import this file; the content script gets checked data.
import * as v from 'valibot';
import { PLATFORMS, SOURCES, SURFACES, VERDICTS } from '../core/types';
import { describe, isObject, pathText } from '../core/guards';

/** Dates outside this range are typos (2202 for 2022), not policies. */
const EARLIEST = Date.parse('2010-01-01T00:00:00+08:00');
const LATEST = Date.parse('2100-01-01T00:00:00+08:00');

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SELLERS = ['self-operated', 'marketplace'] as const;
/** A source, or '*' for every source that is not the platform's own. */
const ANY_SOURCE = ['*', ...SOURCES] as const;

/** Beijing midnight of a valid calendar day, or null. Shared by day fields and date-only from/until. */
function calendarDay(text: string): string | null {
  const m = DAY.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const probe = new Date(0);
  probe.setUTCFullYear(y, mo, d); // not Date.UTC, which reads years 0–99 as 19xx
  const valid = probe.getUTCFullYear() === y && probe.getUTCMonth() === mo && probe.getUTCDate() === d;
  return valid ? `${text}T00:00:00+08:00` : null;
}

/**
 * An instant in a rule: ISO 8601 with an explicit offset, or a bare day meaning 00:00 Beijing time
 * (the platforms' notices are all Beijing time). Returns the normalised ISO text, or null if impossible.
 */
function normaliseInstant(text: string): string | null {
  const day = calendarDay(text);
  if (day) return day;
  const m = ISO_WITH_OFFSET.exec(text);
  if (!m || !calendarDay(`${m[1]}-${m[2]}-${m[3]}`)) return null;
  const [hours, minutes, seconds] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return Number.isNaN(Date.parse(text)) ? null : text;
}

/**
 * An http(s) address with a dotted host. Written as a scan, not as the regex it replaces
 * (`^https?:\/\/[^\s/]+\.[^\s]+$`), which backtracked quadratically on a long dotted address that fails.
 */
export function isWebAddress(text: string): boolean {
  const scheme = /^https?:\/\//.exec(text);
  if (!scheme || /\s/.test(text)) return false;
  const rest = text.slice(scheme[0].length);
  const slash = rest.indexOf('/');
  const dot = (slash < 0 ? rest : rest.slice(0, slash)).indexOf('.', 1);
  return dot > 0 && dot < rest.length - 1;
}

type Issue = v.BaseIssue<unknown>;
const got = (expected: string) => (issue: Issue) => `must be ${expected}, got ${describe(issue.input)}`;
const oneOf = (options: readonly string[]) => (issue: Issue) =>
  `must be one of ${options.join(', ')}; got ${describe(issue.input)}`;

/**
 * An object with exactly these fields, each problem at its own path: a non-object is `must be <expected>`, a missing
 * field gets its own schema's message for "nothing there", every field not in `entries` is "unknown field".
 */
function record<const E extends v.ObjectEntries>(entries: E, expected: string) {
  const missing = (issue: Issue) => {
    const key = issue.path?.[issue.path.length - 1]?.key as keyof E;
    return v.safeParse(entries[key]!, undefined).issues?.[0].message ?? 'is missing';
  };
  return v.pipe(
    v.custom<Record<string, unknown>>(isObject, got(expected)),
    v.objectWithRest(entries, v.never('unknown field'), missing),
  ) as unknown as v.GenericSchema<unknown, v.InferOutput<v.ObjectSchema<E, undefined>>>;
}

/** A non-empty list of `item`. */
const list = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item, got('an array')), v.nonEmpty('must not be empty'));

const text = v.pipe(
  v.string(got('a string')),
  v.check((s) => s.trim() !== '', 'must not be empty'),
);

const localized = record({ zh: text, en: text }, 'an object {"zh": …, "en": …}');

const id = v.pipe(
  v.string(got('an id of letters, digits, ".", "_" or "-" (like "KS-4")')),
  v.regex(ID, got('an id of letters, digits, ".", "_" or "-" (like "KS-4")')),
);

const day = v.pipe(
  v.string(got('a day "YYYY-MM-DD"')),
  v.check((s) => calendarDay(s) !== null, got('a day "YYYY-MM-DD"')),
);

/** A rule's from / until, normalised to ISO with offset. */
const instant = v.pipe(
  v.string(got('a date string like "2022-03-01T00:00:00+08:00"')),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const iso = normaliseInstant(dataset.value);
    if (!iso) {
      addIssue({
        message: `"${dataset.value}" is not a date; write "YYYY-MM-DD" (Beijing midnight) or "YYYY-MM-DDTHH:MM:SS+08:00"`,
      });
      return NEVER;
    }
    const time = Date.parse(iso);
    if (time < EARLIEST || time >= LATEST) {
      addIssue({ message: `"${dataset.value}" is outside 2010…2099` });
      return NEVER;
    }
    return iso;
  }),
);

const LinkMatchSchema = record(
  {
    source: v.picklist(ANY_SOURCE, oneOf(ANY_SOURCE)),
    affiliate: v.optional(v.boolean(got('true or false'))),
    seller: v.optional(v.picklist(SELLERS, oneOf(SELLERS))),
  },
  'an object like {"source": "taobao"}',
);

const ReportCitationSchema = record(
  {
    name: text,
    url: v.optional(v.pipe(v.string(got('an http(s) address')), v.check(isWebAddress, got('an http(s) address')))),
    date: v.optional(day),
  },
  'an object {"name", "url", "date"}',
);

const AnnouncementSchema = record(
  { title: localized, date: v.optional(day), reports: list(ReportCitationSchema) },
  'an object {"title", "date", "reports"}',
);

const verdict = v.picklist(VERDICTS, oneOf(VERDICTS));

/** The newest public report that confirms the rule (or exception) in force: how old the evidence is. */
const LastReportSchema = record(
  {
    name: text,
    url: v.optional(v.pipe(v.string(got('an http(s) address')), v.check(isWebAddress, got('an http(s) address')))),
    date: day,
  },
  'an object {"name", "url", "date"}',
);

const DATE_FIELDS = ['from', 'until'] as const;
/** Which of a span's dates no report states: the maintainers' estimate ("about 2020-08-20"). */
const estimated = v.pipe(
  v.array(v.picklist(DATE_FIELDS, oneOf(DATE_FIELDS)), got('an array')),
  v.check((fields) => new Set(fields).size === fields.length, 'lists a date twice'),
);

/** Whether no issue lies at, inside or above the path `at`, so the value there is the checked one. */
const clean = (issues: readonly Issue[] | undefined, at: readonly (string | number)[]) =>
  !issues?.some((issue) => at.every((key, i) => i >= (issue.path?.length ?? 0) || issue.path?.[i]?.key === key));

const pathItem = (input: unknown, key: string | number, value: unknown): v.UnknownPathItem => ({
  type: 'unknown',
  origin: 'value',
  input,
  key,
  value,
});

type Span = { from: string; until?: string | undefined };
/** until after from, reported at `until`. Checked when both are well formed, whatever else is wrong. */
const endsAfterStart = <T extends Span>() =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!isObject(dataset.value) || !clean(dataset.issues, ['from']) || !clean(dataset.issues, ['until'])) return;
    const span = dataset.value as T;
    if (span.until === undefined || Date.parse(span.until) > Date.parse(span.from)) return;
    addIssue({ message: 'must be after from', path: [pathItem(span, 'until', span.until)] });
  });

const ExceptionFields = record(
  {
    id,
    links: list(LinkMatchSchema),
    verdict,
    from: instant,
    until: v.optional(instant),
    summary: localized,
    announcement: v.optional(AnnouncementSchema),
    lastReport: v.optional(LastReportSchema),
    estimated: v.optional(estimated),
  },
  'an object',
);
const RuleExceptionSchema = v.pipe(ExceptionFields, endsAfterStart<v.InferOutput<typeof ExceptionFields>>());

const RuleFields = record(
  {
    id,
    platform: v.picklist(PLATFORMS, oneOf(PLATFORMS)),
    surfaces: v.pipe(
      list(v.picklist(SURFACES, oneOf(SURFACES))),
      v.check((surfaces) => new Set(surfaces).size === surfaces.length, 'lists a surface twice'),
    ),
    links: list(LinkMatchSchema),
    verdict,
    from: instant,
    until: v.optional(instant),
    exceptions: v.optional(v.array(RuleExceptionSchema, got('an array'))),
    summary: localized,
    advice: localized,
    announcement: AnnouncementSchema,
    lastVerified: day,
    lastReport: v.optional(LastReportSchema),
    estimated: v.optional(estimated),
    /** Said when the state rests on an inference (what applied after a window no report describes). */
    inferred: v.optional(localized),
    supersededBy: v.optional(id),
  },
  'an object',
);
type RuleFields = v.InferOutput<typeof RuleFields>;

export const RuleSchema = v.pipe(
  RuleFields,
  endsAfterStart<RuleFields>(),
  // An exception is a carve-out of its rule's time: it must start while the rule is in force.
  v.rawCheck<RuleFields>(({ dataset, addIssue }) => {
    const { issues } = dataset;
    const value = dataset.value as RuleFields;
    if (!isObject(value) || !clean(issues, ['from']) || !clean(issues, ['until']) || !Array.isArray(value.exceptions))
      return;
    const [start, end] = [Date.parse(value.from), value.until === undefined ? Infinity : Date.parse(value.until)];
    value.exceptions.forEach((exception, i) => {
      if (!clean(issues, ['exceptions', i, 'from'])) return;
      const from = Date.parse(exception.from);
      if (from >= start && from < end) return;
      addIssue({
        message: "must lie within the rule's from…until",
        path: [
          pathItem(value, 'exceptions', value.exceptions),
          pathItem(value.exceptions, i, exception),
          pathItem(exception, 'from', exception.from),
        ],
      });
    });
  }),
);

export type Rule = v.InferOutput<typeof RuleSchema>;
export type RuleException = NonNullable<Rule['exceptions']>[number];
export type LinkMatch = Rule['links'][number];
export type Announcement = Rule['announcement'];
export type ReportCitation = Announcement['reports'][number];
export type LastReport = NonNullable<Rule['lastReport']>;

/** One rule: the rule, or every problem found in it as "path: problem". */
export function checkRule(value: unknown): { rule: Rule; problems: [] } | { rule: null; problems: string[] } {
  const result = v.safeParse(RuleSchema, value);
  if (result.success) return { rule: result.output, problems: [] };
  return {
    rule: null,
    problems: result.issues.map((issue) => {
      const path = pathText((issue.path ?? []).map((item) => item.key));
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
}

export interface RuleFileResult {
  rules: Rule[];
  errors: string[];
  /** Rules not checked because `maxErrors` problems were found first; absent when every rule was checked. */
  unchecked?: number;
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

/**
 * The valid rules of a file and every problem, as "file: rule: path: problem". With `maxErrors`, checking stops at
 * the rule that brings the problems to that many: a broken file of 600,000 rules would otherwise make millions of
 * messages (gigabytes) that nobody reads.
 */
export function validateRuleFile(json: unknown, file: string, maxErrors = Infinity): RuleFileResult {
  const errors: string[] = [];
  const list = ruleList(json, file, errors);
  if (!list) return { rules: [], errors };
  const rules: Rule[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < list.length; index++) {
    if (errors.length >= maxErrors) return { rules, errors, unchecked: list.length - index };
    const value = list[index];
    const label = `${file}: ${ruleLabel(value, index)}`;
    const { rule, problems } = checkRule(value);
    if (!rule) {
      for (const problem of problems) errors.push(`${label}: ${problem}`);
      continue;
    }
    // Ids name rules and exceptions alike (a decision cites either), so both share one namespace.
    const ids = [rule.id, ...(rule.exceptions ?? []).map((e) => e.id)];
    const clash = ids.find((id, i) => seen.has(id) || ids.indexOf(id) !== i);
    if (clash !== undefined) {
      const path = clash === rule.id ? 'id' : `exceptions[${ids.indexOf(clash) - 1}].id`;
      errors.push(`${label}: ${path}: duplicate id "${clash}"`);
      continue;
    }
    for (const id of ids) seen.add(id);
    rules.push(rule);
  }
  return { rules, errors };
}

/** A rule file's text (bad JSON → one error naming the file and where the JSON broke); see validateRuleFile. */
export function parseRuleFile(text: string, file: string, maxErrors = Infinity): RuleFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { rules: [], errors: [`${file}: not valid JSON: ${(error as Error).message}`] };
  }
  return validateRuleFile(json, file, maxErrors);
}

/** How many files validateRuleFileOnce remembers: the operator's rules and the organisation's, in two languages. */
const REMEMBERED = 8;
const remembered = new Map<string, RuleFileResult>();

/**
 * validateRuleFile, remembered by the file's name and JSON text. The worker re-reads the same stored rules on every
 * request; their check runs once, not each time. Each answer gets its own lists (callers add to them).
 */
export function validateRuleFileOnce(json: unknown, file: string): RuleFileResult {
  const key = `${file}\n${JSON.stringify(json)}`;
  let result = remembered.get(key);
  if (!result) {
    result = validateRuleFile(json, file);
    if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(key, result);
  }
  return { rules: [...result.rules], errors: [...result.errors] };
}
