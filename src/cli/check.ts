// `cartlint check`: every line of a text file, or every row of a product-list export (CSV, or a sheet of an .xlsx
// workbook), judged on one platform, surface and day; reported as JSON lines, a table for people, a CSV report, an
// .xlsx workbook or a self-contained HTML page.
import { findRule } from '../core/decide';
import { decider } from '../core/decide';
import { classify } from '../core/extract';
import { platformName, sourceName, surfaceName, verdictName } from '../core/names';
import type { Decision, Lang, Rule } from '../core/types';
import { t } from '../i18n';
import { createWriteStream } from 'node:fs';
import { csvLine } from './csv';
import {
  emit,
  lineBatches,
  openSource,
  OutputError,
  peek,
  Progress,
  streamWriter,
  textOf,
  usageError,
  type CliIo,
  type Writer,
} from './io';
import { sheetInputs, textInputs, textTableInputs, type Input, type Layout } from './inputs';
import { Held, HeldBytes, type Judged, type TextReport } from './report';
import { htmlReport } from './report-html';
import { xlsxReport } from './report-xlsx';
import { isWorkbookHead, isWorkbookName } from './workbook';
import { beijingDay } from '../core/beijing-time';
import { Memo } from './memo';
import { Tally } from './tally';
import type { Target } from './options';
import { paint, printable, row, useColour } from './table';
import { RuleEvidence } from './verdict-columns';

