import { describe, expect, it } from 'vitest';
import { liftPage, squeeze } from './build';

describe('liftPage', () => {
  it('points a page moved up from popup/ at ./assets/, and leaves other URLs alone', () => {
    const html = [
      '<script type="module" crossorigin src="../assets/popup.js"></script>',
      "<link rel='stylesheet' href='../assets/shared.css'>",
      '<a href="../other.html">x</a>',
      '<p>../assets/ in text</p>',
    ].join('\n');
    expect(liftPage(html).split('\n')).toEqual([
      '<script type="module" crossorigin src="./assets/popup.js"></script>',
      "<link rel='stylesheet' href='./assets/shared.css'>",
      '<a href="../other.html">x</a>',
      '<p>../assets/ in text</p>',
    ]);
  });
});

describe('squeeze', () => {
  it('writes ASCII alone, with the same strings and patterns', async () => {
    const code = 'globalThis.out = ["小黄车（$1）", /^[￥¥]\\p{Script=Han}+|😀/u.test("￥淘宝"), /😀/u.test("😀")];';
    const squeezed = await squeeze(code);
    expect(squeezed).toMatch(/^[\x20-\x7e]*$/);
    const run = (js: string) => new Function(`${js}; return globalThis.out;`)() as unknown;
    expect(run(squeezed)).toEqual(run(code));
  });
});
