// A bounded memo of analyzeUrl per raw URL string. The content script re-judges a page's text after every edit,
// and goods lists repeat links (the same shop, the same 淘客 page), so most URLs it meets were analysed moments
// ago. An analysis depends on the URL string alone, so a remembered one is exact; results are frozen because
// they are shared between calls.

import { ownCopy } from './own-copy';
import { analyzeUrl, type Analysis } from './url-analyze';

/** URLs per generation; at most twice this many are remembered (a few hundred KB at most). */
export const URL_MEMO_SIZE = 1024;
/** Longer URLs are analysed afresh: they are rare, and keeping them would let one paste pin megabytes. */
const MAX_KEY = 512;
/** Texts up to this long may be kept whole by a remembered slice of them (a page's few KB); longer ones are not. */
const SMALL_TEXT = 4096;

// Two generations instead of least-recently-used bookkeeping: new URLs go to `young`; when it is full it becomes
// `old` and the previous `old` is dropped. A URL met again while old moves back to young, so a page's links
// stay while it is re-judged. No per-insert eviction work.
let young = new Map<string, Analysis>();
let old = new Map<string, Analysis>();

/** analyzeUrl(raw), remembered. `textLength`: the length of the text `raw` was cut from, if it was. */
export function analyzeUrlMemo(raw: string, textLength = 0): Analysis {
  if (raw.length > MAX_KEY) return analyzeUrl(raw);
  let analysis = young.get(raw);
  if (analysis !== undefined) return analysis;
  analysis = old.get(raw);
  if (analysis === undefined) {
    analysis = analyzeUrl(raw);
    if (analysis !== null && typeof analysis === 'object') Object.freeze(analysis);
  }
  if (young.size >= URL_MEMO_SIZE) {
    old = young;
    young = new Map();
  }
  young.set(textLength > SMALL_TEXT ? ownCopy(raw) : raw, analysis);
  return analysis;
}

/** How many URLs are remembered (tests and the bench look). */
export function urlMemoSize(): number {
  return young.size + old.size;
}

/** Forgets every URL: the bench measures cold analysis with it, tests compare cold and warm answers. */
export function clearUrlMemo(): void {
  young = new Map();
  old = new Map();
}
