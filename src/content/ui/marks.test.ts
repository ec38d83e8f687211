// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createMarks, MARK } from './marks';
import type { Spot } from '../page/scan';

function spot(el: HTMLElement, flag: Spot['flag']): Spot {
  return { key: el.id, kind: 'field', el, label: null, row: null, text: '', judged: [], flag };
}

describe('data-cartlint marks', () => {
  it('marks flagged places with their verdict, and removes the mark when fixed, gone or torn down', () => {
    document.body.replaceChildren();
    const [a, b, c] = ['a', 'b', 'c'].map((id) => Object.assign(document.createElement('input'), { id }));
    document.body.append(a!, b!, c!);
    const control = new AbortController();
    const marks = createMarks(control.signal);

    marks.apply([spot(a!, 'banned'), spot(b!, 'review'), spot(c!, null)]);
    expect([a, b, c].map((el) => el!.getAttribute(MARK))).toEqual(['banned', 'review', null]);

    marks.apply([spot(a!, null), spot(b!, 'banned')]); // a fixed; c gone from the page's places
    expect([a, b, c].map((el) => el!.getAttribute(MARK))).toEqual([null, 'banned', null]);

    control.abort();
    expect(b!.hasAttribute(MARK)).toBe(false);
    marks.apply([spot(a!, 'banned')]);
    expect(a!.hasAttribute(MARK)).toBe(false);
  });
});
