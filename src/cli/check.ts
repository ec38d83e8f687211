// `cartlint check`: every line of a text file, or every row of a product-list CSV export, judged on one platform,
// surface and day; reported as JSON lines, a table for people, or a CSV report for a spreadsheet.
import { findRule } from '../core/decide';
import { judgeText } from '../core/judge';
import { platformName, sourceName, surfaceName, verdictName } from '../core/names';
import type { JudgedLink, Lang, Rule, Verdict } from '../core/types';
import { t } from '../i18n';
import { CsvReader, csvLine, MAX_RECORD, RecordTooLongError, UnclosedQuoteError } from './csv';
import { emit, openLines, OutputError, Progress, usageError, type CliIo } from './io';
import { beijingDay } from '../core/beijing-time';
import type { Target } from './options';
import { paint, printable, row, useColour } from './table';

/** One thing to judge: a text line, or one cell (or whole row) of a CSV record. */
export interface Input {
  text: string;
  /** Line of the input where it starts: the row number a spreadsheet shows for CSV. */
  line: number;
}

async function* textInputs(batches: AsyncIterable<string[]>): AsyncGenerator<Input[]> {
  let line = 0;
  for await (const batch of batches) yield batch.map((text) => ({ text, line: ++line }));
}

/** Which cell of each record to judge: a header name, a 1-based index, or (null) every cell. */
function columnIndex(header: string[], column: string | undefined, file: string, lang: Lang): number | null {
  if (column === undefined) return null;
  if (/^\d+$/.test(column)) {
    const index = Number(column) - 1;
    if (index < 0 || index >= header.length)
      throw usageError(lang, 'cli_err_column_index', column, file, header.length);
    return index;
  }
  const wanted = column.trim().toLowerCase();
  const index = header.findIndex((name) => name.trim().toLowerCase() === wanted);
  if (index < 0) throw usageError(lang, 'cli_err_column_missing', column, file, header.join(', '));
  return index;
}

async function* csvInputs(
  batches: AsyncIterable<string[]>,
  column: string | undefined,
  file: string,
  lang: Lang,
): AsyncGenerator<Input[]> {
  const reader = new CsvReader();
  let index: number | null | undefined;
  let line = 0;
  try {
    for await (const batch of batches) {
      const inputs: Input[] = [];
      for (const text of batch) {
        const record = reader.push(text, ++line);
        if (!record) continue;
        if (index === undefined) index = columnIndex(record.cells, column, file, lang);
        else
          inputs.push({
            text: index === null ? record.cells.join(' ') : (record.cells[index] ?? ''),
            line: record.line,
          });
      }
      yield inputs;
    }
    reader.end();
  } catch (error) {
    if (error instanceof UnclosedQuoteError) throw usageError(lang, 'cli_err_csv_quote', file, error.line);
    if (error instanceof RecordTooLongError)
      throw usageError(lang, 'cli_err_csv_record_long', file, error.line, MAX_RECORD);
    throw error;
  }
  if (index === undefined) throw usageError(lang, 'cli_err_empty_csv', file);
}

/** Output built row by row and written once per batch, so a million rows cost a few thousand writes. */
interface Report {
  add(input: Input, judged: JudgedLink[]): void;
  /** The output added since the last call. */
  take(): string;
  /** What follows the last row (a legend, a summary); the header alone when there were no rows. */
  end(): string;
}

/** Collects text and hands it over in one piece. */
class Held {
  private parts: string[] = [];
  push(text: string): void {
    this.parts.push(text);
  }
  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    return text;
  }
}

function jsonReport(lang: Lang): Report {
  const held = new Held();
  return {
    add: (input, judged) =>
      held.push(
        `${JSON.stringify({
          input: input.text,
          line: input.line,
          findings: judged.map(({ link, decision }) => ({
            text: link.text,
            source: link.source,
            affiliate: link.affiliate,
            verdict: decision.verdict,
            rule: decision.rule,
            reason: decision.reason[lang],
          })),
        })}\n`,
      ),
    take: () => held.take(),
    end: () => '',
  };
}

function affiliateName(lang: Lang, affiliate: boolean | null): string {
  return t(lang, affiliate === null ? 'cli_affiliate_unknown' : affiliate ? 'cli_affiliate_yes' : 'cli_affiliate_no');
}