function jsonReport(lang: Lang, rules: readonly Rule[]): TextReport {
  const held = new HeldBytes();
  // A row is its text's part, its line number, its findings' part. The two parts are written as JSON, and encoded,
  // once per distinct text (a memo hit gives the same Judged).
  const parts = new WeakMap<Judged, { head: Buffer; tail: Buffer }>();
  const evidence = new RuleEvidence(rules, lang);
  // What a finding says about its decision (verdict, rule, reason, evidence) is written once per decision: the
  // decider hands out one object per kind of link, and a list of thousands of links has a handful of them.
  const decided = new WeakMap<Decision, string>();
  const decisionJson = (decision: Decision) => {
    let json = decided.get(decision);
    if (json === undefined) {
      const { reported, reportedBy, inferred } = evidence.of(decision.rule);
      const { verdict, rule } = decision;
      json = JSON.stringify({ verdict, rule, reason: decision.reason[lang], reported, reportedBy, inferred }).slice(1);
      decided.set(decision, json);
    }
    return json;
  };
  const findings = (judged: Judged) =>
    `[${judged.links
      .map(
        ({ link, decision }) =>
          `{"text":${JSON.stringify(link.text)},"source":${JSON.stringify(link.source)},"affiliate":${JSON.stringify(link.affiliate)},${decisionJson(decision)}`,
      )
      .join(',')}]`;
  return {
    add(input, judged) {
      let row = parts.get(judged);
      if (row === undefined) {
        row = {
          head: Buffer.from(`{"input":${JSON.stringify(judged.text)},"line":`),
          tail: Buffer.from(`,"findings":${findings(judged)}}\n`),
        };
        parts.set(judged, row);
      }
      held.push(row.head);
      held.pushInteger(input.line);
      held.push(row.tail);
    },
    take: () => held.take(),
    end: () => '',
  };
}

function affiliateName(lang: Lang, affiliate: boolean | null): string {
  return t(lang, affiliate === null ? 'cli_affiliate_unknown' : affiliate ? 'cli_affiliate_yes' : 'cli_affiliate_no');
}

function csvReport(lang: Lang, rules: readonly Rule[]): TextReport {
  const held = new Held();
  const evidence = new RuleEvidence(rules, lang);
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
      t(lang, 'cli_col_reported'),
    ])}`,
  );
  return {
    add(input, judged) {
      for (const { link, decision } of judged.links) {
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
            evidence.of(decision.rule).line,
          ]),
        );
      }
    },
    take: () => held.take(),
    end: () => held.take(),
  };
}

const TABLE_WIDTHS = [6, 8, 12, 16];

function tableReport(io: CliIo, lang: Lang, target: Target, rules: readonly Rule[]): TextReport {
  const colour = useColour(io);
  const held = new Held();
  const tally = new Tally();
  const evidence = new RuleEvidence(rules, lang);
  /** What the rule ids and rule-less verdicts in the table mean, printed once below it. */
  const legend = new Map<string, string>();
  let started = false;
  const titles = ['cli_col_line', 'cli_col_verdict', 'cli_col_source', 'cli_col_rule', 'cli_col_link'] as const;
  return {
    add(input, judged) {
      tally.add(judged.links);
      for (const { link, decision } of judged.links) {
        if (!started)
          held.push(
            row(
              titles.map((key) => t(lang, key)),
              TABLE_WIDTHS,
            ),
          );
        started = true;
        const key = decision.rule ?? `— ${decision.reason[lang]}`;
        if (!legend.has(key)) {
          // The deciding id may be an exception's (Kuaishou's 2022-10-28 window): its own summary explains the row.
          const found = decision.rule ? findRule(rules, decision.rule) : undefined;
          const summary = found?.exception?.summary ?? found?.rule.summary ?? decision.reason;
          // A rule file's summary is printed to the terminal: its control characters are shown, not obeyed.
          const line = evidence.of(decision.rule).line;
          const text = decision.rule ? `${decision.rule}  ${summary[lang]}${line && `\n    ${line}`}` : key;
          legend.set(key, printable(text));
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
      const counts = tally.verdicts;
      const summary = t(
        lang,
        'cli_summary',
        tally.inputs,
        tally.findings,
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

export const FORMATS = ['json', 'table', 'csv', 'xlsx', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  target: Target;
  format: Format;
  /** Columns to judge, by header name, letter or 1-based number; none: every cell. */
  columns: readonly string[];
  sheet: string | undefined;
  file: string | undefined;
  /** Where the report goes; stdout when absent. */
  output: string | undefined;
  lang: Lang;
  rules: readonly Rule[];
}

/** The start of a web page: many back-offices "export to Excel" as an HTML table in a file named .xls. */
const WEB_PAGE = /^(?:\xEF\xBB\xBF)?\s*<(?:!doctype\s+html|html|head|meta|table)\b/i;

/** The inputs of FILE: a workbook's rows, a CSV's rows, or a text's lines (which come judged by `judge`, see Input). */
async function inputsOf(options: CheckOptions, layout: Layout, io: CliIo, judge: Memo<Judged>) {
  const { file, columns, sheet, lang } = options;
  const { head, source } = await peek(await openSource(file, io, lang));
  const name = file ?? '-';
  if (isWorkbookHead(head) || isWorkbookName(name) || sheet !== undefined) {
    return sheetInputs(source, head, sheet, columns, layout, lang);
  }
  const table = columns.length > 0 || /\.(?:csv|tsv)$/i.test(name);
  if (WEB_PAGE.test(head.toString('latin1', 0, 512)) && (table || /\.xls$/i.test(name)))
    return textTableInputs(source, 'html', columns, layout, io, lang);
  if (table) return textTableInputs(source, 'csv', columns, layout, io, lang);
  return textInputs(lineBatches(textOf(source, io, lang), source.name, lang), judge);
}

/** The report's destination: stdout, or the file of -o (opened before anything is judged, so a bad path fails first). */
async function destination(options: CheckOptions, io: CliIo) {
  const { output, lang } = options;
  if (output === undefined) return { out: io.stdout, close: async () => {} };
  const stream = createWriteStream(output);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) =>
      reject(usageError(lang, 'cli_err_write_file', output, error.code ?? error.message)),
    );
  });
  const out: Writer = streamWriter(stream as unknown as NodeJS.WriteStream);
  const close = () =>
    new Promise<void>((resolve, reject) => {
      stream.end((error?: Error | null) =>
        error ? reject(new OutputError((error as NodeJS.ErrnoException).code)) : resolve(),
      );
    });
  return { out, close };
}

/**
 * Judges every input; true when something is banned. When the reader of the output goes away (`| head`), judging
 * stops there and the answer is what was judged until then.
 */
export async function runCheck(options: CheckOptions, io: CliIo): Promise<boolean> {
  const { target, format, lang, rules, output } = options;
  if (format === 'xlsx' && output === undefined) throw usageError(lang, 'cli_err_output_needed', format);
  const decideLink = decider(target.platform, target.surface, target.at, rules);
  const judge = (text: string): Judged => {
    const links = classify(text).map((link) => ({ link, decision: decideLink(link) }));
    return { text, links, banned: links.some(({ decision }) => decision.verdict === 'banned') };
  };
  const judgeCell = new Memo(judge);
  const layout: Layout = { header: [] };
  const inputs = await inputsOf(options, layout, io, judgeCell);
  // A row of several cells is judged cell by cell. The joined findings are remembered by the cells (as JSON: one
  // exact key), so the same row gives the same Judged and the reports' work on it is done once.
  const judgeCells = new Memo((key): Judged => {
    const cells = JSON.parse(key) as string[];
    const found = cells.map((cell) => judgeCell.get(cell));
    return { text: cells.join(' '), links: found.flatMap(({ links }) => links), banned: found.some((j) => j.banned) };
  });
  const judgeRow = ({ parts, text }: Input) =>
    parts && parts.length > 1 ? judgeCells.get(JSON.stringify(parts)) : judgeCell.get(parts?.[0] ?? text);
  const progress = new Progress(io, lang);
  let banned = false;
  const judged = async (each: (input: Input, judged: Judged) => void, flush: () => Promise<void>) => {
    for await (const batch of inputs) {
      for (const input of batch) {
        const found = input.judged ?? judgeRow(input);
        banned ||= found.banned;
        each(input, found);
      }
      await flush();
      await progress.tick(batch.length);
    }
  };
  if (format === 'xlsx') {
    const report = await xlsxReport(output!, layout, rules, lang);
    await judged(
      (input, found) => report.add(input, found),
      async () => {},
    );
    await report.end();
    return banned;
  }
  const { out, close } = await destination(options, io);
  const report =
    format === 'json'
      ? jsonReport(lang, rules)
      : format === 'csv'
        ? csvReport(lang, rules)
        : format === 'html'
          ? htmlReport(options.file ?? '-', target, rules, lang)
          : tableReport(io, lang, target, rules);
  try {
    await judged(
      (input, found) => report.add(input, found),
      async () => {
        const text = report.take();
        if (text.length > 0) await emit(out, text);
      },
    );
    await emit(out, report.end());
    await close();
  } catch (error) {
    if (error instanceof OutputError && error.code === 'EPIPE') return banned;
    throw error;
  }
  return banned;
}
