import { describe, expect, it } from 'vitest';
import { scrollToShow, visibleRows } from './virtual';

describe('visibleRows', () => {
  it('renders the rows in view and a few either side, never past the ends', () => {
    expect(visibleRows(0, 300, 2000, 30, 2)).toEqual({ start: 0, end: 13 });
    expect(visibleRows(3000, 300, 2000, 30, 2)).toEqual({ start: 98, end: 113 });
    expect(visibleRows(59_700, 300, 2000, 30, 2)).toEqual({ start: 1988, end: 2000 });
    expect(visibleRows(0, 300, 4, 30)).toEqual({ start: 0, end: 4 });
  });

  it('stays sane on a negative scroll (overscroll bounce) and an unmeasured viewport', () => {
    expect(visibleRows(-40, 300, 100, 30, 0)).toEqual({ start: 0, end: 11 });
    expect(visibleRows(0, 0, 100, 30, 0)).toEqual({ start: 0, end: 1 });
  });
});

describe('scrollToShow', () => {
  it('scrolls as little as brings the row into view', () => {
    expect(scrollToShow(5, 0, 300, 30)).toBe(0);
    expect(scrollToShow(10, 0, 300, 30)).toBe(30);
    expect(scrollToShow(2, 300, 300, 30)).toBe(60);
  });
});
