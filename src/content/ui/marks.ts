// The stable hook for tests and teams' automation: a flagged element carries data-cartlint="banned|review";
// the attribute goes when the place is fixed, gone, or the page life ends.
import type { Spot } from '../page/scan';

export const MARK = 'data-cartlint';

export interface Marks {
  apply(spots: readonly Spot[]): void;
}

export function createMarks(signal: AbortSignal): Marks {
  let marked = new Set<HTMLElement>();
  signal.addEventListener(
    'abort',
    () => {
      marked.forEach((el) => el.removeAttribute(MARK));
      marked.clear();
    },
    { once: true },
  );
  return {
    apply(spots) {
      if (signal.aborted) return;
      const next = new Set<HTMLElement>();
      for (const { el, flag } of spots) {
        if (!flag) continue;
        next.add(el);
        if (el.getAttribute(MARK) !== flag) el.setAttribute(MARK, flag);
      }
      for (const el of marked) if (!next.has(el)) el.removeAttribute(MARK);
      marked = next;
    },
  };
}
