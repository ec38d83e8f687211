// Recognition on sets of labelled inputs for the families of issue 8, scored per part and family. The default set
// (bench/held-out.jsonl) was written here: part `t` (the part fixes were tuned on) and `h` (kept back while
// tuning). bench/world.jsonl holds real strings from other projects, each with where it came from: part `w`, then
// parts `w2` to `w9`, each collected once the parts before it stood at their best.
// Prints recognised / false alarms / verdicts per part and family, and the misses; `npm run bench` prints the parts.
// Run: npx tsx bench/held-out.ts [file.jsonl] [--misses]
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decide } from '../src/core/decide';
import { classify } from '../src/core/extract';
import { worstFlag } from '../src/core/judge';
import type { LinkFinding, Source, Verdict } from '../src/core/types';
import { BUILT_IN_RULES } from '../src/rules/index';

interface Case {
  part: string;
  family: string;
  input: string;
  source: Source | 'none';
  /** Expected affiliate value, or 'any' when the case does not test it. */
  affiliate: boolean | null | 'any';
  /** A video share (直接观看视频): silence is as right as `shortener`; anything else is a false alarm. */
  orSilent?: boolean;
  /** Where a real input came from (repository and path). */
  from?: string;
}

export interface Score {
  cases: number;
  goods: number;
  recognised: number;
  none: number;
  falseAlarms: number;
  verdicts: number;
}

/** The labelled sets that ship with the bench. */
export const SETS = ['held-out.jsonl', 'world.jsonl'].map((name) => fileURLToPath(new URL(name, import.meta.url)));

const AT = new Date('2026-06-01T00:00:00+08:00');

/** The verdict a Kuaishou live cart shows for these links: the worst, or none without a link. */
function worst(links: readonly LinkFinding[]): Verdict | 'none' {
  if (links.length === 0) return 'none';
  const judged = links.map((link) => ({ link, decision: decide(link, 'kuaishou', 'live-cart', AT, BUILT_IN_RULES) }));
  return worstFlag(judged) ?? 'allowed';
}

function expectedVerdict(c: Case): Verdict | 'none' {
  if (c.source === 'none') return 'none';
  const affiliate = c.affiliate === 'any' ? null : c.affiliate;
  return worst([
    { text: c.input, start: 0, end: c.input.length, source: c.source, affiliate, kind: 'url', evidence: '' },
  ]);
}

/** Scores per part (`part t`) and per part and family (`part t · share`); `onMiss` hears every case got wrong. */
export function scoreSet(file: string, onMiss?: (line: string) => void): Map<string, Score> {
  const cases = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Case);
  const rows = new Map<string, Score>();
  const row = (key: string) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { cases: 0, goods: 0, recognised: 0, none: 0, falseAlarms: 0, verdicts: 0 }));
    return r;
  };
  for (const c of cases) {
    const found = classify(c.input);
    const silentSide = c.source === 'none' || c.orSilent === true;
    const ok = silentSide
      ? found.every((f) => f.source === c.source)
      : found.some((f) => f.source === c.source && (c.affiliate === 'any' || f.affiliate === c.affiliate));
    const verdictOk = found.length === 0 ? silentSide : worst(found) === expectedVerdict(c);
    for (const key of [`part ${c.part}`, `part ${c.part} · ${c.family}`]) {
      const r = row(key);
      r.cases++;
      if (silentSide) {
        r.none++;
        if (!ok) r.falseAlarms++;
      } else {
        r.goods++;
        if (ok) r.recognised++;
      }
      if (verdictOk) r.verdicts++;
    }
    if (onMiss && (!ok || !verdictOk)) {
      const got = found.map((f) => `${f.source}/${f.affiliate}/${f.kind}`).join(', ') || 'nothing';
      const want = `${c.source}${c.orSilent ? ' or silent' : ''}/${c.affiliate}`;
      onMiss(`MISS [${c.part} ${c.family}] want ${want}, got ${got}: ${c.input.slice(0, 110)}`);
    }
  }
  return rows;
}

export const percent = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');

export const scoreLine = (key: string, r: Score) =>
  `${key.padEnd(24)} ${String(r.cases).padStart(3)} cases: recognised ${r.recognised}/${r.goods} (${percent(r.recognised, r.goods)}), ` +
  `false alarms ${r.falseAlarms}/${r.none}, verdicts ${percent(r.verdicts, r.cases)}`;

if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? SETS[0]!;
  const rows = scoreSet(file, process.argv.includes('--misses') ? console.log : undefined);
  for (const [key, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) console.log(scoreLine(key, r));
}
