import { describe as group, expect, it } from 'vitest';
import { describe, isObject, pathText } from './guards';

group('guards', () => {
  it('counts only plain objects as objects', () => {
    expect([{}, { a: 1 }].every(isObject)).toBe(true);
    expect([null, [], 'x', 1, undefined].some(isObject)).toBe(false);
  });

  it('describes a value as an error message shows it, a long text cut short', () => {
    expect([null, [], {}, 'x', 7, undefined].map(describe)).toEqual([
      'null',
      'an array',
      'an object',
      '"x"',
      'number 7',
      'undefined undefined',
    ]);
    expect(describe('a'.repeat(1000))).toBe(`"${'a'.repeat(80)}…"`);
  });

  it('writes a field path as people do', () => {
    expect(pathText(['exceptions', 0, 'until'])).toBe('exceptions[0].until');
    expect(pathText([])).toBe('');
  });
});
