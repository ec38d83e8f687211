// Normalisation before matching, with a map back to the original text.
//
// Real inputs hide links behind full-width letters, zero-width characters, `。` for dots, HTML entities
// (even `&amp;amp;` from WeChat XML), JSON `\uXXXX` escapes and whole URLs percent-encoded. We undo all of
// that in ONE left-to-right pass and remember, for every output character, which original span produced
// it — findings are reported as offsets into the input the user gave us, never into our rewritten copy.

/** Normalised text plus, for each of its characters, the original span that produced it. */
export interface NormalizedText {
  text: string;
  /** Original offset where normalised character i starts. */
  startOf(i: number): number;
  /** Original offset where normalised character i ends (exclusive). */
  endOf(i: number): number;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  yen: '¥',
  euro: '€',
};

/** Characters that some chat tools and users write for a dot. NFKC turns `．` into `.` and `｡` into `。`. */
const DOT_LIKE = new Set(['。', '．', '｡']);

/**
 * Format characters (general category Cf: zero-width space/joiners, BOM, bidi marks, soft hyphen) and the
 * variation selectors that ride on emoji. Dropping them lets `m.tb​.cn` match like `m.tb.cn`.
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: variation selectors are matched on their own, not as part of an emoji
const INVISIBLE = /^[\p{Cf}\uFE00-\uFE0F]$/u;

/** Scripts whose characters NFKC never changes: skipping them keeps Chinese text cheap to normalise. */
function isNfkcStable(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3040 && code <= 0x30ff) || // kana
    (code >= 0xac00 && code <= 0xd7a3) || // Hangul syllables
    (code >= 0x1f300 && code <= 0x1faff) // emoji pictographs
  );
}

const nfkcCache = new Map<string, string>();
function nfkc(char: string): string {
  let out = nfkcCache.get(char);
  if (out === undefined) {
    out = char.normalize('NFKC');
    if (DOT_LIKE.has(out)) out = '.';
    if (nfkcCache.size < 4096) nfkcCache.set(char, out);
  }
  return out;
}

// What each BMP character becomes, decided once per character: a table lookup keeps Chinese page text cheap.
// Chinese punctuation (，。：！) turns into ASCII only where it touches a link character: in running text it
// changes no finding, and leaving it saves most of a page's rewrites.
const ASCII_PUNCTUATION = /^[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/;
const UNKNOWN = 0;
const KEEP = 1;
const REPLACE = 2;
const DROP = 3;
/** Punctuation that only matters next to link characters: `m。tb。cn`, `ｈｔｔｐｓ：／／`, `24:/！…！ZH1234`. */
const NEAR_LINK = 4;
/** The yen sign: tokens take ￥ and ¥ alike, prices are full of it, so it is never rewritten. */
const FULLWIDTH_YEN = 0xffe5;
const bmpKind = new Uint8Array(0x10000);
const bmpReplacement = new Map<number, string>();
function classifyBmp(code: number): number {
  const char = String.fromCharCode(code);
  let kind: number;
  if (isNfkcStable(code) || (code >= 0xd800 && code <= 0xdfff)) kind = KEEP;
  else if (INVISIBLE.test(char)) kind = DROP;
  else {
    const out = DOT_LIKE.has(char) ? '.' : nfkc(char);
    kind = out === char || code === FULLWIDTH_YEN ? KEEP : ASCII_PUNCTUATION.test(out) ? NEAR_LINK : REPLACE;
    if (kind !== KEEP) bmpReplacement.set(code, out);
  }
  bmpKind[code] = kind;
  return kind;
}

/**
 * The next character that may change: `&` `\\` `%`, and anything outside plain ASCII, CJK ideographs, kana, the
 * CJK punctuation NFKC keeps (、「」【】…, not 。 or the ideographic space) and ￥. One character class: the regex
 * engine scans it fastest. `lastIndex - 1` is where the character is. (An encoded `http%3A…` is noticed at its
 * first `%`, not at every `h` of the text: half the stops of a link-dense paste were `h`s.)
 */
const NEXT_CANDIDATE = /[&\\%\x80-\u3000\u3002\u3036\u3038-\u303a\u3100-\u4dff\ua000-\uffe4\uffe6-\uffff]/g;

/** Characters that force the slow path. Plain ASCII text without them is returned as is. */
const NEEDS_WORK = /[^\t\n\r\x20-\x7e]|[&\\%]/;

const IDENTITY_MAP = {
  startOf: (i: number) => i,
  endOf: (i: number) => i + 1,
};

/**
 * The output text and its offset map, built in one pass. The map is sparse: the output is a copy of the input
 * except at replacements (an entity, a full-width letter, a dropped zero-width space). Each replacement records
 * where its output starts and which input span it came from; between replacements the offset is a constant
 * shift, so a lookup is a binary search.
 */
class Normalized implements NormalizedText {
  text = '';
  private readonly parts: string[] = [];
  private length = 0;
  private copyFrom = 0; // start of the input run not yet copied to the output
  private readonly outAt: number[] = [];
  private readonly outLength: number[] = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];

  constructor(private readonly input: string) {}

  /** Replaces input [from, to) by `s`. */
  replace(s: string, from: number, to: number): void {
    if (from > this.copyFrom) {
      this.parts.push(this.input.slice(this.copyFrom, from));
      this.length += from - this.copyFrom;
    }
    this.outAt.push(this.length);
    this.outLength.push(s.length);
    this.from.push(from);
    this.to.push(to);
    if (s) this.parts.push(s);
    this.length += s.length;
    this.copyFrom = to;
  }

  finish(): this {
    if (this.outAt.length === 0) {
      this.text = this.input; // nothing replaced: no copy of a megabyte page
      return this;
    }
    if (this.copyFrom < this.input.length) this.parts.push(this.input.slice(this.copyFrom));
    this.text = this.parts.join('');
    this.parts.length = 0;
    return this;
  }

  /** Index of the last replacement starting at or before output offset k, or -1. */
  private find(k: number): number {
    let lo = 0;
    let hi = this.outAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.outAt[mid]! <= k) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  startOf(k: number): number {
    if (k >= this.text.length) return this.input.length;
    const r = this.find(k);
    if (r < 0) return k;
    const inside = k - this.outAt[r]!;
    return inside < this.outLength[r]! ? this.from[r]! : this.to[r]! + inside - this.outLength[r]!;
  }

  endOf(k: number): number {
    if (k >= this.text.length) return this.input.length;
    const r = this.find(k);
    if (r < 0) return k + 1;
    const inside = k - this.outAt[r]!;
    return inside < this.outLength[r]! ? this.to[r]! : this.to[r]! + inside - this.outLength[r]! + 1;
  }
}

