// The README's rules table, written from the rule files so the front door cannot drift from the data.
// `npx tsx scripts/rules-table.ts` rewrites the table in README.md; its test fails when the two disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beijingDateTime } from '../src/core/beijing-time';
import { platformName, sourceName } from '../src/core/names';
import type { LinkMatch, Rule, RuleException } from '../src/core/types';
import { BUILT_IN_RULES } from '../src/rules';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
const START = '<!-- rules-table: written by scripts/rules-table.ts from src/rules/*.json -->';
const END = '<!-- /rules-table -->';

function links(matches: readonly LinkMatch[]): string {
  return matches
    .map((match) => {
      const name = match.source === '*' ? 'any third party' : sourceName('en', match.source);
      const facts = [match.affiliate === true ? 'alliance' : '', match.seller ?? ''].filter(Boolean);
      return facts.length > 0 ? `${name} (${facts.join(', ')})` : name;
    })
    .join(', ');
}

/** "2020-07-01 → 2020-08-20 (est.)": a date no report states is marked. */
function span(rule: Rule | RuleException): string {
  const mark = (field: 'from' | 'until', at: string) =>
    `${beijingDateTime(at)}${rule.estimated?.includes(field) ? ' (est.)' : ''}`;
  return rule.until ? `${mark('from', rule.from)} → ${mark('until', rule.until)}` : mark('from', rule.from);
}

function reported(rule: Rule, exception?: RuleException): string {
  const last = exception?.lastReport ?? rule.lastReport;
  const text = last ? `${last.date}, ${last.name}` : 'no dated report';
  return rule.inferred && !exception ? `${text}; state after the reports inferred` : text;
}

const verdict = (value: string) => (value === 'banned' ? '**banned**' : value);

export function rulesTable(rules: readonly Rule[] = BUILT_IN_RULES): string {
  const lines = [
    '| id | platform | surfaces | links | verdict | from → until | last reported |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const rule of rules) {
    const cells = [rule.id, platformName('en', rule.platform), rule.surfaces.join(', '), links(rule.links)];
    lines.push(`| ${[...cells, verdict(rule.verdict), span(rule), reported(rule)].join(' | ')} |`);
    for (const exception of rule.exceptions ?? []) {
      const row = [`↳ ${exception.id}`, '', `(exception to ${rule.id})`, links(exception.links)];
      lines.push(`| ${[...row, verdict(exception.verdict), span(exception), reported(rule, exception)].join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

/** The README with its rules table replaced by `table`. */
export function withTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md: no ${START} … ${END} block`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(README, withTable(readFileSync(README, 'utf8'), rulesTable()));
}
