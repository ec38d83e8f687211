// Judges what the operator can put in a cart and keeps it judged as the page changes: the places `places.ts` finds
// (fields and list rows, in the document, open shadow roots and same-origin iframes), each a Spot with its text and
// verdicts. Typing and paste re-judge only that field on the next frame; React-style re-renders and list updates
// trigger a structural rescan; `schedule.ts` says when. Judging is time-sliced: a scan judges fields and as many
// rows as fit in FIRST_PASS_MS, and the rest of a long list in further slices, so a 2,000-row cart never blocks
// the page in one long task.
import type { Adapter } from '../../dashboards/define';
import type { Decision, JudgedLink, LinkFinding } from '../../core/types';
import { type Flag, worstFlag } from '../../core/judge';
import { findBadges } from './badges';
import { fieldText, findFields, findRows, hasValue, isTextField, placeSelectors, rowText } from './places';
import { collectRoots, isOurs, type Root } from './roots';
import { createSchedule, guarded } from './schedule';

export interface Judges {
  /** Every commerce link in a text, with its verdict. */
  text(text: string): JudgedLink[];
  /** The verdict on a source badge. */
  badge(link: LinkFinding): Decision;
}

/** One watched place on the page: a field or a list row. */
export interface Spot {
  /** Stable within a page life, even when the page re-renders the element: "field #id", "row 3". */
  key: string;
  kind: 'field' | 'row';
  el: HTMLElement;
  /** A field's placeholder / aria-label / label text; null for rows and unlabelled fields. */
  label: string | null;
  /** 1-based row number for rows. */
  row: number | null;
  text: string;
  judged: JudgedLink[];
  flag: Flag | null;
  /** A row the page numbers itself (data-index): an item of the list, not a node. */
  indexed?: boolean;
}

export interface ScannerOptions {
  doc: Document;
  adapter: Adapter;
  judges: Judges;
  signal: AbortSignal;
  /**
   * After every change of what is judged, with every spot (flagged or not), and `changed`, the spots re-judged
   * when only they can differ (a frame's touched fields, a slice of rows); absent after a structural scan.
   */
  onChange(spots: readonly Spot[], changed?: readonly Spot[]): void;
  /** Roots seen for the first time (the overlay and the guard listen on them too). */
  onRoots?(roots: readonly Root[]): void;
  /** When the rows a scan left for later slices are all judged (not called when nothing was left). */
  onSettled?(): void;
  /** At the start of every structural scan, before anything is judged: the page's cues may have changed. */
  onScan?(roots: readonly Root[]): void;
  /** How often to re-read input values that script may set without events. */
  pollMs?: number;
  /** Fewest milliseconds between two structural rescans. */
  rescanMs?: number;
}

export interface Scanner {
  /** Find every field and row again and judge what changed (synchronous). */
  scanAll(): void;
  spots(): readonly Spot[];
  /** Rows of a virtualised list scrolled out of view: their nodes were recycled for other rows, but the operator
   *  has the goods in the list all the same, so their verdicts still count (until the judges change). Never drawn:
   *  `el` shows another row. */
  scrolledPast(): readonly Spot[];
  roots(): readonly Root[];
  /** Rows are still waiting for a judging slice. */
  busy(): boolean;
  /** Forget every verdict (the judges changed: config, surface); the next scan judges everything again. */
  invalidate(): void;
}

const CACHE_LIMIT = 5000;
/** A spot's text before it was read: never a page's text, so the first read always judges. */
const UNREAD = '\u0000';
/** Most milliseconds of row judging per later task. */
const SLICE_MS = 6;
/** The first pass judges rows for this long, counted from its first row, and at least FIRST_ROWS of them: finding
 *  every place of a 2,000-row list takes 10 ms and more of its own, and a deadline counted from the scan's start
 *  left no time for the first rows, the ones in view when a cart lands, which then waited for the page's own
 *  layout and a later slice. */
const FIRST_PASS_MS = 4;
/** A screenful of rows (a cart shows 20 to 35). The first rows of a page life are judged by code not yet
 *  optimised: 0.15–0.25 ms a row in both browsers on the CI machine, and a 6 ms cap left Firefox's rows in view of
 *  a 2,000-row cart to the second frame. Rows that cost far more (a heavy page) stop the pass at FIRST_PASS_MAX_MS,
 *  a frame, all the same: the pass shares its frame with the page's own layout of what just landed. */
const FIRST_ROWS = 40;
const FIRST_PASS_MAX_MS = 16;
const MEASURE_LIMIT = 300;
/** Most scrolled-past rows remembered (a day-long live session scrolling a 2,000-item list stays far below). */
const SCROLLED_PAST_LIMIT = 20_000;
/** A list that does not number its rows (vue-virtual-scroller, rc-virtual-list) recycles them as it scrolls: a row
 *  whose links change this soon after a scroll showed an item the operator scrolled past. */
const RECYCLED_MS = 1000;
/** Scrolled-past items of such lists are known by their text (a key no place has). */
const BY_TEXT = '\u0000';

