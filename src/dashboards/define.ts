// One adapter = one dashboard page: where it applies, which surface its cues mean, what to scan, what submits.
import type { Platform, Surface, SurfaceOrUnknown } from '../core/types';

/** What an adapter may ask about the page when deciding its surface (searches open shadow roots and same-origin iframes too). */
export interface PageCues {
  /** Some short visible label (tab, modal title, option, button) reads one of `labels`. */
  says(labels: readonly string[]): boolean;
  /** Some element matches `selector`. */
  has(selector: string): boolean;
  /** location.pathname of the page. */
  path: string;
}

export interface Adapter {
  /** Kebab-case, also the fixture page's name: test/fixtures/pages/<id>.html. */
  id: string;
  platform: Platform;
  /** One host, matched exactly ("zs.kwaixiaodian.com"). */
  host: string;
  /** Path prefixes ("/page/helper") or patterns; the page is ours when one matches location.pathname. */
  paths: readonly (string | RegExp)[];
  /** The surface the page's cues tell; 'unknown' when they do not. */
  surface: (page: PageCues) => SurfaceOrUnknown;
  /** Extra elements to read as fields besides input / textarea / [contenteditable] (a paste box that is a plain DIV). */
  fieldSelectors?: readonly string[];
  /**
   * Rows of the cart / goods lists; prefix selectors because CSS-module hashes change. `[class^="x"]` is a class
   * token starting with x wherever it stands in the attribute (see anyClassToken).
   */
  rowSelectors: readonly string[];
  /** Labels of the page's own submit controls, checked before they run. */
  submitLabels: readonly string[];
}

/**
 * `[class^="list-item"]` as a prefix of any class token, not only the attribute's first: component libraries put
 * their own classes first (`vue-recycle-scroller ready list-container--Vr8`, `ant-list-item goodsItem--x`).
 */
export const anyClassToken = (selector: string) =>
  selector.replace(/\[class\^="([^"]+)"\]/g, ':is([class^="$1"],[class*=" $1"])');

export function defineAdapter(adapter: Adapter): Adapter {
  return { ...adapter, rowSelectors: adapter.rowSelectors.map(anyClassToken) };
}

/** What most pages show when they are `surface`: one of these elements, or one of these labels. */
export interface SurfaceCues {
  has?: readonly string[];
  says?: readonly string[];
}

/** The usual surface rule: `surface` when the page has one of `cues.has` or says one of `cues.says`, else unknown. */
export function surfaceWhen(surface: Surface, { has = [], says = [] }: SurfaceCues): Adapter['surface'] {
  const selectors = has.map(anyClassToken);
  return (page) =>
    selectors.some((selector) => page.has(selector)) || (says.length > 0 && page.says(says)) ? surface : 'unknown';
}

/** The path pattern of `adapter` that claims `pathname`, as a string key; null when none does. */
export function matchingPath(adapter: Adapter, pathname: string): string | null {
  for (const path of adapter.paths) {
    if (typeof path === 'string' ? pathname.startsWith(path) : path.test(pathname)) return String(path);
  }
  return null;
}
