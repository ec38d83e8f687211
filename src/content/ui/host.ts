// Our one element on the page (<cartlint-ui>, appended to <html>) and its shadow root, where every outline, card and
// dialog lives: the page's CSS cannot reach in, ours cannot leak out, and the page's own elements are never restyled.
import { UI_HOST_TAG } from '../page/roots';
import { UI_STYLE } from './style';

export interface UiHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Outlines: never catch the pointer. */
  layer: HTMLElement;
}

export function createUiHost(doc: Document, signal: AbortSignal): UiHost {
  const host = doc.createElement(UI_HOST_TAG);
  // Fixed, zero-sized, on top: children position themselves in viewport coordinates.
  host.setAttribute('style', 'all:initial;position:fixed;left:0;top:0;width:0;height:0;z-index:2147483647;');
  // Open so tests and teams' automation can read the warnings; page text never becomes markup in it.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = UI_STYLE;
  const layer = doc.createElement('div');
  layer.className = 'layer';
  shadow.append(style, layer);
  doc.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, shadow, layer };
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
