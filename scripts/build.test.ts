import { describe, expect, it } from 'vitest';
import { liftPage } from './build';

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
