import { describe, expect, it } from 'vitest';
import { Memo } from './memo';

describe('Memo', () => {
  it('works each distinct text out once', () => {
    const seen: string[] = [];
    const memo = new Memo((text) => (seen.push(text), text.length));
    expect(['ab', 'abc', 'ab', 'ab', 'abc'].map((text) => memo.get(text))).toEqual([2, 3, 2, 2, 3]);
    expect(seen).toEqual(['ab', 'abc']);
  });

  it('holds at most LIMIT texts, and never a very long one', () => {
    let work = 0;
    const memo = new Memo((text) => (work++, text));
    for (let i = 0; i <= Memo.LIMIT; i++) memo.get(`line ${i}`);
    memo.get('line 0');
    expect(work).toBe(Memo.LIMIT + 2); // started again when full: line 0 was worked out anew
    const long = 'x'.repeat(5000);
    memo.get(long);
    memo.get(long);
    expect(work).toBe(Memo.LIMIT + 4);
  });
});