export function normalizeText(input: string): NormalizedText {
  if (!NEEDS_WORK.test(input)) return { text: input, ...IDENTITY_MAP };
  const out = new Normalized(input);
  let percentUntil = -1; // inside a wholly percent-encoded URL: decode %XX up to this offset
  let i = 0;
  const n = input.length;
  while (i < n) {
    // Jump over text that stays as it is (plain ASCII, Chinese): the regex engine scans it faster than a loop.
    NEXT_CANDIDATE.lastIndex = i;
    if (!NEXT_CANDIDATE.test(input)) break;
    i = NEXT_CANDIDATE.lastIndex - 1;
    const code = input.charCodeAt(i);

    if (code < 0x80) {
      if (code === 0x26 /* & */) {
        const entity = decodeEntityAt(input, i);
        if (entity) {
          out.replace(entity.char, i, entity.end);
          i = entity.end;
          continue;
        }
      } else if (code === 0x5c /* \ */) {
        const escaped = decodeJsonEscapeAt(input, i);
        if (escaped) {
          out.replace(escaped.char, i, escaped.end);
          i = escaped.end;
          continue;
        }
      } else if (code === 0x25 /* % */) {
        if (i >= percentUntil) percentUntil = Math.max(percentUntil, encodedUrlEndingScheme(input, i));
        const byte = i < percentUntil ? asciiPercentByte(input, i) : null;
        if (byte !== null) {
          out.replace(byte, i, i + 3);
          i += 3;
          continue;
        }
      }
      i++;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(input.charCodeAt(i + 1))) {
      const char = input.slice(i, i + 2);
      if (!isNfkcStable(input.codePointAt(i)!)) {
        if (INVISIBLE.test(char)) out.replace('', i, i + 2);
        else {
          const replaced = nfkc(char);
          if (replaced !== char) out.replace(replaced, i, i + 2);
        }
      }
      i += 2;
      continue;
    }

    const kind = bmpKind[code] === UNKNOWN ? classifyBmp(code) : bmpKind[code]!;
    if (kind === REPLACE) out.replace(bmpReplacement.get(code)!, i, i + 1);
    else if (kind === DROP) out.replace('', i, i + 1);
    // Reads stay in range: one past either end deopts the optimised loop, and a recompile is costly.
    else if (
      kind === NEAR_LINK &&
      ((i > 0 && isLinkChar(input.charCodeAt(i - 1))) || (i + 1 < n && isLinkChar(input.charCodeAt(i + 1))))
    ) {
      out.replace(bmpReplacement.get(code)!, i, i + 1);
    }
    i++;
  }
  return out.finish();
}

