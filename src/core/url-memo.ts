// A bounded memo of analyzeUrl per raw URL string. The content script re-judges a page's text after every edit,
// and goods lists repeat links (the same shop, the same 淘客 page), so most URLs it meets were analysed moments
// ago. An analysis depends on the URL string alone, so a remembered one is exact; results are frozen because
// they are shared between calls.

import { analyzeUrl, type Analysis } from './url';

/** Enough for a long goods list's distinct links; a few hundred KB at most. */
export const URL_MEMO_SIZE = 2048;
/** Longer URLs are analysed afresh: they are rare, and keeping them would let one paste pin megabytes. */
const MAX_KEY = 512;

const memo = new Map<string, Analysis>();

export function analyzeUrlMemo(raw: string): Analysis {
  if (raw.length > MAX_KEY) return analyzeUrl(raw);
  let analysis = memo.get(raw);
  if (analysis === undefined) {
    analysis = analyzeUrl(raw);
    if (analysis !== null && typeof analysis === 'object') Object.freeze(analysis);
    // Oldest first out (a Map iterates in insertion order): bounded, and a page's current links stay.
    if (memo.size >= URL_MEMO_SIZE) memo.delete(memo.keys().next().value!);
    memo.set(ownCopy(raw), analysis);
  }
  return analysis;
}

/**
 * `raw` is usually a slice of the page text, and an engine may keep a slice as a view of its whole parent: a
 * remembered slice would pin every judged page's text. Joining and cutting makes a string of the URL's own.
 */
function ownCopy(raw: string): string {
  return ` ${raw}`.slice(1);
}

/** How many URLs are remembered (tests and the bench look). */
export function urlMemoSize(): number {
  return memo.size;
}

/** Forgets every URL: the bench measures cold analysis with it, tests compare cold and warm answers. */
export function clearUrlMemo(): void {
  memo.clear();
}
