// Findings of classify() after checking the contract every finding keeps: its text is the original input's
// slice, findings are ordered and never overlap.
import { expect } from 'vitest';
import { classify } from '../../src/core/extract';
import type { LinkFinding } from '../../src/core/types';

export function findLinks(input: string): LinkFinding[] {
  const findings = classify(input);
  let previousEnd = 0;
  for (const f of findings) {
    expect(f.text).toBe(input.slice(f.start, f.end));
    expect(f.start).toBeGreaterThanOrEqual(previousEnd);
    expect(f.end).toBeGreaterThan(f.start);
    previousEnd = f.end;
  }
  return findings;
}

/** `[source, affiliate]` of each finding, for compact expectations. */
export const sourcesOf = (input: string) => findLinks(input).map((f) => [f.source, f.affiliate] as const);
