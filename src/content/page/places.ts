// Where the operator puts links on a page: text fields and the adapter's list rows, found in every root, each with
// a key that survives the page re-rendering its element. Pure DOM reads; nothing here judges or schedules.
import type { Adapter } from '../../dashboards/define';
import { isOurHost, type Root } from './roots';

/** A text field: an input, a textarea, a contenteditable or an adapter's paste box. */
export interface FieldPlace {
  el: HTMLElement;
  /** "field #id", "field input "粘贴商品链接"", with " 2", " 3"… for later fields of the same identity. */
  key: string;
  label: string | null;
}

export interface RowPlace {
  el: HTMLElement;
  key: string;
  /** 1-based, from the row's data-index when the page numbers its rows, else its position. */
  row: number;
  /** Numbered by the page (data-index): the row is an item of the list, whichever node shows it now. */
  indexed: boolean;
}

export interface PlaceSelectors {
  field: string;
  /** Empty when the adapter has no lists. */
  row: string;
  /** Either: what a structural change must touch to matter. */
  relevant: string;
}

export const FIELD_SELECTOR = 'input, textarea, [contenteditable]:not([contenteditable="false"])';
const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'url']);

export function placeSelectors(adapter: Adapter): PlaceSelectors {
  const field = [FIELD_SELECTOR, ...(adapter.fieldSelectors ?? [])].join(',');
  const row = adapter.rowSelectors.join(',');
  return { field, row, relevant: row ? `${field},${row}` : field };
}

/** A field the scan keeps: any editor, but only the text kinds of `<input>` (not number, password, checkbox…). */
export function isTextField(el: Element): boolean {
  if (el.localName !== 'input') return true;
  return TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase());
}

/** A field the page holds a value in (read through `.value`), as opposed to one whose text is its DOM. */
export function hasValue(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return el.localName === 'input' || el.localName === 'textarea';
}

export function fieldText(el: HTMLElement): string {
  if (hasValue(el)) return el.value;
  return el.innerText ?? el.textContent ?? '';
}

/** The text of each labelled control's first <label>, in one pass over the labels. `el.labels` would be simpler,
 *  but Chromium computes it by walking the whole document on every read: one read per field made a scan of 30,000
 *  fields quadratic (22.6 s). */
export function labelTexts(roots: readonly Root[]): Map<Element, string> {
  const texts = new Map<Element, string>();
  for (const root of roots) {
    const labels = root.querySelectorAll('label');
    for (let i = 0; i < labels.length; i++) {
      const control = labels[i]!.control;
      if (control && !texts.has(control)) texts.set(control, labels[i]!.textContent ?? '');
    }
  }
  return texts;
}

/** What the operator sees as the field's name; `labels` from labelTexts over the field's roots. */
export function fieldLabel(el: HTMLElement, labels: ReadonlyMap<Element, string>): string | null {
  const named =
    el.getAttribute('placeholder') ??
    el.getAttribute('aria-label') ??
    el.getAttribute('data-placeholder') ??
    (labels.get(el) || null) ??
    el.getAttribute('title');
  return named?.trim() || null;
}

/** Identity that survives a re-render: the same attributes give the same key. */
function fieldIdentity(el: HTMLElement, label: string | null): string {
  if (el.id) return `#${el.id}`;
  const name = el.getAttribute('name');
  if (name) return `${el.localName}[name=${name}]`;
  return label ? `${el.localName} "${label}"` : el.localName;
}

/** The page's own 0-based index of a row (virtualised lists number the nodes they recycle), or null. */
function pageIndex(el: Element): number | null {
  const index = Number(el.getAttribute('data-index') ?? el.parentElement?.getAttribute('data-index') ?? NaN);
  return Number.isInteger(index) ? index : null;
}

/** A row's text and the targets of its links (a product link is often only in an href). */
export function rowText(row: HTMLElement): string {
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
      if (isOurHost(el)) continue;
      if (outer?.contains(el)) continue;
      outer = el;
      if (keep(el)) found.push(el);
    }
  }
  return found;
}

/** Every text field in `roots`, in document order. */
export function findFields(roots: readonly Root[], selectors: PlaceSelectors): FieldPlace[] {
  const seen = new Map<string, number>();
  const labels = labelTexts(roots);
  return outermost(roots, selectors.field, isTextField).map((el) => {
    const label = fieldLabel(el, labels);
    const identity = fieldIdentity(el, label);
    const n = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, n);
    return { el, key: n === 1 ? `field ${identity}` : `field ${identity} ${n}`, label };
  });
}

/** Every list row in `roots`, in document order. */
export function findRows(roots: readonly Root[], selectors: PlaceSelectors): RowPlace[] {
  if (!selectors.row) return [];
  return outermost(roots, selectors.row, () => true).map((el, position) => {
    const index = pageIndex(el);
    const row = (index ?? position) + 1;
    return { el, key: `row ${row}`, row, indexed: index !== null };
  });
}
