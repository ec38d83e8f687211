// Finds and judges what the operator can put in a cart: text fields (value / contenteditable text) and the rows of
// the adapter's goods lists (text, link targets, source badges), in the document, open shadow roots and same-origin
// iframes. Keeps them judged as the page changes: typing and paste re-judge only that field on the next frame;
// React-style re-renders and list updates trigger a throttled structural rescan; a slow poll catches values set by
// script without events. Every listener, observer and timer is bound to the page life's AbortSignal.
// Judging is time-sliced: a scan judges fields and as many rows as fit in SLICE_MS, and the rest of a long list
// in further slices, so a 2,000-row cart never blocks the page in one long task.
import type { Adapter } from '../../dashboards/define';
import type { Decision, JudgedLink, LinkFinding } from '../../core/types';
import { findBadges } from './badges';
import { type Flag, worstFlag } from '../../core/judge';
import { collectRoots, isOurs, UI_HOST_TAG, type Root } from './roots';

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
}

export interface ScannerOptions {
  doc: Document;
  adapter: Adapter;
  judges: Judges;
  signal: AbortSignal;
  /** After every change of what is judged, with every spot (flagged or not). */
  onChange(spots: readonly Spot[]): void;
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
  roots(): readonly Root[];
  /** Rows are still waiting for a judging slice. */
  busy(): boolean;
  /** Forget every verdict (the judges changed: config, surface); the next scan judges everything again. */
  invalidate(): void;
}

const FIELD_SELECTOR = 'input, textarea, [contenteditable]:not([contenteditable="false"])';
const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'url']);
const CACHE_LIMIT = 5000;
/** Most milliseconds of row judging per later task. */
const SLICE_MS = 6;
/** The first pass judges rows only until this long after its start: finding every place of a 2,000-row list costs
 *  a few ms of its own, and the whole pass must fit in one frame. */
const FIRST_PASS_MS = 4;
const MEASURE_LIMIT = 300;

function isTextField(el: Element): boolean {
  if (el.localName !== 'input') return true;
  return TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase());
}

function hasValue(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return el.localName === 'input' || el.localName === 'textarea';
}

export function fieldText(el: HTMLElement): string {
  if (hasValue(el)) return el.value;
  return el.innerText ?? el.textContent ?? '';
}

/** What the operator sees as the field's name. */
export function fieldLabel(el: HTMLElement): string | null {
  const named =
    el.getAttribute('placeholder') ??
    el.getAttribute('aria-label') ??
    el.getAttribute('data-placeholder') ??
    ((el as HTMLInputElement).labels?.[0]?.textContent || null) ??
    el.getAttribute('title');
  return named?.trim() || null;
}

/** Identity that survives a re-render: the same attributes give the same key. */
function fieldIdentity(el: HTMLElement): string {
  if (el.id) return `#${el.id}`;
  const name = el.getAttribute('name');
  if (name) return `${el.localName}[name=${name}]`;
  const label = fieldLabel(el);
  return label ? `${el.localName} "${label}"` : el.localName;
}

function rowIndex(el: Element, position: number): number {
  const index = el.getAttribute('data-index') ?? el.parentElement?.getAttribute('data-index') ?? null;
  const parsed = index === null ? NaN : Number(index);
  return Number.isInteger(parsed) ? parsed + 1 : position + 1;
}

function rowText(row: HTMLElement): string {
  let text = row.textContent ?? '';
  const anchors = row.getElementsByTagName('a');
  for (let i = 0; i < anchors.length; i++) {
    const href = anchors[i]!.getAttribute('href');
    if (href && !href.startsWith('#') && !href.startsWith('javascript:')) text += `\n${href}`;
  }
  return text;
}

/** Elements matching `selector` in every root, minus those nested in another match (a row's inner "list-item-title").
 *  Matches come in document order, so a nested one follows the outer match holding it: one `contains` per element
 *  instead of matching the selector on every ancestor (2,000 rows). Roots are ours to skip only at our host element:
 *  collectRoots never enters our shadow root. */
