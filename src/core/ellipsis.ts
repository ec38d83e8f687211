// One way to cut a text that is too long to show, for every place that shows link or rule text.

/**
 * `text` in at most `max` characters, the cut marked with "…": at the end, or in the `middle` for links, where
 * the host and the tail (ids, codes) are what people recognise.
 */
export function ellipsis(text: string, max: number, where: 'end' | 'middle' = 'end'): string {
  if (text.length <= max) return text;
  if (where === 'end') return `${text.slice(0, max - 1)}\u2026`;
  const head = Math.ceil((max - 1) * 0.6);
  return `${text.slice(0, head)}\u2026${text.slice(text.length - (max - 1 - head))}`;
}
