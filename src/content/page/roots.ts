// The places a page keeps its DOM: the document, every open shadow root and every same-origin iframe, recursively.
// Micro-frontends (wujie, micro-app) put whole consoles there; querySelectorAll on the document alone misses them.

/** Our UI hosts (one per page life; src/content/ui/host.ts). Known by identity, never by name: a page may name its
 *  own elements anything, and its fields inside them are scanned like any others. */
const ourHosts = new WeakSet<Element>();
export const markOurs = (host: Element): void => void ourHosts.add(host);
export const isOurHost = (el: Element): boolean => ourHosts.has(el);

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
      if (ourHosts.has(el)) continue;
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
  if (ourHosts.has(node as Element)) return true;
  const host = (node.getRootNode() as Partial<ShadowRoot>).host;
  return host !== undefined && ourHosts.has(host);
}
