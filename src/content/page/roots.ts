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

/**
 * `doc` first, then nested roots in document order. Every element must be asked for its shadow root, but only that:
 * frames come from one selector query, and our own host is told apart only among the hosts found. In a 2,000-row
 * cart (16,000 elements) each property read from a content script counts, Firefox's above all.
 */
export function collectRoots(doc: Document): Root[] {
  const roots: Root[] = [doc];
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i]!;
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 1 /* SHOW_ELEMENT */);
    const frames = root.querySelectorAll<HTMLIFrameElement>('iframe, frame');
    let frame = 0;
    let nextFrame: Node | null = frames[0] ?? null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const shadow = (node as Element).shadowRoot;
      if (shadow && !ourHosts.has(node as Element)) roots.push(shadow);
      // The walk meets the frames in the query's order (document order): each frame's document comes after the
      // roots before it, as they stand on the page.
      if (node === nextFrame) {
        const inner = sameOriginDocument(node as HTMLIFrameElement);
        if (inner?.documentElement) roots.push(inner);
        nextFrame = frames[++frame] ?? null;
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
