// `cartlint rules`: the rules in force as a table, or a rule file checked before it is imported or pushed.
import { readFile } from 'node:fs/promises';
import { beijingDateTime } from '../core/beijing-time';
import { platformName, verdictName } from '../core/names';
import { evidenceLine, evidenceOf } from '../core/evidence';
import type { Lang, Platform, Rule, RuleException } from '../core/types';
import { BUILT_IN_RULES, mergeRules } from '../rules/index';
import { loosenedBans } from '../rules/loosened';
import { loosenedBanText } from '../rules/loosened-text';
import { parseRuleFile, type RuleFileResult } from '../rules/schema';
import { t } from '../i18n';
import { emit, UsageError, usageError, type CliIo } from './io';
import { paint, printable, row, useColour } from './table';

const WIDTHS = [16, 12, 40, 8, 12, 12];

export async function listRules(rules: readonly Rule[], platform: Platform | undefined, lang: Lang, io: CliIo) {
  const colour = useColour(io);
  const titles = [
    'cli_col_rule',
    'cli_col_platform',
    'cli_col_surfaces',
    'cli_col_verdict',
    'cli_col_from',
    'cli_col_until',
    'cli_col_summary',
  ] as const;
  await emit(
    io.stdout,
    row(
      titles.map((key) => t(lang, key)),
      WIDTHS,
    ),
  );
  const open = t(lang, 'cli_until_open');
  for (const rule of rules) {
    if (platform && rule.platform !== platform) continue;
    const spans = [rule, ...(rule.exceptions ?? [])];
    for (const span of spans) {
      const isRule = span === rule;
      const columns = [
        isRule ? rule.id : `↳ ${span.id}`,
        isRule ? platformName(lang, rule.platform) : '',
        isRule ? rule.surfaces.join(', ') : '',
        verdictName(lang, span.verdict),
        beijingDateTime(span.from),
        span.until ? beijingDateTime(span.until) : open,
        span.summary[lang],
      ];
      await emit(
        io.stdout,
        row(columns, WIDTHS, (i, cell) => (i === 3 ? paint(cell, span.verdict, colour) : cell)),
      );
      // How old and how sure, under the rule (an exception falls back on its rule's report).
      const evidence = evidenceLine(lang, evidenceOf(rule, isRule ? undefined : (span as RuleException)));
      await emit(io.stdout, `${printable(`    ${evidence}`)}\n`);
    }
  }
}

/** At most this many problems are printed: a broken 2 MB file can have millions, so checking stops there. */
const LISTED_PROBLEMS = 100;

async function readRuleFile(file: string, lang: Lang) {
  try {
    return parseRuleFile(await readFile(file, 'utf8'), file, LISTED_PROBLEMS);
  } catch (error) {
    throw usageError(lang, 'cli_err_read', file, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
}

/** The problems (the first LISTED_PROBLEMS), then how many there were, or where checking stopped. */
function problemList({ errors, unchecked }: RuleFileResult, file: string, lang: Lang): string {
  const listed = errors.slice(0, LISTED_PROBLEMS);
  // The rule that reached the cap may have brought several problems past it.
  if (errors.length > LISTED_PROBLEMS) listed.push(t(lang, 'cli_more_problems', errors.length - LISTED_PROBLEMS));
  const total = unchecked
    ? t(lang, 'cli_err_validate_stopped', file, errors.length, unchecked)
    : t(lang, 'cli_err_validate_failed', file, errors.length);
  return `${listed.join('\n')}\n${total}`;
}

/**
 * The built-in rules, with the rules of `--rules FILE` over them (same id replaces, as custom rules do in the
 * extension). A file with any problem is refused whole: an audit must not run on half a rule set.
 */
export async function rulesFor(file: string | undefined, lang: Lang): Promise<Rule[]> {
  if (file === undefined) return BUILT_IN_RULES;
  const checked = await readRuleFile(file, lang);
  if (checked.errors.length > 0) throw new UsageError(problemList(checked, file, lang));
  return mergeRules(BUILT_IN_RULES, checked.rules, []);
}

/** Exit code: 0 when the file is valid, 2 with its problems (the first LISTED_PROBLEMS) on stderr otherwise. */
export async function validateFile(file: string, lang: Lang, io: CliIo): Promise<number> {
  const checked = await readRuleFile(file, lang);
  const { rules, errors } = checked;
  if (errors.length === 0) {
    for (const found of loosenedBans(rules, BUILT_IN_RULES)) {
      await emit(io.stderr, `${printable(t(lang, 'cli_warning', loosenedBanText(found, file, lang)))}\n`);
    }
    await emit(io.stdout, `${t(lang, 'cli_validate_ok', file, rules.length)}\n`);
    return 0;
  }
  await emit(io.stderr, `${printable(problemList(checked, file, lang))}\n`);
  return 2;
}
