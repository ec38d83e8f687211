// classify() throughput on one core: a realistic mix of 100,000 inputs, and page texts of 1 MB (a goods list
// with a link every few rows, and a link-dense paste). Pages are timed warm (the URL memo holds the page's
// links, as when the content script re-judges a page after an edit) and cold (memo emptied before every run,
// the first judging of a page), and once with every link distinct, so no memo can help: the per-link cost.
// Prints figures against the targets; never fails.
import { classify } from '../src/core/extract';
import { clearUrlMemo } from '../src/core/url-memo';
import { mixedInputs, pageText } from './inputs';

export const TARGETS = { inputsPerSecond: 300_000, pageMs: 20 } as const;

export interface PageResult {
  name: string;
  chars: number;
  links: number;
  /** Memo warm, as on a re-judge. */
  ms: number;
  /** Memo emptied before each run, as on the first judging. */
  coldMs: number;
  mbPerSecond: number;
}

export interface RecognitionResult {
  inputs: number;
  inputsPerSecond: number;
  findingsInMix: number;
  pages: PageResult[];
}

/**
 * Median CPU time of `rounds` runs of `work`, after `warmup` untimed ones (the JIT settles first). CPU time, not
 * wall time: on a shared 2-core machine other processes stretch wall time, not the work this core did.
 */
function medianMs(work: () => void, rounds: number, warmup: number, before?: () => void): number {
  for (let i = 0; i < warmup; i++) {
    before?.();
    work();
  }
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    before?.();
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Every id of 4+ digits replaced by a running number of the same length: no two links of the page are equal. */
function distinctLinks(text: string): string {
  let n = 0;
  return text.replace(/\d{4,}/g, (digits) => String(n++ % 10 ** digits.length).padStart(digits.length, '0'));
}

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

export function runRecognitionBench(log: (line: string) => void = console.log, inputs = 100_000): RecognitionResult {
  const mix = mixedInputs(inputs);
  let findingsInMix = 0;
  const mixMs = medianMs(
    () => {
      findingsInMix = 0;
      for (const input of mix) findingsInMix += classify(input).length;
    },
    5,
    2,
    clearUrlMemo, // repeats within the mix may hit the memo, earlier runs may not
  );
  const inputsPerSecond = Math.round((inputs / mixMs) * 1000);
  log(
    `classify, mixed inputs: ${inputs.toLocaleString('en')} in ${mixMs.toFixed(1)} ms → ${inputsPerSecond.toLocaleString('en')} inputs/s (${findingsInMix} links found)`,
  );
  log(
    `  target ≥ ${TARGETS.inputsPerSecond.toLocaleString('en')} inputs/s: ${verdict(inputsPerSecond >= TARGETS.inputsPerSecond)}`,
  );

  const dense = pageText(1_000_000, 1, 3);
  const pages = [
    { name: 'goods list page, a link every 8 rows', text: pageText(1_000_000, 8) },
    { name: 'link-dense paste, a link every row', text: dense },
    { name: 'link-dense paste, every link distinct', text: distinctLinks(dense) },
  ].map(({ name, text }): PageResult => {
    let links = 0;
    const work = () => (links = classify(text).length);
    // Warm first: its untimed runs also let the JIT and the collector settle after the previous benchmark,
    // which otherwise landed in the first cold runs (20–35 ms swings on the goods list, 15 ms once settled).
    const ms = medianMs(work, 9, 5);
    const coldMs = medianMs(work, 9, 3, clearUrlMemo);
    const mbPerSecond = text.length / 1_000_000 / (ms / 1000);
    const perLink = (coldMs * 1000) / Math.max(1, links);
    log(`classify, ${name}: ${(text.length / 1_000_000).toFixed(2)} M chars, ${links} links`);
    log(
      `  warm ${ms.toFixed(1)} ms (${mbPerSecond.toFixed(1)} MB/s), cold ${coldMs.toFixed(1)} ms (${perLink.toFixed(2)} µs per link, all work included)`,
    );
    log(
      `  target 1 MB < ${TARGETS.pageMs} ms: warm ${verdict(ms < TARGETS.pageMs)}, cold ${verdict(coldMs < TARGETS.pageMs)}`,
    );
    return { name, chars: text.length, links, ms, coldMs, mbPerSecond };
  });
  return { inputs, inputsPerSecond, findingsInMix, pages };
}
