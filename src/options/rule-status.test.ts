import { describe, expect, it } from 'vitest';
import { ruleStatus } from './rule-status';

const rule = { from: '2022-03-01T00:00:00+08:00', until: '2023-01-01T00:00:00+08:00' };

describe('ruleStatus', () => {
  it('is upcoming until the Beijing start instant, in force from it, ended from the exclusive end', () => {
    expect(ruleStatus(rule, new Date('2022-02-28T15:59:59Z'))).toBe('upcoming');
    expect(ruleStatus(rule, new Date('2022-02-28T16:00:00Z'))).toBe('in-force');
    expect(ruleStatus(rule, new Date('2022-12-31T15:59:59Z'))).toBe('in-force');
    expect(ruleStatus(rule, new Date('2022-12-31T16:00:00Z'))).toBe('ended');
  });
  it('keeps an open-ended rule in force', () => {
    expect(ruleStatus({ from: rule.from }, new Date('2099-01-01T00:00:00Z'))).toBe('in-force');
  });
});
