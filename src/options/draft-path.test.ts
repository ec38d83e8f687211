import { describe, expect, it } from 'vitest';
import { getIn, setIn } from './draft-path';

describe('draft paths', () => {
  it('reads deep fields and survives any JSON on the way', () => {
    const draft = { announcement: { reports: [{ name: 'a' }] }, summary: 5 };
    expect(getIn(draft, ['announcement', 'reports', 0, 'name'])).toBe('a');
    expect(getIn(draft, ['summary', 'zh'])).toBeUndefined();
    expect(getIn(null, ['x'])).toBeUndefined();
  });
  it('writes a copy, creating objects and arrays, and removes a field set to undefined', () => {
    const draft = { id: 'MY-1', until: '2024-01-01' };
    const next = setIn(draft, ['announcement', 'reports', 0, 'url'], 'https://example.com');
    expect(next).toEqual({
      id: 'MY-1',
      until: '2024-01-01',
      announcement: { reports: [{ url: 'https://example.com' }] },
    });
    expect(draft).toEqual({ id: 'MY-1', until: '2024-01-01' });
    expect(setIn(draft, ['until'], undefined)).toEqual({ id: 'MY-1' });
  });
});
