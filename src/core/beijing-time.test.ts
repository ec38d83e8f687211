import { describe, expect, it } from 'vitest';
import { beijingDateTime, beijingDay, beijingMidnight } from './beijing-time';

describe('Beijing time', () => {
  it('takes the day in UTC+8, not the machine zone', () => {
    expect(beijingDay(new Date('2022-02-28T15:59:59Z'))).toBe('2022-02-28');
    expect(beijingDay(new Date('2022-02-28T16:00:00Z'))).toBe('2022-03-01');
  });
  it('reads a day as Beijing midnight and refuses impossible days', () => {
    expect(beijingMidnight('2022-03-01')?.toISOString()).toBe('2022-02-28T16:00:00.000Z');
    expect(beijingMidnight('2022-02-30')).toBeNull();
    expect(beijingMidnight('2022-3-1')).toBeNull();
  });
  it('prints midnight as a day and other times with the clock', () => {
    expect(beijingDateTime('2022-03-01T00:00:00+08:00')).toBe('2022-03-01');
    expect(beijingDateTime('2022-10-28T04:30:00Z')).toBe('2022-10-28 12:30');
  });
});
