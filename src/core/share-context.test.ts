// ShareTagFinder is shareTagBefore made cheap for links met in text order: it must give the same tag at every
// position, in order or not, on real share texts and on random ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS_INPUTS as corpus } from '../../test/support/corpus';
import { ShareTagFinder, shareTagBefore } from './share-context';

const PIECES = [
  '【淘宝】',
  '【京东】',
  '【闲鱼】',
  '【拼多多】百亿补贴 ',
  '】',
  '【',
  ' ',
  '  ',
  '16:06',
  'https://m.tb.cn/h.x',
  '中文',
  'a',
  '\n',
];
const piecesText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 })
  .map((p) => p.join(''));

describe('ShareTagFinder', () => {
  it('finds what shareTagBefore finds at every position of every corpus line, asked in order', () => {
    for (const line of corpus) {
      const finder = new ShareTagFinder(line);
      for (let at = 0; at <= line.length; at++) expect(finder.before(at)).toEqual(shareTagBefore(line, at));
    }
  });

  it('finds what shareTagBefore finds on random texts, positions asked in any order', () => {
    fc.assert(
      fc.property(piecesText, fc.array(fc.nat(), { maxLength: 30 }), (text, picks) => {
        const finder = new ShareTagFinder(text);
        const ordered = picks.map((p) => p % (text.length + 1)).sort((a, b) => a - b);
        for (const at of ordered) expect(finder.before(at)).toEqual(shareTagBefore(text, at));
        const again = new ShareTagFinder(text);
        for (const pick of picks) {
          const at = pick % (text.length + 1);
          expect(again.before(at)).toEqual(shareTagBefore(text, at));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds a tag well past the first 】 of a long page', () => {
    const text = `${'【其他】商品 '.repeat(50)}${'一'.repeat(500)}【淘宝】https://m.tb.cn/h.abc`;
    const at = text.indexOf('https');
    const tag = new ShareTagFinder(text).before(at);
    expect(tag?.name).toBe('淘宝');
    expect(tag?.start).toBe(at - '【淘宝】'.length);
  });
});
