// What the words around a link say about it. A share text is more than its link: 【淘宝】 and CZ3457 frame it,
// 领券/券后价 mark a 淘客 message, 【京东APP】 tells whose token it is, 直接观看 says a platform short link is a
// video, and 闲鱼 says a tb.cn link is second-hand goods. Alliance wording is found in one pass over the text
// around the links that need it; the rarer cues are looked for only in their link's own bounded window.

import { SECOND_HAND_NAMES, SHARE_APP_NAMES, SHARE_TAGS, SHOP_NAMES } from './sources';
import type { Source } from './types';

/** The app codes printed after a token or share link (`CZ3457`, `MF6563`, `HU7709`, JD `MU5104`, `ZH1234`). */
export const APP_CODE = '(?:CZ|MF|HU|CA|MU|ZH)\\d{3,4}(?![A-Za-z0-9])';
/** An app code right after a token or link, maybe after one space; group 1 is the code. */
export const SHARE_CODE_AFTER = new RegExp(`^ ?(${APP_CODE})`);

/**
 * Words that only 淘客 / alliance messages use (§3 pitfalls): coupons, "internal code", order-link labels, and
 * the 淘宝联盟 tool's own template `复制这条信息，￥…￥ ，打开【手机淘宝】即可查看`.
 */
const ALLIANCE_WORDS =
  '领券|券后|优惠券|券面额|元券|内部码|内部券|下单链接|在售价|佣金|返利|淘客|隐藏券|复制这条信息[^\\n]{0,40}打开【手机淘宝】即可查看';
/** A platform share link that is a video, a live room or a note, not goods (§15, §16). */
const MEDIA_WORDS = '直接观看|观看视频|看视频|作品|被播放|直播|存好这段口令|笔记|精彩内容';

/** Alliance wording is looked for around most links, so it is found once per region (CueFinder). */
export const ALLIANCE_CUE = new RegExp(ALLIANCE_WORDS, 'g');
/** The other cues matter only around a few links (platform share hosts, tb.cn): each looks at its own window. */
export const MEDIA_CUE = new RegExp(MEDIA_WORDS);
/** A platform share link that is the platform's own shop goods: the shop named, or 商品详情. */
export const OWN_GOODS_CUE = new RegExp([...SHOP_NAMES, '商品详情'].join('|'));
const SECOND_HAND = SECOND_HAND_NAMES.join('|');
/** A second-hand app (闲鱼) named before a link of the short hosts it shares: not a shop product. */
export const SECOND_HAND_CUE = new RegExp(SECOND_HAND, 'i');
/**
 * The same app named after a link on its line: its share text (`https://m.tb.cn/h.… 我在闲鱼发布了【…】`) or a
 * comment (`'https://m.tb.cn/h.…', // Xianyu`); a name with a colon labels the next link (`闲鱼：https://…`).
 */
export const SECOND_HAND_AFTER = new RegExp(`^[^\\p{L}\\p{N}\\n]*(?:我在|去)?(?:${SECOND_HAND})(?!\\s*[:：])`, 'iu');

/** Does `pattern` (not global) match inside text[from, to)? */
export function wordIn(text: string, pattern: RegExp, from: number, to: number): boolean {
  return pattern.test(text.slice(Math.max(0, from), Math.min(text.length, to)));
}

/**
 * Where a global pattern matches, looked for only near the atoms: the text around each atom (± `radius`) is
 * merged into regions, scanned once on first use. A long page with a few links costs a few windows.
 */
export class CueFinder {
  private readonly regions: Array<[number, number]> = [];
  private found: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly pattern: RegExp,
    spans: ReadonlyArray<{ start: number; end: number }>,
    radius: number,
  ) {
    for (const { start, end } of spans) {
      const from = Math.max(0, start - radius);
      const to = Math.min(text.length, end + radius);
      const last = this.regions[this.regions.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else this.regions.push([from, to]);
    }
  }

  /** Is there a match starting in [from, to)? */
  within(from: number, to: number): boolean {
    return hasCueIn(this.positions(), from, to);
  }

  /** Sorted start offsets of the matches inside the regions. */
  positions(): number[] {
    if (!this.found) {
      const found: number[] = [];
      for (const [from, to] of this.regions) {
        const region = this.text.slice(from, to);
        this.pattern.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = this.pattern.exec(region))) found.push(from + m.index);
      }
      this.found = found;
    }
    return this.found;
  }
}

