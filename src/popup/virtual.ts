// Which rows of a long list to render: only those in view plus a few either side, so a list of thousands costs
// what a screenful costs. Rows have one fixed height; the list's full height is kept by its container.

export interface RowRange {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
}

export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  count: number,
  rowHeight: number,
  overscan = 6,
): RowRange {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + shown + overscan) };
}

/** The scrollTop that brings row `index` into view, moving as little as possible. */
export function scrollToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}
