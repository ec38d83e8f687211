import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

  it('keeps its own copy of a text, not the long text it was cut from', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const kept: string[] = [];
    const memo = new Memo((text) => (kept.push(text), text.length));
    gc();
    const before = process.memoryUsage().heapUsed;
    // 40 chunks of 2 MB each, a distinct line cut from each, as lineBatches cuts lines from what it reads.
    for (let i = 0; i < 40; i++) {
      const chunk = `${'商品'.repeat(500_000)}\n商品 ${i} https://item.jd.com/${i}.html\n${'x'.repeat(i)}`;
      memo.get(chunk.split('\n')[1]!);
    }
    gc();
    expect(kept).toHaveLength(40);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(16 * 1024 * 1024); // the chunks: 80 MB
  });
});
