// Which encoding a text export is in, read from its first bytes, and decoding in that encoding as the bytes stream
// in. Exports reach the command line from Excel/WPS as UTF-8 (with or without a BOM), "Unicode text" (UTF-16 LE,
// with or without a BOM) or, on Chinese Windows, GBK; a UTF-8 file with one stray byte is still UTF-8.
import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

export interface Detected {
  encoding: Encoding;
  /** Length of the byte-order mark to drop. */
  bom: number;
}

/** A sample that is no text at all: a control byte per this many bytes or more. */
const BINARY_CONTROLS = 1 / 100;

/** Length of `bytes` without a UTF-8 sequence cut off at its end (which the next chunk completes). */
export function completeUtf8Length(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = end - 1; i >= 0 && i >= end - 4; i--) {
    const byte = bytes[i]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const need =
      byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xc2 && byte <= 0xdf ? 2 : 1;
    return end - i < need ? i : end;
  }
  return end;
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that belong to none. */
function utf8Evidence(bytes: Uint8Array): { sequences: number; stray: number } {
  let sequences = 0;
  let stray = 0;
  const end = completeUtf8Length(bytes);
  for (let i = 0; i < end; ) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const need =
      byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < end + 1;
    for (let k = 1; ok && k <= need; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      sequences++;
      i += need + 1;
    } else {
      stray++;
      i++;
    }
  }
  return { sequences, stray };
}

/** What Chinese text in GBK decodes to: CJK characters and punctuation, full-width forms, general punctuation. */
const CHINESE = /[\u00b7\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g;
const NON_ASCII = /[^\t\n\r -~]/g;

/** Bytes that decode as GBK without an error into (nearly) nothing but Chinese text. */
function isGbk(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('gbk', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return false;
  }
  const nonAscii = text.match(NON_ASCII)?.length ?? 0;
  return nonAscii > 0 && (text.match(CHINESE)?.length ?? 0) >= nonAscii * 0.9;
}

/**
 * The encoding of a text whose first non-ASCII bytes are `sample` (`atStart`: the sample starts the input, where a
 * byte-order mark can be); null when the sample is no text (binary data, a zip, an image).
 */
export function detectEncoding(sample: Uint8Array, atStart = true): Detected | null {
  if (atStart) {
    if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
    if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
    if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  }
  // UTF-16 without a BOM: the high byte of every ASCII character (tabs, newlines, digits, URLs) is zero, on the odd
  // bytes for little-endian, the even ones for big-endian; UTF-8 and GBK text has no zero bytes at all.
  let evenZeros = 0;
  let oddZeros = 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    } else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b)
      controls++;
  }
  const pairs = sample.length / 2;
  if (oddZeros >= pairs / 5 && evenZeros <= oddZeros / 20) return { encoding: 'utf-16le', bom: 0 };
  if (evenZeros >= pairs / 5 && oddZeros <= evenZeros / 20) return { encoding: 'utf-16be', bom: 0 };
  if (evenZeros + oddZeros + controls > sample.length * BINARY_CONTROLS) return null;
  if (isUtf8(sample.subarray(0, completeUtf8Length(sample)))) return { encoding: 'utf-8', bom: 0 };
  // Mostly well-formed UTF-8 with a few stray bytes is UTF-8 (the strays become U+FFFD, with a warning); GBK bytes
  // are rarely well-formed UTF-8, so they only count as GBK when they are nearly all stray and all valid GBK.
  const { sequences, stray } = utf8Evidence(sample);
  if (sequences >= stray) return { encoding: 'utf-8', bom: 0 };
  if (isGbk(sample)) return { encoding: 'gbk', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

/** Whole sequences to text: Node's TextDecoder decodes UTF-8 in about half the time of Buffer#toString. The BOM is
 *  the caller's to skip (detectEncoding says where the text starts). */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decodes chunk by chunk; `onStray` is told (once) the byte offset of the first byte that is not UTF-8. */
export class Utf8Decoder {
  private carry: Buffer | null = null;
  private offset = 0;
  private warned = false;
  constructor(private readonly onStray: (offset: number) => void) {}

  decode(chunk: Buffer): string {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completeUtf8Length(bytes);
    this.carry = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
    return this.text(cut === bytes.length ? bytes : bytes.subarray(0, cut));
  }

  end(): string {
    const rest = this.carry;
    this.carry = null;
    return rest ? this.text(rest) : '';
  }

  private text(bytes: Buffer): string {
    if (!this.warned && !isUtf8(bytes)) {
      this.warned = true;
      this.onStray(this.offset + firstStray(bytes));
    }
    this.offset += bytes.length;
    return UTF8.decode(bytes);
  }
}

function firstStray(bytes: Buffer): number {
  // Bisect to the shortest prefix that is not well-formed: its last byte is where the trouble starts.
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (isUtf8(bytes.subarray(0, completeUtf8Length(bytes.subarray(0, mid))))) good = mid;
    else bad = mid;
  }
  return good;
}
