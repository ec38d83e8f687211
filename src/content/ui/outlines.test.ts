// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOutlines } from './outlines';
import type { Spot } from '../page/scan';
import { createUiHost } from './host';

/** An IntersectionObserver the test drives: `report(el, true)` says the element scrolled into view. */
class FakeObserver {
  static last: FakeObserver;
  observed = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  report(target: Element, isIntersecting: boolean) {
    this.callback([{ target, isIntersecting } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}

let control = new AbortController();
afterEach(() => {
  control.abort();
  vi.unstubAllGlobals();
});

function placed(kind: Spot['kind'], top: number): Spot {
  const el = document.createElement('div');
  el.getBoundingClientRect = () => ({
    left: 0,
    top,
    width: 100,
    height: 20,
    right: 100,
    bottom: top + 20,
    x: 0,
    y: top,
    toJSON: () => ({}),
  });
  document.body.append(el);
  return {
    key: `${kind} ${top}`,
    kind,
    el,
    label: null,
    row: kind === 'row' ? 1 : null,
    text: '',
    judged: [],
    flag: 'banned',
  };
}

describe('outlines', () => {
  it('draws a flagged field at once, but a flagged row only once it is on screen', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    control = new AbortController();
    document.body.replaceChildren();
    const ui = createUiHost(document, control.signal);
    const outlines = createOutlines(ui, control.signal);
    const field = placed('field', 10);
    const row = placed('row', 40);
    outlines.update([field, row]);
    await vi.waitFor(() => expect(ui.shadow.querySelectorAll('.outline')).toHaveLength(1));
    expect(FakeObserver.last.observed.has(row.el)).toBe(true);

    FakeObserver.last.report(row.el, true);
    await vi.waitFor(() => expect(ui.shadow.querySelectorAll('.outline')).toHaveLength(2));

    row.flag = null; // fixed
    outlines.update([field, row]);
    await vi.waitFor(() => expect(ui.shadow.querySelectorAll('.outline')).toHaveLength(1));
    expect(FakeObserver.last.observed.has(row.el)).toBe(false);

    control.abort();
    expect(FakeObserver.last.observed.size).toBe(0);
  });

  it('looks only at the spots a slice re-judged, and drops gone places on the next full update', async () => {
    control = new AbortController();
    document.body.replaceChildren();
    const ui = createUiHost(document, control.signal);
    const outlines = createOutlines(ui, control.signal);
    const [a, b, c] = [placed('field', 10), placed('field', 40), placed('field', 70)];
    outlines.update([a, b]);
    await vi.waitFor(() => expect(ui.shadow.querySelectorAll('.outline')).toHaveLength(2));

    // A slice: c newly flagged, a fixed; b, not re-judged, keeps its outline.
    a.flag = null;
    outlines.update([a, b, c], [a, c]);
    await vi.waitFor(() => expect(ui.shadow.querySelectorAll('.outline')).toHaveLength(2));
    const tops = () =>
      [...ui.shadow.querySelectorAll<HTMLElement>('.outline')].map((box) => box.style.transform).sort();
    expect(tops()).toEqual(['translate(-2px, 38px)', 'translate(-2px, 68px)']);

    // A structural scan no longer finds b: the full update drops it.
    outlines.update([a, c]);
    await vi.waitFor(() => expect(tops()).toEqual(['translate(-2px, 68px)']));
  });
});
