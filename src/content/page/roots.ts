// The places a page keeps its DOM: the document, every open shadow root and every same-origin iframe, recursively.
// Micro-frontends (wujie, micro-app) put whole consoles there; querySelectorAll on the document alone misses them.

/** Our one element on the page; everything we draw lives in its shadow root. */
export const UI_HOST_TAG = 'cartlint-ui';

export type Root = Document | ShadowRoot;

function sameOriginDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    return frame.contentDocument; // null (or a throw in some engines) when cross-origin
  } catch {
    return null;
  }
}

/** `doc` first, then nested roots in document order. */
export function collectRoots(doc: Document): Root[] {
  const roots: Root[] = [doc];
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i]!;
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 1 /* SHOW_ELEMENT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node as Element;
      if (el.localName === UI_HOST_TAG) continue;
      if (el.shadowRoot) roots.push(el.shadowRoot);
      if (el.localName === 'iframe' || el.localName === 'frame') {
        const inner = sameOriginDocument(el as HTMLIFrameElement);
        if (inner?.documentElement) roots.push(inner);
      }
    }
  }
  return roots;
}

/** Our own UI, which the scanner and the observers must not look at. */
export function isOurs(node: Node): boolean {
  if ((node as Element).localName === UI_HOST_TAG) return true;
  const root = node.getRootNode() as Partial<ShadowRoot>;
  return root.host?.localName === UI_HOST_TAG;
}
