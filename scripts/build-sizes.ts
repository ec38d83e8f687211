// What the build prints after writing: every shipped file with its size and gzipped size, and the size budgets
// from the extension issue checked against those numbers (not timings: these cannot flake).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  /** Path relative to the folder measured, with forward slashes. */
  file: string;
  bytes: number;
  gzip: number;
}

export interface Budget {
  file: string;
  maxGzip: number;
  why: string;
}

/** Issue 3: "Content script under 30 KB gzipped" — it is injected into every dashboard page load. */
export const BUDGETS: Budget[] = [{ file: 'content.js', maxGzip: 30 * 1024, why: 'content script budget (issue 3)' }];

export function measure(bytes: Uint8Array, file: string): FileSize {
  return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Every file under `dir`, sorted by path. */
export function measureDir(dir: string): FileSize[] {
  const files: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(dir);
  return files
    .map((path) => measure(readFileSync(path), relative(dir, path).split(sep).join('/')))
    .sort((a, b) => a.file.localeCompare(b.file));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A right-aligned plain-text table (build logs are read in CI, no colours). */
export function sizeTable(title: string, sizes: FileSize[]): string {
  const rows = sizes.map((s) => [s.file, kb(s.bytes), kb(s.gzip)]);
  const total = sizes.reduce((sum, s) => ({ bytes: sum.bytes + s.bytes, gzip: sum.gzip + s.gzip }), {
    bytes: 0,
    gzip: 0,
  });
  rows.push(['total', kb(total.bytes), kb(total.gzip)]);
  const header = ['file', 'size', 'gzip'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [title, line(header), ...rows.map(line)].join('\n');
}

/** One message per budget broken; a budgeted file that is missing is a failure too, not a pass. */
export function overBudget(sizes: FileSize[], budgets: Budget[] = BUDGETS): string[] {
  return budgets.flatMap((budget) => {
    const size = sizes.find((s) => s.file === budget.file);
    if (!size) return [`${budget.file}: missing, cannot check the ${budget.why}`];
    return size.gzip > budget.maxGzip
      ? [`${budget.file}: ${kb(size.gzip)} gzipped exceeds the ${budget.why} of ${kb(budget.maxGzip)}`]
      : [];
  });
}