function outermost(roots: readonly Root[], selector: string, keep: (el: Element) => boolean): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const root of roots) {
    let outer: Element | null = null;
    const matches = root.querySelectorAll<HTMLElement>(selector);
    for (let i = 0; i < matches.length; i++) {
      const el = matches[i]!;
      if (el.localName === UI_HOST_TAG) continue;
      if (outer?.contains(el)) continue;
      outer = el;
      if (keep(el)) found.push(el);
    }
  }
  return found;
}

export function createScanner(options: ScannerOptions): Scanner {
  const { doc, adapter, judges, signal, onChange } = options;
  const win = doc.defaultView!;
  const fieldSelector = [FIELD_SELECTOR, ...(adapter.fieldSelectors ?? [])].join(',');
  const rowSelector = adapter.rowSelectors.join(',');
  const relevant = rowSelector ? `${fieldSelector},${rowSelector}` : fieldSelector;

  let roots: Root[] = [];
  const knownRoots = new WeakSet<Root>();
  let spots: Spot[] = [];
  const spotOf = new WeakMap<Element, Spot>();
  const dirty = new Set<Spot>();
  const backlog = new Set<Spot>();
  let drainTimer: number | null = null;
  const cache = new Map<string, JudgedLink[]>();

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
    const changed = judged !== spot.judged;
    spot.text = text;
    spot.judged = judged;
    spot.flag = worstFlag(judged);
    return changed;
  };

  // --- structural scan -------------------------------------------------------------------------------------
  const fieldObserver = new win.MutationObserver((records) => {
    for (const record of records) {
      const target = record.target instanceof win.Element ? record.target : record.target.parentElement;
      const field = target?.closest(fieldSelector);
      const spot = field && spotOf.get(field);
      if (spot) markDirty(spot);
    }
  });
  const structureObserver = new win.MutationObserver((records) => {
    if (records.some(isRelevant)) scheduleScan();
  });
  signal.addEventListener('abort', () => {
    fieldObserver.disconnect();
    structureObserver.disconnect();
  });

  function isRelevant(record: MutationRecord): boolean {
    if (isOurs(record.target)) return false;
    const target = record.target as Element;
    if (rowSelector && target.closest?.(rowSelector)) return true;
    const touches = (node: Node) =>
      node.nodeType === 1 &&
      ((node as Element).matches(relevant) || (node as Element).querySelector(relevant) !== null);
    return Array.from(record.addedNodes).some(touches) || Array.from(record.removedNodes).some(touches);
  }

  function watchRoot(root: Root) {
    knownRoots.add(root);
    const onEvent = (event: Event) => {
      const target = event.composedPath()[0];
      if (!(target instanceof Element) || isOurs(target)) return;
      const field = target.closest(fieldSelector);
      if (!field) return;
      const spot = spotOf.get(field);
      if (spot) markDirty(spot);
      else scheduleScan(); // a field we have not seen yet
    };
    for (const type of ['input', 'paste', 'change', 'focusin']) {
      root.addEventListener(type, onEvent, { capture: true, passive: true, signal });
    }
    structureObserver.observe(root, { childList: true, subtree: true });
  }

  function scanAll() {
    if (signal.aborted) return;
    lastScan = win.performance.now();
    roots = collectRoots(doc);
    const fresh = roots.filter((root) => !knownRoots.has(root));
    fresh.forEach(watchRoot);
    if (fresh.length) options.onRoots?.(fresh);
    options.onScan?.(roots);

    const previous = new Map(spots.map((spot) => [spot.key, spot]));
    const next: Spot[] = [];
    let changed = false;
    let late = false;
    const seen = new Map<string, number>();
    const place = (el: HTMLElement, kind: Spot['kind'], key: string, label: string | null, row: number | null) => {
      let spot = previous.get(key);
      if (spot && spot.el !== el) {
        spot.el = el; // the page re-rendered the element: same place, new node
        spot.text = '\u0000';
        changed = true;
      }
      if (!spot) {
        spot = { key, kind, el, label, row, text: '\u0000', judged: [], flag: null };
        changed = true;
      }
      previous.delete(key);
      spot.label = label;
      // Past the deadline every further row waits, without asking the clock again for each of 2,000.
      if (kind === 'row' && (late ||= win.performance.now() - lastScan > FIRST_PASS_MS)) backlog.add(spot);
      else if (refresh(spot)) changed = true;
      spotOf.set(el, spot);
      next.push(spot);
    };

    fieldObserver.disconnect();
    for (const el of outermost(roots, fieldSelector, isTextField)) {
      const identity = fieldIdentity(el);
      const n = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, n);
      place(el, 'field', n === 1 ? `field ${identity}` : `field ${identity} ${n}`, fieldLabel(el), null);
      if (!hasValue(el)) fieldObserver.observe(el, { characterData: true, childList: true, subtree: true });
    }
    if (rowSelector) {
      outermost(roots, rowSelector, () => true).forEach((row, position) => {
        const n = rowIndex(row, position);
        place(row, 'row', `row ${n}`, null, n);
      });
    }
    if (previous.size) changed = true; // places that are gone
    spots = next;
    measure('cartlint:scan', lastScan);
    if (changed) onChange(spots);
    measure('cartlint:scan+paint', lastScan);
    if (backlog.size) scheduleDrain();
    else measure('cartlint:scan-settled', lastScan);
  }

  /** Rows the last scan had no time left for, judged in slices on later tasks. */
  function drain() {
    drainTimer = null;
    const started = win.performance.now();
    let changed = false;
    for (const spot of backlog) {
      backlog.delete(spot);
      if (spot.el.isConnected && refresh(spot)) changed = true;
      if (win.performance.now() - started > SLICE_MS) break;
    }
    if (changed) onChange(spots);
    if (backlog.size) return scheduleDrain();
    measure('cartlint:scan-settled', lastScan);
    options.onSettled?.();
  }

  function scheduleDrain() {
    if (drainTimer === null && !signal.aborted) drainTimer = win.setTimeout(() => guarded(drain), 0);
  }

  /** A User Timing entry for benchmarks and DevTools; old engines without the options form just skip it. Capped:
   *  a dashboard left open through a day-long live session must not fill the page's performance buffer. */
  let measures = 0;
  function measure(name: string, start: number) {
    if (measures++ >= MEASURE_LIMIT) return;
    try {
      win.performance.measure(name, { start });
    } catch {
      // not measurable here; nothing depends on it
    }
  }

  // --- scheduling ------------------------------------------------------------------------------------------
  const rescanMs = options.rescanMs ?? 100;
  let lastScan = -Infinity;
  let scanTimer: number | null = null; // window.setTimeout ids (DOM typing, not Node's Timeout)
  let frame: number | null = null;

  function scheduleScan() {
    if (scanTimer !== null || signal.aborted) return;
    const wait = Math.max(0, lastScan + rescanMs - win.performance.now());
    scanTimer = win.setTimeout(() => {
      scanTimer = null;
      win.requestAnimationFrame(() => guarded(scanAll));
    }, wait);
  }

  function markDirty(spot: Spot) {
    dirty.add(spot);
    if (frame === null && !signal.aborted) frame = win.requestAnimationFrame(() => guarded(flush));
  }

  function flush() {
    frame = null;
    let changed = false;
    for (const spot of dirty) if (spot.el.isConnected && refresh(spot)) changed = true;
    dirty.clear();
    if (changed) onChange(spots);
  }

  /** Script-set values fire no event: compare them now and then. Gone elements mean the page re-rendered. */
  function poll() {
    for (const spot of spots) {
      if (!spot.el.isConnected) return scheduleScan();
      if (spot.kind === 'field' && hasValue(spot.el) && spot.el.value !== spot.text) markDirty(spot);
    }
  }

  function guarded(work: () => void) {
    if (signal.aborted) return;
    try {
      work();
    } catch (error) {
      console.debug('cartlint: scan failed', error); // never break the host page
    }
  }

  const pollTimer = win.setInterval(() => guarded(poll), options.pollMs ?? 750);
  signal.addEventListener('abort', () => {
    win.clearInterval(pollTimer);
    if (scanTimer !== null) win.clearTimeout(scanTimer);
    if (drainTimer !== null) win.clearTimeout(drainTimer);
    if (frame !== null) win.cancelAnimationFrame(frame);
  });

  function invalidate() {
    cache.clear();
    for (const spot of spots) spot.text = '\u0000';
  }

  return {
    scanAll: () => guarded(scanAll),
    spots: () => spots,
    roots: () => roots,
    invalidate,
    busy: () => backlog.size > 0,
  };
}
