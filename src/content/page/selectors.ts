// Stable CSS selectors for an element the operator picked, the way a person would write them for a page that
// re-renders: an id, a data attribute, a name, a placeholder or a class name with its CSS-module hash cut off
// (`list-item--Ab3Cd4` → `[class^="list-item"]`), anchored on a stable ancestor when the element has none of its
// own. Never a position (nth-child), which the next render of a list breaks. Pure DOM reads.

/** Ids and values with long digit runs or hex hashes are generated per render; they are not stable. */
const GENERATED = /\d{4,}|[0-9a-f]{8,}|^(?:rc|el|ember|react|radix|headlessui)[-_:]/i;
const ATTRIBUTES = ['data-testid', 'data-test', 'data-role', 'data-name', 'name', 'aria-label', 'placeholder'];
const MAX_VALUE = 60;
const MAX_ANCESTORS = 4;

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** A class token without its CSS-module hash suffix ("goodsCard--Hs7Kq1" → "goodsCard"), or null if it is all hash. */
function classStem(token: string): string | null {
  const stem = token.replace(/(?:--|__|_|-)[A-Za-z0-9]{4,8}$/, '');
  // CSS-in-JS names ("css-1x2y3z4", "sc-bdfBwQ") are nothing but a hash once the hash is cut.
  if (stem.length < 3 || GENERATED.test(stem) || /^(?:css|sc|jsx|emotion|styled)$/i.test(stem)) return null;
  return stem;
}

/** Selectors for `el` alone, most specific first; each may still match other elements. */
function ownSelectors(el: Element): string[] {
  const tag = el.tagName.toLowerCase();
  const found: string[] = [];
  if (el.id && /^[A-Za-z][\w-]*$/.test(el.id) && !GENERATED.test(el.id)) found.push(`#${el.id}`);
  for (const name of ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value && value.length <= MAX_VALUE && !GENERATED.test(value)) found.push(`${tag}[${name}=${quote(value)}]`);
  }
  for (const name of el.getAttributeNames()) {
    if (!name.startsWith('data-') || ATTRIBUTES.includes(name) || name.startsWith('data-cartlint')) continue;
    const value = el.getAttribute(name)!;
    if (value === '') found.push(`${tag}[${name}]`);
    else if (value.length <= MAX_VALUE && !GENERATED.test(value)) found.push(`${tag}[${name}=${quote(value)}]`);
  }
  const first = el.classList[0];
  const stem = first ? classStem(first) : null;
  if (stem) found.push(stem === first ? `${tag}.${stem}` : `${tag}[class^=${quote(stem)}]`);
  return found;
}

const matches = (root: ParentNode, selector: string): Element[] => {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
};

/**
 * A stable selector that finds `el` in `doc` (alone, when `unique`), or null when the page gives nothing stable
 * to hold on to.
 */
export function stableSelector(el: Element, doc: Document, unique = true): string | null {
  const fits = (selector: string) => {
    const found = matches(doc, selector);
    return found.includes(el) && (!unique || found.length === 1);
  };
  for (const selector of ownSelectors(el)) if (fits(selector)) return selector;
  // Nothing of its own: the nearest stable ancestor, then the element's tag (and stem) within it.
  const tail = ownSelectors(el).at(-1) ?? el.tagName.toLowerCase();
  let ancestor = el.parentElement;
  for (let depth = 0; ancestor && depth < MAX_ANCESTORS; depth++, ancestor = ancestor.parentElement) {
    for (const anchor of ownSelectors(ancestor)) if (fits(`${anchor} ${tail}`)) return `${anchor} ${tail}`;
  }
  return null;
}

/**
 * The selector of a list's rows: the list area's stable selector, then what the picked row shares with its
 * siblings (its class stem or data attribute). Null when the rows have nothing stable in common.
 */
export function rowSelector(list: Element, row: Element, doc: Document): string | null {
  // The list area, or the nearest ancestor of it with a stable name (a bare wrapper DIV has none).
  let area: string | null = null;
  for (let node: Element | null = list; node && !area; node = node.parentElement) area = stableSelector(node, doc);
  if (!area) return null;
  // What the row shares with its siblings: a selector matching the row alone (its index, its id) is no row selector.
  const siblings = [...(row.parentElement?.children ?? [])].filter((other) => other.tagName === row.tagName).length;
  for (const own of ownSelectors(row).filter((selector) => !selector.startsWith('#'))) {
    const selector = `${area} ${own}`;
    const found = matches(doc, selector);
    if (found.includes(row) && (siblings < 2 || found.length > 1)) return selector;
  }
  return null;
}

/** The row of `list` that holds `target`: its ancestor whose parent is the list area, or a level deeper. */
export function rowOf(list: Element, target: Element): Element | null {
  let node: Element | null = target;
  while (node?.parentElement && node.parentElement !== list) node = node.parentElement;
  if (!node || node.parentElement !== list) return null;
  // A list area wrapping one inner list (react-virtuoso's scroller → viewport → rows): descend to the rows.
  while (node.parentElement!.children.length === 1 && node.children.length > 0) {
    const inner: Element | null = [...node.children].find((child) => child.contains(target)) ?? null;
    if (!inner) break;
    node = inner;
  }
  return node;
}

/**
 * The list a click on a non-field element means: the nearest element (itself or above) whose children repeat
 * (two or more of one tag and class), as rows do; else the clicked element itself, whose rows rowOf then finds.
 */
export function listOf(target: Element): Element {
  for (let node: Element | null = target; node && node.localName !== 'body'; node = node.parentElement) {
    const seen = new Set<string>();
    for (const child of node.children) {
      const shape = `${child.localName}.${child.className}`;
      if (child.className && seen.has(shape)) return node;
      seen.add(shape);
    }
  }
  return target;
}
