import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from '../rules/index';
import { findRule } from './decide';
import { evidenceLine, evidenceOf, isInferred } from './evidence';

const evidence = (id: string) => {
  const found = findRule(BUILT_IN_RULES, id)!;
  return evidenceOf(found.rule, found.exception);
};

describe('evidence', () => {
  it('says when a rule was last reported, in both languages', () => {
    expect(evidenceLine('en', evidence('DY-6'))).toBe('Last reported 2025-10-07 (zwkt.com.cn); no report since.');
    expect(evidenceLine('zh', evidence('DY-6'))).toBe('最近一次报道：2025-10-07（zwkt.com.cn），此后未见报道。');
    expect(isInferred(evidence('DY-6'))).toBe(false);
  });

  it('labels an inferred state and an estimated date, and an exception falls back on its rule’s report', () => {
    const ks6 = evidence('KS-6-tmall');
    expect(ks6.lastReport?.date).toBe('2022-10-20');
    expect(evidenceLine('en', evidence('KS-4'))).toMatch(
      /^Last reported 2022-10-20 .*; no report since\. Inferred: After/,
    );
    expect(evidenceLine('en', evidence('DY-0-taobao'))).toContain('2020-08-20 is an estimate.');
    expect(isInferred(evidence('DY-0-taobao'))).toBe(true);
  });

  it('says so when no dated report is on record', () => {
    expect(evidenceLine('en', evidence('XHS-3'))).toBe('No dated report on record.');
  });

  it('gives every shipped rule but one a dated last report', () => {
    expect(BUILT_IN_RULES.filter((rule) => !rule.lastReport).map((rule) => rule.id)).toEqual(['XHS-3']);
  });
});
