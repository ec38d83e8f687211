// Our one element on the page, appended to <html>, and its shadow root, where every outline, card and dialog lives:
// the page's CSS cannot reach in, ours cannot leak out, and the page's own elements are never restyled.
//
// A hostile or odd page must not be able to switch it off (red team H5, M8):
// - its tag name is drawn at random for each page life, so a page cannot define a custom element of that name
//   first (which made our attachShadow throw and stopped cartlint) or wrap its fields in an element of that name
//   (the scanner skips our host by identity, not by name);
// - every property that could hide it is set inline with !important, which beats any page stylesheet rule;
// - removed or restyled, it is put back (a bounded number of times: a page that keeps removing it gets its way,
//   and `shows` then says no, so the guard lets submits through instead of asking where nobody can see).
import { markOurs } from '../page/roots';
import { UI_STYLE } from './style';

export interface UiHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Outlines: never catch the pointer. */
  layer: HTMLElement;
  /** Whether `el` (ours, in the shadow root) is on screen now where the operator can see and reach it. */
  shows(el: Element): boolean;
  /** Puts the host back, styled as ours, before something must be seen. */
  raise(): void;
}

/** Inline and !important, which no page rule beats: `all:initial` puts display, visibility, opacity, transform,
 *  filter, clip-path… at their initial (visible) values; fixed and on top, the host holds only fixed-position
 *  children, so it takes no room and they are placed in viewport coordinates. */
const HOST_STYLE = 'all:initial!important;position:fixed!important;z-index:2147483647!important;';
const MARK = 'data-cartlint-ui';

/** How often the host is repaired (put back, restyled) in a page life before we stop fighting the page. */
const MAX_REPAIRS = 50;

/** "cartlint-" and eight random hex digits: a valid custom element name no page can know in advance. */
const randomTag = (win: Window) => `cartlint-${win.crypto.randomUUID().slice(0, 8)}`;

export function createUiHost(doc: Document, signal: AbortSignal): UiHost {
  const win = doc.defaultView!;
  const host = doc.createElement(randomTag(win));
  // Tests and teams' automation find us by this mark; it gives a page nothing: styles on it lose to ours.
  host.setAttribute(MARK, '');
  markOurs(host);
  // Open so tests and teams' automation can read the warnings; page text never becomes markup in it.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = UI_STYLE;
  const layer = doc.createElement('div');
  layer.className = 'layer';
  shadow.append(style, layer);

  /** Styled as ours and in the document. */
  const raise = () => {
    if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
    if (!host.isConnected) doc.documentElement.append(host);
  };
  raise();

  // At most MAX_REPAIRS: we stop rather than fight a script that answers each repair with another change.
  // (Foreign attributes need no repair: `hidden` loses to our inline display, and `inert` or anything laid over us
  // fails the hit test in `shows`.)
  let repairs = 0;
  const observer = new win.MutationObserver(() => {
    // Our own repairs come back as records too; they find nothing undone, so this settles at once.
    if ((!host.isConnected || host.getAttribute('style') !== HOST_STYLE) && ++repairs <= MAX_REPAIRS) raise();
  });
  observer.observe(doc.documentElement, { childList: true });
  observer.observe(host, { attributes: true });

  const shows = (el: Element): boolean => {
    const box = el.getBoundingClientRect();
    // What the pointer would hit near its top: our host (shadow content retargets to it), not what the page put over.
    return host.isConnected && box.height > 0 && doc.elementFromPoint(box.left + box.width / 2, box.top + 10) === host;
  };

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      host.remove();
    },
    { once: true },
  );
  return { host, shadow, layer, shows, raise };
}

/** An element of our UI, built without markup: text goes in as textContent only. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  for (const child of children) node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  return node;
}
