// `--format xlsx -o report.xlsx`: the product list as it came, with the verdict columns added and banned rows
// highlighted, then a summary sheet (counts by verdict and by rule). Written with exceljs's streaming writer, row
// by row, so a 200,000-row report is never held whole.
import { loadExcel } from './exceljs';
import { verdictName } from '../core/names';
import type { Lang, Rule, Verdict } from '../core/types';
import { t } from '../i18n';
import type { Input, Layout } from './inputs';
import type { Judged } from './report';
import { Tally, VERDICTS } from './tally';
import { RuleEvidence, verdictColumns, verdictHeaders } from './verdict-columns';

/** Light fills a spreadsheet user reads at a glance: red for banned, amber for to-check. */
const FILL: Partial<Record<Verdict, string>> = { banned: 'FFFFC7CE', review: 'FFFFEB9C' };

export interface XlsxReport {
  add(input: Input, judged: Judged): void;
  end(): Promise<void>;
}

export async function xlsxReport(
  file: string,
  layout: Layout,
  rules: readonly Rule[],
  lang: Lang,
): Promise<XlsxReport> {
  const Excel = await loadExcel();
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(t(lang, 'cli_report_sheet_rows'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const tally = new Tally();
  const evidence = new RuleEvidence(rules, lang);
  let started = false;
  const start = (input: Input) => {
    started = true;
    // A text file has no header: its rows are one column, the input line.
    const header = input.cells ? layout.header : [t(lang, 'cli_col_input')];
    const titles = [t(lang, 'cli_col_line'), ...header, ...verdictHeaders(lang)];
    const row = sheet.addRow(titles);
    row.font = { bold: true };
    row.commit();
  };
  return {
    add(input, { links }) {
      if (!started) start(input);
      tally.add(links);
      const columns = verdictColumns(links, evidence, lang);
      const width = input.cells ? layout.header.length : 1;
      const original = input.values ?? input.cells;
      const cells = original ? [...original, ...Array(Math.max(0, width - original.length)).fill('')] : [input.text];
      const row = sheet.addRow([
        input.line,
        ...cells,
        columns.verdictText,
        columns.rules,
        columns.reasons,
        columns.lastReported,
      ]);
      const fill = columns.verdict ? FILL[columns.verdict] : undefined;
      if (fill) row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
      row.commit();
    },
    async end() {
      if (!started) start({ text: '', line: 0 });
      sheet.commit();
      const summary = workbook.addWorksheet(t(lang, 'cli_report_sheet_summary'));
      summary.columns = [{ width: 24 }, { width: 12 }, { width: 12 }];
      const bold = (values: (string | number)[]) => {
        const row = summary.addRow(values);
        row.font = { bold: true };
        row.commit();
      };
      bold([t(lang, 'cli_col_verdict'), t(lang, 'cli_report_count')]);
      for (const verdict of VERDICTS) summary.addRow([verdictName(lang, verdict), tally.verdicts[verdict]]).commit();
      summary.addRow([t(lang, 'cli_report_rows'), tally.inputs]).commit();
      summary.addRow([]).commit();
      bold([t(lang, 'cli_col_rule'), t(lang, 'cli_col_verdict'), t(lang, 'cli_report_count')]);
      for (const { rule, verdict, count } of tally.byRule()) {
        summary.addRow([rule || t(lang, 'cli_report_no_rule'), verdictName(lang, verdict), count]).commit();
      }
      summary.commit();
      await workbook.commit();
    },
  };
}
