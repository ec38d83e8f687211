// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { anyClassToken, defineAdapter, type PageCues, surfaceWhen } from './define';

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

describe('class prefixes', () => {
  it('widens [class^="x"] to a class token starting with x anywhere in the attribute', () => {
    expect(anyClassToken('div[class^="goodsItem"]')).toBe('div:is([class^="goodsItem"],[class*=" goodsItem"])');
    expect(anyClassToken('.cell-note-item')).toBe('.cell-note-item');
    document.body.innerHTML = `
      <div class="vue-recycle-scroller ready list-container--Vr8"><div class="list-item--a1">A</div>
        <div class="ant-list-item list-item-title">B</div><div class="my-list-item">C</div></div>`;
    const rows = document.querySelectorAll(anyClassToken('[class^="list-container"] [class^="list-item"]'));
    expect(Array.from(rows, (row) => row.textContent)).toEqual(['A', 'B']);
  });

  it('applies to every adapter’s rows and surface cues', () => {
    const adapter = defineAdapter({
      id: 'x',
      platform: 'kuaishou',
      host: 'example.com',
      paths: ['/'],
      surface: surfaceWhen('live-cart', { has: ['[class^="goodsPanel"]'] }),
      rowSelectors: ['[class^="goods-card"]'],
      submitLabels: [],
    });
    expect(adapter.rowSelectors).toEqual([':is([class^="goods-card"],[class*=" goods-card"])']);
    const asked: string[] = [];
    adapter.surface({ path: '/', says: () => false, has: (selector) => (asked.push(selector), false) });
    expect(asked).toEqual([':is([class^="goodsPanel"],[class*=" goodsPanel"])']);
  });
});
