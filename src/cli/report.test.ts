import { describe, expect, it } from 'vitest';
import { HeldBytes } from './report';

describe('HeldBytes', () => {
  it('hands over exactly the bytes pushed, past its first buffer, and starts afresh', () => {
    const held = new HeldBytes();
    const part = Buffer.from('{"input":"淘宝 ￥AbCd1234￥","line":');
    let expected = '';
    for (let line = 1; line <= 5000; line++) {
      held.push(part);
      held.pushInteger(line);
      held.push(Buffer.from('}\n'));
      expected += `${part.toString()}${line}}\n`;
    }
    const first = held.take();
    expect(first.length).toBeGreaterThan(1 << 16);
    expect(first.toString('utf8')).toBe(expected);
    held.push(Buffer.from('next'));
    expect(held.take().toString()).toBe('next');
    // What was handed over is not written over by what came after.
    expect(first.toString('utf8')).toBe(expected);
    expect(held.take().length).toBe(0);
  });

  it('writes whole numbers in decimal, at every digit count', () => {
    const held = new HeldBytes();
    const numbers = [0, 7, 9, 10, 99, 100, 1009, 2 ** 31, 2 ** 53 - 1];
    for (const n of numbers) {
      held.pushInteger(n);
      held.push(Buffer.from(','));
    }
    expect(held.take().toString()).toBe(numbers.map((n) => `${n},`).join(''));
  });
});
