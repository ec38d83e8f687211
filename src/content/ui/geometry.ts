// Where an element sits in the top window's viewport, also when it lives in a same-origin iframe: each frame's
// rect is added on the way up. Our UI is fixed-positioned in the top document, so this is what it needs.
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function viewportBox(el: Element, top: Window): Box {
  const rect = el.getBoundingClientRect();
  let left = rect.left;
  let y = rect.top;
  let win = el.ownerDocument.defaultView;
  while (win && win !== top) {
    const frame = win.frameElement;
    if (!frame) break;
    const outer = frame.getBoundingClientRect();
    // The frame's border and padding push its document in.
    const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
    left += outer.left + (parseFloat(style?.borderLeftWidth ?? '') || 0) + (parseFloat(style?.paddingLeft ?? '') || 0);
    y += outer.top + (parseFloat(style?.borderTopWidth ?? '') || 0) + (parseFloat(style?.paddingTop ?? '') || 0);
    win = frame.ownerDocument.defaultView;
  }
  return { left, top: y, width: rect.width, height: rect.height };
}

/** Does the box show in a viewport of this size at all? */
export function visible(box: Box, width: number, height: number): boolean {
  return (
    box.width > 0 &&
    box.height > 0 &&
    box.left < width &&
    box.top < height &&
    box.left + box.width > 0 &&
    box.top + box.height > 0
  );
}
