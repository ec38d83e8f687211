// Whole-process throughput of the built CLI (dist/cli/cartlint.js) on 100,000 mixed inputs, next to the naive
// URL-regex script (bench/naive-url.mjs) run in the same bench, as a ratio. Runs alternate (naive, classify, check,
// naive, …) so a busy machine slows them alike; each run is pinned to one core when `taskset` is there. The
// figure is CPU time (user + system) of the child, from /usr/bin/time when there, else wall time.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mixedInputs } from './inputs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'cartlint.js');
const NAIVE = join(ROOT, 'bench', 'naive-url.mjs');
export const CLI_TARGET_RATIO = 2;

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

function seconds(args: string[], pin: boolean, time: boolean): number {
  const command = [...(pin ? ['taskset', '-c', '0'] : []), process.execPath, ...args];
  if (time) {
    const run = spawnSync('/usr/bin/time', ['-f', '%U %S', ...command], { stdio: ['ignore', 'ignore', 'pipe'] });
    const last = run.stderr.toString().trim().split('\n').at(-1)!;
    const [user, system] = last.split(' ').map(Number);
    return user! + system!;
  }
  const start = process.hrtime.bigint();
  spawnSync(command[0]!, command.slice(1), { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export interface CliResult {
  naive: number;
  classify: number;
  check: number;
}

export function runCliBench(log: (line: string) => void, rounds = 5, inputs = 100_000): CliResult | undefined {
  if (!existsSync(CLI)) {
    log('dist/cli/cartlint.js is missing: run `npm run build` first; skipped');
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cartlint-bench-'));
  try {
    const file = join(dir, 'mixed.txt');
    writeFileSync(
      file,
      `${mixedInputs(inputs)
        .map((text) => text.replace(/[\r\n]+/g, ' '))
        .join('\n')}\n`,
    );
    const pin = has('taskset');
    const time = existsSync('/usr/bin/time');
    execFileSync(process.execPath, [CLI, '--help'], { stdio: 'ignore' }); // warm the file cache
    const runs: Record<keyof CliResult, number[]> = { naive: [], classify: [], check: [] };
    for (let round = 0; round < rounds; round++) {
      runs.naive.push(seconds([NAIVE, file], pin, time));
      runs.classify.push(seconds([CLI, 'classify', file], pin, time));
      runs.check.push(
        seconds([CLI, 'check', '-p', 'kuaishou', '-s', 'live-cart', '-d', '2024-01-01', file], pin, time),
      );
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    const result = { naive: median(runs.naive), classify: median(runs.classify), check: median(runs.check) };
    log(
      `${inputs.toLocaleString('en')} inputs, ${rounds} alternating rounds, ${time ? 'CPU' : 'wall'} seconds${pin ? ', one core' : ''}; median (range)`,
    );
    for (const name of ['naive', 'classify', 'check'] as const) {
      const values = runs[name];
      const ratio = name === 'naive' ? '' : `  ${(result.naive / result[name]).toFixed(2)}× the naive script`;
      log(
        `  ${name.padEnd(9)} ${result[name].toFixed(2)} s (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})  ${Math.round(inputs / result[name] / 1000)}k inputs/s${ratio}`,
      );
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
