// The false-alarm sweep: classify() over a large body of ordinary text that ships with the machine or with our
// dependencies — package READMEs, licences and notes in node_modules, /usr/share/doc, man pages, and the Chinese
// of the zh_CN / zh_TW gettext catalogues and man pages. None of it is goods an operator pasted into a cart, so
// every finding is looked at: a `banned` one on a Kuaishou live cart is a false alarm (a warning on nothing); a
// `review` one is a link whose target the text cannot tell (a goo.gl short link), which is the honest verdict for
// an unknown and is counted apart. Missing directories are skipped, so it runs on any machine; each source is
// capped so the sweep stays a few seconds (`npx tsx bench/false-alarms.ts --all` sweeps everything). Prints MB
// scanned, findings, false alarms per MB and the first hits.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decide } from '../src/core/decide';
import { classify } from '../src/core/extract';
import type { LinkFinding, Verdict } from '../src/core/types';
import { BUILT_IN_RULES } from '../src/rules/index';

const AT = new Date('2026-06-01T00:00:00+08:00');
const MB = 1024 * 1024;
/** Per source, so that one large tree (man1) does not crowd out the others. */
const SOURCE_CAP = 32 * MB;
/** Larger files are generated data, not text people write. */
const FILE_CAP = 4 * MB;
/** Text is judged in page-sized pieces, as the content script judges a page's text. */
const PIECE = 64 * 1024;

interface SweepSource {
  name: string;
  roots: string[];
  /** Which files of the tree are text of this source. */
  take: (name: string) => boolean;
}

const NODE_MODULES = fileURLToPath(new URL('../node_modules', import.meta.url));
const isDoc = (name: string) => /\.(?:md|markdown|txt)$/i.test(name) || /^(?:LICEN[CS]E|COPYING|NOTICE)/i.test(name);
const isMan = (name: string) => /\.\d\w*(?:\.gz)?$/.test(name);

const SOURCES: SweepSource[] = [
  { name: 'node_modules *.md, *.txt, LICENSE', roots: [NODE_MODULES], take: isDoc },
  {
    name: '/usr/share/doc',
    roots: ['/usr/share/doc'],
    take: (name) => isDoc(name.replace(/\.gz$/, '')) || /^(?:copyright|changelog|README|NEWS)/i.test(name),
  },
  {
    name: 'man pages (1, 3, 5, 7, 8)',
    roots: ['1', '3', '5', '7', '8'].map((s) => `/usr/share/man/man${s}`),
    take: isMan,
  },
  {
    name: 'Chinese: zh_CN / zh_TW man pages and gettext catalogues',
    roots: ['/usr/share/man/zh_CN', '/usr/share/man/zh_TW', '/usr/share/locale/zh_CN', '/usr/share/locale/zh_TW'],
    take: (name) => isMan(name) || name.endsWith('.mo'),
  },
];

/** Every file under `root` that `take` wants, symlinked trees followed once (node_modules links into itself). */
function* files(root: string, take: (name: string) => boolean, seen = new Set<string>()): Generator<string> {
  let real: string;
  try {
    real = realpathSync(root);
  } catch {
    return; // a missing directory: nothing to sweep there
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries: string[];
  try {
    entries = readdirSync(real).sort();
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(real, entry);
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) yield* files(path, take, seen);
    else if (stat.isFile() && stat.size <= FILE_CAP && take(entry)) yield path;
  }
}

/** The strings of a gettext .mo catalogue (originals and translations), one a line. */
function moStrings(bytes: Buffer): string {
  const little = bytes.readUInt32LE(0) === 0x950412de;
  const read = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const count = read(8);
  const out: string[] = [];
  for (const table of [read(12), read(16)]) {
    for (let i = 0; i < count; i++) {
      const length = read(table + i * 8);
      const offset = read(table + i * 8 + 4);
      out.push(bytes.toString('utf8', offset, offset + length));
    }
  }
  return out.join('\n');
}

function textOf(path: string): string | null {
  try {
    let bytes = readFileSync(path);
    if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
    if (path.endsWith('.mo')) return moStrings(bytes);
    if (bytes.includes(0)) return null; // binary
    return bytes.toString('utf8');
  } catch {
    return null;
  }
}

export interface SweepHit {
  file: string;
  text: string;
  source: string;
  verdict: Verdict;
}

export interface SweepResult {
  mb: number;
  files: number;
  findings: number;
  falseAlarms: number;
  reviews: number;
  falseAlarmsPerMb: number;
  hits: SweepHit[];
}

const verdictOf = (finding: LinkFinding) => decide(finding, 'kuaishou', 'live-cart', AT, BUILT_IN_RULES).verdict;

export function runFalseAlarmSweep(log: (line: string) => void = console.log, cap = SOURCE_CAP): SweepResult {
  let bytes = 0;
  let fileCount = 0;
  const hits: SweepHit[] = [];
  for (const source of SOURCES) {
    let taken = 0;
    let sourceFiles = 0;
    for (const root of source.roots) {
      for (const path of files(root, source.take)) {
        if (taken >= cap) break;
        const text = textOf(path);
        if (!text) continue;
        taken += Buffer.byteLength(text);
        sourceFiles++;
        for (let at = 0; at < text.length; at += PIECE) {
          for (const finding of classify(text.slice(at, at + PIECE))) {
            hits.push({ file: path, text: finding.text, source: finding.source, verdict: verdictOf(finding) });
          }
        }
      }
    }
    bytes += taken;
    fileCount += sourceFiles;
    log(`  ${source.name}: ${(taken / MB).toFixed(1)} MB in ${sourceFiles} files`);
  }
  const mb = bytes / MB;
  const falseAlarms = hits.filter((hit) => hit.verdict === 'banned').length;
  const reviews = hits.filter((hit) => hit.verdict === 'review').length;
  const falseAlarmsPerMb = mb ? falseAlarms / mb : 0;
  log(
    `swept ${mb.toFixed(1)} MB of ordinary text in ${fileCount} files: ${hits.length} findings, ` +
      `${falseAlarms} false alarms (banned) = ${falseAlarmsPerMb.toFixed(3)} per MB, ${reviews} review`,
  );
  log('  target: 0 false alarms; a review is a link whose target the text cannot tell (a generic short link)');
  const first = [...hits.filter((hit) => hit.verdict === 'banned'), ...hits.filter((hit) => hit.verdict !== 'banned')];
  for (const hit of first.slice(0, 12)) {
    log(`  ${hit.verdict.padEnd(7)} ${hit.source.padEnd(10)} ${hit.text.slice(0, 70)}  (${hit.file})`);
  }
  return { mb, files: fileCount, findings: hits.length, falseAlarms, reviews, falseAlarmsPerMb, hits };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  runFalseAlarmSweep(console.log, process.argv.includes('--all') ? Number.POSITIVE_INFINITY : SOURCE_CAP);
}