export function createScanner(options: ScannerOptions): Scanner {
  const { doc, adapter, judges, signal, onChange } = options;
  const win = doc.defaultView!;
  const selectors = placeSelectors(adapter);

  let roots: Root[] = [];
  const knownRoots = new WeakSet<Root>();
  let spots: Spot[] = [];
  const spotOf = new WeakMap<Element, Spot>();
  /** Rows the last scan had no time left for, judged in slices on later tasks. */
  const backlog = new Set<Spot>();
  const cache = new Map<string, JudgedLink[]>();
  const scrolledPast = new Map<string, Spot>();
  let lastScan = -Infinity;
  let scrolledAt = -Infinity;
  let recycled = 0;
  const linksOf = (judged: JudgedLink[]) => judged.map(({ link }) => link.text).join('\n');

  const judgeCached = (key: string, compute: () => JudgedLink[]): JudgedLink[] => {
    let judged = cache.get(key);
    if (!judged) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      judged = compute();
      cache.set(key, judged);
    }
    return judged;
  };
  const judgeField = (text: string) => (text.trim() ? judgeCached(`f\u0000${text}`, () => judges.text(text)) : []);
  const judgeRow = (row: HTMLElement, text: string) =>
    judgeCached(`r\u0000${text}`, () => [
      ...judges.text(text),
      ...findBadges(row, text).map((link) => ({ link, decision: judges.badge(link) })),
    ]);

  /** Re-read one spot; true when its judgement changed. */
  const refresh = (spot: Spot): boolean => {
    const text = spot.kind === 'field' ? fieldText(spot.el) : rowText(spot.el);
    if (text === spot.text) return false;
    const judged = spot.kind === 'field' ? judgeField(text) : judgeRow(spot.el, text);
    if (spot.kind === 'row' && !spot.indexed) {
      if (scrolledPast.size) scrolledPast.delete(BY_TEXT + text); // on screen again: counted from its node
      if (spot.text !== UNREAD) rememberRecycled(spot, judged);
    }
    const changed = judged !== spot.judged;
    spot.text = text;
    spot.judged = judged;
    spot.flag = worstFlag(judged);
    return changed;
  };

  const schedule = createSchedule<Spot>({
    win,
    signal,
    rescanMs: options.rescanMs,
    pollMs: options.pollMs,
    scan: scanAll,
    flush(touched) {
      const changed = touched.filter((spot) => spot.el.isConnected && refresh(spot));
      if (changed.length) onChange(spots, changed);
    },
    slice: judgeSlice,
    // Script-set values fire no event: compare them now and then. Gone elements mean the page re-rendered.
    poll() {
      for (const spot of spots) {
        if (!spot.el.isConnected) return schedule.rescan();
        if (spot.kind === 'field' && hasValue(spot.el) && spot.el.value !== spot.text) schedule.touch(spot);
      }
    },
  });

  // --- watching the page -----------------------------------------------------------------------------------
  const fieldObserver = new win.MutationObserver((records) => {
    for (const record of records) {
      const target = record.target instanceof win.Element ? record.target : record.target.parentElement;
      const field = target?.closest(selectors.field);
      const spot = field && spotOf.get(field);
      if (spot) schedule.touch(spot);
    }
  });
  const structureObserver = new win.MutationObserver((records) => {
    for (const record of records) {
      // Frameworks recycle a list's row nodes and may write the next goods' text into their text nodes in place.
      const row =
        record.type === 'characterData' && selectors.row ? record.target.parentElement?.closest(selectors.row) : null;
      const spot = row && spotOf.get(row);
      if (spot) schedule.touch(spot);
      else if (row || (record.type === 'childList' && isRelevant(record))) return schedule.rescan();
    }
  });
  signal.addEventListener('abort', () => {
    fieldObserver.disconnect();
    structureObserver.disconnect();
  });

  function isRelevant(record: MutationRecord): boolean {
    if (isOurs(record.target)) return false;
    const target = record.target as Element;
    if (selectors.row && target.closest?.(selectors.row)) return true;
    const touches = (node: Node) =>
      node.nodeType === 1 &&
      ((node as Element).matches(selectors.relevant) || (node as Element).querySelector(selectors.relevant) !== null);
    return Array.from(record.addedNodes).some(touches) || Array.from(record.removedNodes).some(touches);
  }

  function watchRoot(root: Root) {
    knownRoots.add(root);
    const onEvent = (event: Event) => {
      const target = event.composedPath()[0];
      if (!(target instanceof Element) || isOurs(target)) return;
      const field = target.closest(selectors.field);
      // A number, password or checkbox input is never a field the scan keeps: typing in it must not rescan.
      if (!field || !isTextField(field)) return;
      const spot = spotOf.get(field);
      if (spot) schedule.touch(spot);
      else schedule.rescan(); // a field we have not seen yet
    };
    // Scroll events do not bubble; captured at the root, they tell a list's scroll from an edit of its rows.
    root.addEventListener('scroll', () => (scrolledAt = win.performance.now()), {
      capture: true,
      passive: true,
      signal,
    });
    for (const type of ['input', 'paste', 'change', 'focusin']) {
      root.addEventListener(type, onEvent, { capture: true, passive: true, signal });
    }
    structureObserver.observe(root, { childList: true, characterData: true, subtree: true });
  }

  function rememberScrolledPast(key: string, spot: Spot) {
    if (scrolledPast.size < SCROLLED_PAST_LIMIT) scrolledPast.set(key, spot);
  }
  /** An unnumbered row gone, or about to show `next` (other links: not a countdown ticking), just after a scroll:
   *  the item it showed, by its text. */
  function rememberRecycled(spot: Spot, next?: JudgedLink[]) {
    if (spot.kind !== 'row' || !spot.judged.length || win.performance.now() - scrolledAt >= RECYCLED_MS) return;
    if (!next || linksOf(next) !== linksOf(spot.judged))
      rememberScrolledPast(BY_TEXT + spot.text, { ...spot, key: `${spot.key}~${++recycled}` });
  }

  // --- judging ---------------------------------------------------------------------------------------------
  function scanAll() {
    if (signal.aborted) return;
    lastScan = win.performance.now();
    schedule.scanned(lastScan);
    roots = collectRoots(doc);
    const fresh = roots.filter((root) => !knownRoots.has(root));
    fresh.forEach(watchRoot);
    if (fresh.length) options.onRoots?.(fresh);
    options.onScan?.(roots);

    const previous = new Map(spots.map((spot) => [spot.key, spot]));
    const next: Spot[] = [];
    let changed = false;
    const place = (el: HTMLElement, kind: Spot['kind'], key: string, label: string | null, row: number | null) => {
      let spot = previous.get(key) ?? scrolledPast.get(key);
      scrolledPast.delete(key);
      if (spot && spot.el !== el) {
        spot.el = el; // the page re-rendered the element: same place, new node
        // A field's verdicts are read again from the new node; a row's are its text's, which refresh compares
        // with what the place showed (a list that mounts new rows as it scrolls shows other items).
        if (kind === 'field') spot.text = UNREAD;
        changed = true;
      }
      if (!spot) {
        spot = { key, kind, el, label, row, text: UNREAD, judged: [], flag: null };
        changed = true;
      }
      previous.delete(key);
      spot.label = label;
      if (kind === 'field' && refresh(spot)) changed = true;
      spotOf.set(el, spot);
      next.push(spot);
      return spot;
    };

    fieldObserver.disconnect();
    for (const { el, key, label } of findFields(roots, selectors)) {
      place(el, 'field', key, label, null);
      if (!hasValue(el)) fieldObserver.observe(el, { characterData: true, childList: true, subtree: true });
    }
    const rowSpots = findRows(roots, selectors).map(({ el, key, row, indexed }) =>
      Object.assign(place(el, 'row', key, null, row), { indexed }),
    );
    // Past the deadline every further row waits for a slice, without asking the clock again for each of 2,000.
    const judging = win.performance.now();
    let late = false;
    for (const [n, spot] of rowSpots.entries()) {
      late ||= win.performance.now() - judging > (n < FIRST_ROWS ? FIRST_PASS_MAX_MS : FIRST_PASS_MS);
      if (late) backlog.add(spot);
      else if (refresh(spot)) changed = true;
    }
    if (previous.size) changed = true; // places that are gone
    for (const gone of previous.values()) {
      if (gone.text === UNREAD) continue;
      if (gone.indexed) rememberScrolledPast(gone.key, gone);
      else rememberRecycled(gone);
    }
    spots = next;
    measure('cartlint:scan', lastScan);
    if (changed) onChange(spots);
    if (backlog.size) schedule.defer();
    else measure('cartlint:scan-settled', lastScan);
  }

  /** One slice of the backlog; true while rows remain. */
  function judgeSlice(): boolean {
    const started = win.performance.now();
    const changed: Spot[] = [];
    for (const spot of backlog) {
      backlog.delete(spot);
      if (spot.el.isConnected && refresh(spot)) changed.push(spot);
      if (win.performance.now() - started > SLICE_MS) break;
    }
    if (changed.length) onChange(spots, changed);
    if (backlog.size) return true;
    measure('cartlint:scan-settled', lastScan);
    options.onSettled?.();
    return false;
  }

  /** A User Timing entry for benchmarks and DevTools (every engine we support takes the options form). Capped: a
   *  dashboard left open through a day-long live session must not fill the page's performance buffer. */
  let measures = 0;
  const measure = (name: string, start: number) =>
    measures++ < MEASURE_LIMIT && win.performance.measure(name, { start });

  return {
    scanAll: () => guarded(signal, scanAll),
    spots: () => spots,
    roots: () => roots,
    invalidate() {
      cache.clear();
      for (const spot of spots) spot.text = UNREAD;
      // Their nodes show other rows now: nothing to judge them by again until they are scrolled back into view.
      scrolledPast.clear();
    },
    scrolledPast: () => [...scrolledPast.values()],
    busy: () => backlog.size > 0,
  };
}