/** Printable ASCII or its full-width form. */
function isLinkChar(code: number): boolean {
  return (code > 0x20 && code < 0x7f) || (code >= 0xff01 && code <= 0xff5e);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** `&amp;`, `&amp;amp;lt;`, `&#38;`, `&#x26;` … at `at`, or null. Repeated `amp;` is double escaping. */
function decodeEntityAt(input: string, at: number): { char: string; end: number } | null {
  let j = at + 1;
  let sawAmp = false;
  while (input.startsWith('amp;', j)) {
    j += 4;
    sawAmp = true;
  }
  let semi = -1; // a `;` within 9 characters; bounded, so a run of `&` stays linear
  for (let k = j + 1; k < j + 9 && k < input.length; k++) {
    if (input.charCodeAt(k) === 0x3b) {
      semi = k;
      break;
    }
  }
  if (semi > j) {
    const name = input.slice(j, semi);
    let char: string | undefined;
    if (name[0] === '#') {
      const value = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (value > 0 && value < 0x110000 && /^#(x[0-9a-f]+|\d+)$/i.test(name)) char = String.fromCodePoint(value);
    } else {
      char = NAMED_ENTITIES[name];
    }
    if (char !== undefined) return { char, end: semi + 1 };
  }
  return sawAmp ? { char: '&', end: j } : null;
}

/**
 * JSON string escapes that hide URL characters (`\u0026`, `\/`) or glue a link to the word before it (a line
 * break or tab written `\n`, `\r`, `\t` in a code string: `'感冒灵\nhttps://…'`).
 */
function decodeJsonEscapeAt(input: string, at: number): { char: string; end: number } | null {
  const next = input[at + 1];
  if (next === '/') return { char: '/', end: at + 2 };
  if ((next === 'n' || next === 'r' || next === 't') && input.startsWith('http', at + 2))
    return { char: next === 't' ? '\t' : '\n', end: at + 2 };
  if (next === 'u') {
    const hex = input.slice(at + 2, at + 6);
    if (/^[0-9a-fA-F]{4}$/.test(hex)) {
      const char = String.fromCharCode(parseInt(hex, 16));
      // A lone surrogate escape stays as written; everything else is decoded.
      if (!/[\ud800-\udfff]/.test(char)) return { char, end: at + 6 };
    }
  }
  return null;
}

/** Decodes `%XX` when it is printable ASCII; other bytes stay encoded (hosts and markers are ASCII). */
function asciiPercentByte(input: string, at: number): string | null {
  const hex = input.slice(at + 1, at + 3);
  if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
  const value = parseInt(hex, 16);
  return value >= 0x20 && value < 0x7f ? String.fromCharCode(value) : null;
}

const ENCODED_SCHEME = /^https?%3a%2f%2f/i;
/** URL characters, and what the main loop turns into them or drops (。 for a dot, zero-width spaces). */
const ENCODED_RUN = /[A-Za-z0-9%._~+\-!*'()。．｡\u200b-\u200d\u2060\ufeff]*/y;

/** encodedUrlEnd for the URL whose `http` or `https` would end right before the `%` at `at` (`…http%3A%2F%2F…`), or
 *  -1. encodedUrlEnd checks the scheme; a start before the text leaves too few characters to pass that check. */
const encodedUrlEndingScheme = (input: string, at: number) =>
  encodedUrlEnd(input, (input.charCodeAt(at - 1) | 0x20) === 0x73 /* s */ ? at - 5 : at - 4);

/**
 * Where a wholly percent-encoded URL starting at `at` ends (`https%3A%2F%2F…`), or -1. Only a URL that
 * stands alone is decoded here: one that is a parameter value (`from=https%3A…`) belongs to its outer URL
 * and is unwrapped by the URL analyser instead.
 */
function encodedUrlEnd(input: string, at: number): number {
  if (!ENCODED_SCHEME.test(input.slice(at, at + 14))) return -1;
  const before = input[at - 1];
  if (before !== undefined && /[=&?/%A-Za-z0-9]/.test(before)) return -1;
  ENCODED_RUN.lastIndex = at;
  ENCODED_RUN.test(input);
  return ENCODED_RUN.lastIndex;
}