/** Is there a cue in [from, to)? Binary search over sorted positions. */
function hasCueIn(positions: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < positions.length && positions[lo]! < to;
}

/**
 * The app tag in front of an official share link: `【淘宝】`, `16:06【京东】`, `【拼多多】百亿补贴 超划算 `. Its names
 * are the sources' share tags and the second-hand apps' names (tags that name no source of ours).
 */
const SHARE_TAG = new RegExp(
  `【(${[...SHARE_TAGS.keys(), SECOND_HAND].join('|')})】(?:[^\\s【】「」]{1,12}\\s{1,3}){0,3}$`,
);

export interface ShareTag {
  start: number;
  name: string;
  /** Undefined for a second-hand app's tag (闲鱼): it names no source of ours. */
  source: Source | undefined;
}

/** How far before a link its tag may start. */
const TAG_REACH = 56;

/**
 * The share tag that ends right before `at` (only spaces and a few service words between), if any: the plain
 * look-back that ShareTagFinder's tests compare it with.
 */
export function shareTagBefore(text: string, at: number): ShareTag | null {
  const from = Math.max(0, at - TAG_REACH);
  if (!hasCharIn(text, 0x3011 /* 】 */, from, at)) return null; // most links have no tag: skip slice and regex
  return tagIn(text, from, at);
}

function tagIn(text: string, from: number, at: number): ShareTag | null {
  const m = SHARE_TAG.exec(text.slice(from, at));
  if (!m) return null;
  return { start: from + m.index, name: m[1]!, source: SHARE_TAGS.get(m[1]!) };
}

/**
 * shareTagBefore for links met in text order: one forward pass over the text's `】`s (indexOf, native) instead
 * of a look back over every link's last 56 characters. Asked out of order, it starts its pass again.
 */
export class ShareTagFinder {
  private next: number;
  private last = -1; // the last `】` before the latest `at`
  private latest = -1;

  constructor(private readonly text: string) {
    this.next = text.indexOf('】');
  }

  before(at: number): ShareTag | null {
    if (at < this.latest) {
      this.next = this.text.indexOf('】');
      this.last = -1;
    }
    this.latest = at;
    while (this.next >= 0 && this.next < at) {
      this.last = this.next;
      this.next = this.text.indexOf('】', this.next + 1);
    }
    const from = Math.max(0, at - TAG_REACH);
    return this.last >= from ? tagIn(this.text, from, at) : null;
  }
}

/** Does text[from, to) hold the character `code`? A bounded look (lastIndexOf would search the whole text). */
function hasCharIn(text: string, code: number, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) if (text.charCodeAt(i) === code) return true;
  return false;
}

/** The app code printed after an official share link (` CZ3457`, ` MU5104`): its length, or 0. */
export function shareCodeAfter(text: string, at: number): number {
  if (at >= text.length) return 0;
  const first = text.charCodeAt(text.charCodeAt(at) === 0x20 ? at + 1 : at);
  if (!(first >= 0x41 && first <= 0x5a)) return 0; // codes start with a capital letter
  const m = SHARE_CODE_AFTER.exec(text.slice(at, at + 8));
  return m ? m[0].length : 0;
}

const APP_PATTERNS = SHARE_APP_NAMES.map(({ source, names }) => ({
  source,
  names: new RegExp(names.source, names.flags.includes('g') ? names.flags : `${names.flags}g`),
}));

/** Any app name at all (case-insensitive: a superset), so most windows are turned away by one test. */
const APP_HINT = new RegExp(SHARE_APP_NAMES.map(({ names }) => `(?:${names.source})`).join('|'), 'i');

/** The app a token belongs to: the app name nearest to it within `radius` characters, or undefined. */
export function appNear(text: string, start: number, end: number, radius: number): Source | undefined {
  const from = Math.max(0, start - radius);
  const window = text.slice(from, Math.min(text.length, end + radius));
  if (!APP_HINT.test(window)) return undefined; // no app name can be there
  let best: { source: Source; distance: number } | undefined;
  for (const { source, names } of APP_PATTERNS) {
    // exec on the shared global pattern finds what matchAll would, without a copy of the pattern per call.
    names.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = names.exec(window))) {
      if (m[0].length === 0) names.lastIndex++;
      const at = from + m.index;
      const distance = at < start ? start - (at + m[0].length) : at - end;
      if (!best || distance < best.distance) best = { source, distance };
    }
  }
  return best?.source;
}
