// Exports repeat themselves: the same product link or share text on many rows, the same shop link on every row.
// The answer for a text depends on the text alone (for one platform, surface and day), so each distinct text is
// worked out once. Bounded: when full it starts again, so a 1 GB input of distinct lines holds at most LIMIT.
import { ownCopy } from '../core/own-copy';

export class Memo<V> {
  static readonly LIMIT = 20_000;
  private readonly known = new Map<string, V>();

  constructor(private readonly work: (text: string) => V) {}

  get(text: string): V {
    let value = this.known.get(text);
    if (value === undefined) {
      // Very long texts are rarely repeated, and would make the bound a bound on count only.
      if (text.length > 4096) return this.work(text);
      // A line is a slice of the chunk it was read in: kept as it is, it would keep the chunk (64 KB or more) too,
      // and a file whose few distinct lines lie far apart would sit in memory whole. The work gets the copy, so
      // what it keeps of the text (a judged row, its links) holds the copy alone.
      const own = ownCopy(text);
      value = this.work(own);
      if (this.known.size >= Memo.LIMIT) this.known.clear();
      this.known.set(own, value);
    }
    return value;
  }
}
