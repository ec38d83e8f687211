// One way to cut a text that is too long to show, for every place that shows link or rule text.

/** `text` in at most `max` characters, cut at the end with "…". */
export function ellipsis(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}

/** A link in at most `max` characters, cut in the middle: the host and the tail (ids, codes) are what people know. */
export function ellipsisMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.6);
  return `${text.slice(0, head)}\u2026${text.slice(text.length - (max - 1 - head))}`;
}
