// Where the keyboard focus really is: document.activeElement stops at a shadow host or an iframe, so follow open
// shadow roots and same-origin frames down to the focused element.

/** The focused element and every host or frame element above it, outermost first; empty when nothing is focused. */
export function activeChain(doc: Document): Element[] {
  const chain: Element[] = [];
  let active: Element | null = doc.activeElement;
  while (active && active !== active.ownerDocument.body && active !== active.ownerDocument.documentElement) {
    chain.push(active);
    active = innerActive(active);
  }
  return chain;
}

function innerActive(el: Element): Element | null {
  if (el.shadowRoot) return el.shadowRoot.activeElement;
  if (el.localName === 'iframe' || el.localName === 'frame') {
    try {
      return (el as HTMLIFrameElement).contentDocument?.activeElement ?? null;
    } catch {
      return null; // cross-origin: not ours to read
    }
  }
  return null;
}

/** True when the focus is on `el` or inside it (across shadow roots and frames). */
export function holdsFocus(el: Element, doc: Document): boolean {
  return activeChain(doc).some((active) => el === active || el.contains(active));
}
