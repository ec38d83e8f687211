// What the headless demo prints: one row per finding per demo page (page, surface, link, source, verdict, rule),
// lined up for Chinese text, verdicts coloured only on a terminal, and a summary line.
import { beijingDateTime } from '../../src/core/beijing-time';
import { sourceName, surfaceName, verdictName } from '../../src/core/names';
import type { Lang, Verdict } from '../../src/core/types';
import type { TabState } from '../../src/protocol';
import { displayWidth, paint, row } from '../../src/cli/table';
import { t } from '../../src/i18n';

export interface DemoPageResult {
  /** The fixture's name, which is its adapter's id ("kuaishou-live-helper"). */
  id: string;
  url: string;
  /** The background's view of the tab; null when the page never reported. */
  state: TabState | null;
}

const HEADER_KEYS = [
  'demo_col_page',
  'demo_col_surface',
  'demo_col_link',
  'demo_col_source',
  'demo_col_verdict',
  'demo_col_rule',
] as const;
const MAX_WIDTHS = [28, 24, 56, 14, 10];
const VERDICT_COLUMN = 4;

export interface Line {
  cells: string[];
  verdict: Verdict | null;
}

export function findingLines(results: readonly DemoPageResult[], lang: Lang): Line[] {
  return results.flatMap(({ id, state }): Line[] => {
    const surface = state?.page ? surfaceName(lang, state.page.surface) : '';
    if (!state?.page) return [{ cells: [id, surface, t(lang, 'demo_no_report'), '', '', ''], verdict: null }];
    if (state.findings.length === 0)
      return [{ cells: [id, surface, t(lang, 'demo_no_findings'), '', '', ''], verdict: null }];
    return state.findings.map(({ link, decision }) => ({
      cells: [
        id,
        surface,
        link.text,
        sourceName(lang, link.source),
        verdictName(lang, decision.verdict),
        decision.rule
          ? decision.since
            ? `${decision.rule} (${beijingDateTime(decision.since)})`
            : decision.rule
          : '—',
      ],
      verdict: decision.verdict,
    }));
  });
}

export function renderTable(results: readonly DemoPageResult[], lang: Lang, colour: boolean): string {
  const header = HEADER_KEYS.map((key) => t(lang, key));
  const lines = findingLines(results, lang);
  const widths = MAX_WIDTHS.map((max, i) =>
    Math.min(max, Math.max(displayWidth(header[i]!), ...lines.map((line) => displayWidth(line.cells[i]!)))),
  );
  let out = row(header, widths);
  for (const line of lines) {
    out += row(line.cells, widths, (i, cell) =>
      i === VERDICT_COLUMN && line.verdict ? paint(cell, line.verdict, colour) : cell,
    );
  }
  return out;
}

export function summaryLine(results: readonly DemoPageResult[], lang: Lang): string {
  const count = (verdict: Verdict) => results.reduce((sum, { state }) => sum + (state?.counts[verdict] ?? 0), 0);
  return t(lang, 'demo_summary', results.length, count('banned'), count('review'), count('allowed'));
}
