// classify() throughput on one core: a realistic mix of 100,000 inputs, and page texts of 1 MB (a goods list
// with a link every few rows, and a link-dense paste). Prints figures against the targets; never fails.
import { classify } from '../src/core/extract';
import { mixedInputs, pageText } from './inputs';

export const TARGETS = { inputsPerSecond: 300_000, pageMs: 20 } as const;

export interface RecognitionResult {
  inputs: number;
  inputsPerSecond: number;
  findingsInMix: number;
  pages: Array<{ name: string; chars: number; ms: number; mbPerSecond: number; findings: number }>;
}

/**
 * Median CPU time of `rounds` runs of `work`, after `warmup` untimed ones (the JIT settles first). CPU time, not
 * wall time: on a shared 2-core machine other processes stretch wall time, not the work this core did.
 */
function medianMs(work: () => void, rounds: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) work();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

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
  );
  const inputsPerSecond = Math.round((inputs / mixMs) * 1000);
  log(`classify, mixed inputs: ${inputs.toLocaleString('en')} in ${mixMs.toFixed(1)} ms → ${inputsPerSecond.toLocaleString('en')} inputs/s (${findingsInMix} links found)`);
  log(`  target ≥ ${TARGETS.inputsPerSecond.toLocaleString('en')} inputs/s: ${inputsPerSecond >= TARGETS.inputsPerSecond ? 'met' : 'NOT met'}`);

  const pages = [
    { name: 'goods list page, a link every 8 rows', text: pageText(1_000_000, 8) },
    { name: 'link-dense paste, a link every row', text: pageText(1_000_000, 1, 3) },
  ].map(({ name, text }) => {
    let findings = 0;
    const ms = medianMs(() => (findings = classify(text).length), 9, 5);
    const mbPerSecond = text.length / 1_000_000 / (ms / 1000);
    log(`classify, ${name}: ${(text.length / 1_000_000).toFixed(2)} M chars in ${ms.toFixed(1)} ms → ${mbPerSecond.toFixed(1)} MB/s (${findings} links)`);
    log(`  target 1 MB < ${TARGETS.pageMs} ms: ${ms < TARGETS.pageMs ? 'met' : 'NOT met'}`);
    return { name, chars: text.length, ms, mbPerSecond, findings };
  });
  return { inputs, inputsPerSecond, findingsInMix, pages };
}
