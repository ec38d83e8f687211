import { describe, expect, it } from 'vitest';
import { type PageCues, surfaceWhen } from './define';

/** A page that shows `elements` and `labels`, and records which label lists it was asked about. */
function page(elements: string[], labels: string[]) {
  const asked: (readonly string[])[] = [];
  const cues: PageCues = {
    path: '/',
    has: (selector) => elements.includes(selector),
    says: (wanted) => {
      asked.push(wanted);
      return wanted.some((label) => labels.includes(label));
    },
  };
  return { cues, asked };
}

describe('surfaceWhen', () => {
  const liveCart = surfaceWhen('live-cart', { has: ['#goods', '.cart'], says: ['直播商品'] });

  it('is the surface when one element or one label is there, and unknown when none is', () => {
    expect(liveCart(page(['.cart'], []).cues)).toBe('live-cart');
    expect(liveCart(page([], ['直播商品']).cues)).toBe('live-cart');
    expect(liveCart(page(['#other'], ['发布笔记']).cues)).toBe('unknown');
  });

  it('does not search the labels when no label is named', () => {
    const { cues, asked } = page([], ['直播商品']);
    expect(surfaceWhen('note', { has: ['#post-textarea'] })(cues)).toBe('unknown');
    expect(asked).toEqual([]);
  });
});
