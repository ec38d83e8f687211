// Exports repeat themselves: the same product link or share text on many rows, the same shop link on every row.
// The answer for a text depends on the text alone (for one platform, surface and day), so each distinct text is
// worked out once. Bounded: when full it starts again, so a 1 GB input of distinct lines holds at most LIMIT.

export class Memo<V> {
  static readonly LIMIT = 20_000;
  private readonly known = new Map<string, V>();

  constructor(private readonly work: (text: string) => V) {}

  get(text: string): V {
    let value = this.known.get(text);
    if (value === undefined) {
      value = this.work(text);
      // Very long texts are rarely repeated, and would make the bound a bound on count only.
      if (text.length <= 4096) {
        if (this.known.size >= Memo.LIMIT) this.known.clear();
        this.known.set(text, value);
      }
    }
    return value;
  }
}
