/**
 * A string with the same text, holding no other. A slice of a long text (a line of a file read in chunks, a URL cut
 * from a page) may be kept by the engine as a view of its whole parent, so a slice kept in a memo would keep the
 * parent alive with it. Joining and cutting makes a string of the text's own.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
