/** A long link cut in the middle — the host and the tail (ids, codes) are what people recognise. */
export function shortenLink(text: string, max = 46): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.6);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}