function csvReport(lang: Lang): Report {
  const held = new Held();
  // The byte-order mark makes Excel and WPS read the report as UTF-8, so Chinese stays intact.
  held.push(
    `\uFEFF${csvLine([
      t(lang, 'cli_col_line'),
      t(lang, 'cli_col_input'),
      t(lang, 'cli_col_link'),
      t(lang, 'cli_col_source'),
      t(lang, 'cli_col_affiliate'),
      t(lang, 'cli_col_verdict'),
      t(lang, 'cli_col_rule'),
      t(lang, 'cli_col_reason'),
    ])}`,
  );
  return {
    add(input, judged) {
      for (const { link, decision } of judged) {
        held.push(
          csvLine([
            input.line,
            input.text,
            link.text,
            sourceName(lang, link.source),
            affiliateName(lang, link.affiliate),
            verdictName(lang, decision.verdict),
            decision.rule ?? '',
            decision.reason[lang],
          ]),
        );
      }
    },
    take: () => held.take(),
    end: () => held.take(),
  };
}

const TABLE_WIDTHS = [6, 8, 12, 16];

function tableReport(io: CliIo, lang: Lang, target: Target, rules: readonly Rule[]): Report {
  const colour = useColour(io);
  const held = new Held();
  const counts: Record<Verdict, number> = { banned: 0, review: 0, allowed: 0 };
  let inputs = 0;
  /** What the rule ids and rule-less verdicts in the table mean, printed once below it. */
  const legend = new Map<string, string>();
  let started = false;
  const titles = ['cli_col_line', 'cli_col_verdict', 'cli_col_source', 'cli_col_rule', 'cli_col_link'] as const;
  return {
    add(input, judged) {
      inputs++;
      for (const { link, decision } of judged) {
        if (!started)
          held.push(
            row(
              titles.map((key) => t(lang, key)),
              TABLE_WIDTHS,
            ),
          );
        started = true;
        counts[decision.verdict]++;
        const key = decision.rule ?? `— ${decision.reason[lang]}`;
        if (!legend.has(key)) {
          // The deciding id may be an exception's (Kuaishou's 2022-10-28 window): its own summary explains the row.
          const found = decision.rule ? findRule(rules, decision.rule) : undefined;
          const summary = found?.exception?.summary ?? found?.rule.summary ?? decision.reason;
          // A rule file's summary is printed to the terminal: its control characters are shown, not obeyed.
          legend.set(key, printable(decision.rule ? `${decision.rule}  ${summary[lang]}` : key));
        }
        const columns = [
          String(input.line),
          verdictName(lang, decision.verdict),
          sourceName(lang, link.source),
          decision.rule ?? '—',
          link.text,
        ];
        held.push(row(columns, TABLE_WIDTHS, (i, cell) => (i === 1 ? paint(cell, decision.verdict, colour) : cell)));
      }
    },
    take: () => held.take(),
    end() {
      if (legend.size > 0) held.push(`\n${t(lang, 'cli_legend')}\n${[...legend.values()].join('\n')}\n`);
      const summary = t(
        lang,
        'cli_summary',
        inputs,
        counts.banned + counts.review + counts.allowed,
        counts.banned,
        counts.review,
        counts.allowed,
        platformName(lang, target.platform),
        surfaceName(lang, target.surface),
        beijingDay(target.at),
      );
      held.push(
        `\n${paint(summary, counts.banned > 0 ? 'banned' : counts.review > 0 ? 'review' : 'allowed', colour)}\n`,
      );
      return held.take();
    },
  };
}

export type Format = 'json' | 'table' | 'csv';

export interface CheckOptions {
  target: Target;
  format: Format;
  column: string | undefined;
  file: string | undefined;
  lang: Lang;
  rules: readonly Rule[];
}

/**
 * Judges every input; true when something is banned. When the reader of the output goes away (`| head`), judging
 * stops there and the answer is what was judged until then.
 */
export async function runCheck(options: CheckOptions, io: CliIo): Promise<boolean> {
  const { target, format, column, file, lang, rules } = options;
  const lines = await openLines(file, io, lang);
  const isCsv = column !== undefined || (file?.toLowerCase().endsWith('.csv') ?? false);
  const inputs = isCsv ? csvInputs(lines, column, file ?? '-', lang) : textInputs(lines);
  const report =
    format === 'json' ? jsonReport(lang) : format === 'csv' ? csvReport(lang) : tableReport(io, lang, target, rules);
  const progress = new Progress(io, lang);
  const context = { ...target, rules };
  let banned = false;
  try {
    for await (const batch of inputs) {
      for (const input of batch) {
        const judged = judgeText(input.text, context);
        banned ||= judged.some(({ decision }) => decision.verdict === 'banned');
        report.add(input, judged);
      }
      const text = report.take();
      if (text) await emit(io.stdout, text);
      await progress.tick(batch.length);
    }
    await emit(io.stdout, report.end());
  } catch (error) {
    if (error instanceof OutputError && error.code === 'EPIPE') return banned;
    throw error;
  }
  return banned;
}
