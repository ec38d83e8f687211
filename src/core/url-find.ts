// URL runs in (normalised) text: where they are. A linear loop with bounded steps that knows only what a URL
// looks like; what a URL IS (which source, affiliate or not) is url-analyze.ts's job.

import { hostRule, isShopHost } from './sources';

/** Where a URL's host ends: the first `/`, `?` or `#`. */
export const HOST_END = /[/?#]/;

/** Longest URL we look at; longer runs are cut so that adversarial pastes stay linear. */
const MAX_URL = 4096;

/**
 * A URL starts with a scheme (any: an unknown app's deep link may carry a shop's URL in a parameter), with `//`
 * (protocol-relative), or with a dotted host. The lookbehind keeps us from starting inside a word, a host, a path
 * or an e-mail address (`pengchun@taobao.com`), nor after a userscript pattern's wildcard scheme (`*` before
 * `//item.jd.com/…`). A colon may precede a scheme: `领券：https://…` (full-width ： is `:` once normalised), and
 * so may a shell default's `:-` (`${1:-https://…}`).
 */
const URL_START =
  /(?<![A-Za-z0-9.@_%]|[^:][+-])([A-Za-z][A-Za-z0-9.+-]{0,24}):\/\/|(?<![A-Za-z0-9.+@_/:%*-])(?:\/\/(?=[A-Za-z0-9-]{1,63}\.)|(?=(?:[A-Za-z0-9-]{1,63}\.){1,9}[A-Za-z]))/gi;
const isLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
const isHostChar = (code: number) => isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d;
/** ASCII characters that end a URL: quotes, angle brackets and the like (`}` outside a JSON value too). */
const URL_STOP: readonly boolean[] = Array.from({ length: 0x80 }, (_, c) =>
  '"\'<>`^|\\}'.includes(String.fromCharCode(c)),
);

export interface UrlSpan {
  start: number;
  end: number;
  /** The URL text with `https://` added to protocol-relative and schemeless forms. */
  url: string;
  schemeless: boolean;
}

/** Same pattern, tried at one position only. */
const URL_START_AT = new RegExp(URL_START.source, 'iy');
// Every URL holds a `.` (host) or a `/` (scheme, `//`) close to its start: the scan hops between these anchors.
/** A URL's start lies at most this far before its first anchor (scheme ≤ 16, host label ≤ 63). */
const MAX_LEAD = 96;

/**
 * From `from`, over host characters (letters, digits, `.`, `-`): the offset of the first letter, or of the
 * character that ends the run. Each call resumes where the last one stopped, so a long run is walked once.
 */
function nextLetterInRun(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLetter(code) || !isHostChar(code)) return i;
  }
  return i;
}

/** Characters between a URL's start and its first anchor: scheme letters, `:`, host label characters. */
function isLeadChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x3a) ||
    code === 0x2d ||
    code === 0x2b
  );
}

/**
 * Every URL-shaped span in `text`, in order, not overlapping. Rather than trying the start pattern at every
 * position, we hop from anchor to anchor and try only the positions where a URL could begin before it: the
 * start of the run of scheme/host characters, and right after a `:`. Each position is tried once.
 */
export function findUrls(text: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  let floor = 0; // no URL starts before the end of the previous one
  let tried = -1; // positions up to here were tried
  let noLetterUntil = -1; // the host-character run after the last number-like anchor has no letter before this
  // The next `.` and `/` by indexOf (a native scan, much faster than a regex call per anchor on page text).
  let nextDot = text.indexOf('.');
  let nextSlash = text.indexOf('/');
  let resumeAt = 0;
  for (;;) {
    if (nextDot >= 0 && nextDot < resumeAt) nextDot = text.indexOf('.', resumeAt);
    if (nextSlash >= 0 && nextSlash < resumeAt) nextSlash = text.indexOf('/', resumeAt);
    const at = nextDot < 0 ? nextSlash : nextSlash < 0 ? nextDot : Math.min(nextDot, nextSlash);
    if (at < 0) break;
    resumeAt = at + 1;
    let from = at;
    let letter = false;
    while (from > floor && at - from < MAX_LEAD && isLeadChar(text.charCodeAt(from - 1))) {
      from--;
      letter ||= isLetter(text.charCodeAt(from));
    }
    if (text.charCodeAt(at) === 0x2e /* . */ && !letter) {
      // `59.9`, `1.2万`: a run of host characters without a letter is a number, not a host (a TLD needs one).
      if (noLetterUntil <= at) noLetterUntil = nextLetterInRun(text, at + 1);
      if (noLetterUntil < 0 || noLetterUntil >= text.length || !isLetter(text.charCodeAt(noLetterUntil))) {
        tried = at;
        continue;
      }
    }
    if (from <= tried) from = tried + 1;
    let span: UrlSpan | null = null;
    for (let p = from; p <= at && !span; p++) {
      if (p !== from && text.charCodeAt(p - 1) !== 0x3a /* : */ && text.charCodeAt(p - 2) !== 0x3a) continue;
      URL_START_AT.lastIndex = p;
      const start = URL_START_AT.exec(text);
      if (start) span = scanUrlAt(text, p, start[0], start[1]);
    }
    tried = at;
    if (span) {
      spans.push(span);
      floor = span.end;
      tried = span.end - 1;
      resumeAt = span.end;
    }
  }
  return spans;
}

/**
 * What code writes right before a URL it matches against, so that the URL is a pattern, not a link anyone pasted:
 * a CSS attribute selector's substring, prefix or suffix operator (`a[href*="detail.1688.com/offer/"]`; `href="…"`
 * is a link written in HTML), or the string a test looks for (`url.startsWith("kwai://merchant/…")`,
 * `s.indexOf('detail.1688.com/offer/')`, `re.search(r"xhsdiscover://…")`, PHP's `strpos($url, 'http://…')`), or
 * a userscript's `// @match` line. A regex's `.test(…)` subject is data, and stays.
 */
const PATTERN_BEFORE =
  /[*^$~|]=["']?$|(?:\.(?:startsWith|indexOf|includes)\(|\bre\.\w+\(|(?:pos|str|count)\(\$\w+, ?)r?["'`]$|@(?:match|include)\s+$/i;

/** What opens a list's element (`[`) or follows a string of one (`"…", `), right before the quote of the next: not
 *  an argument after a number (`f(7, '…')`). (isPlausibleBareUrl tests it only once that quote is one.) */
const LISTED = /(?:\[|["'`] *,) *.$/;

const WORD = /[\p{L}\p{N}]/u;

function scanUrlAt(text: string, start: number, prefix: string, scheme: string | undefined): UrlSpan | null {
  const before = text.slice(Math.max(0, start - 16), start);
  if (PATTERN_BEFORE.test(before)) return null;
  const bodyStart = start + prefix.length;
  const isWeb = !scheme || /^https?$/i.test(scheme);
  let end = bodyStart;
  if (isWeb) {
    while (end < text.length && end - bodyStart < 253 && isHostChar(text.charCodeAt(end))) end++;
    while (end > bodyStart && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    const host = text.slice(bodyStart, end);
    if (!/^(?:[A-Za-z0-9-]{1,63}\.){1,12}[A-Za-z][A-Za-z0-9-]{0,62}$/.test(host)) return null;
    if (end < text.length && text.charCodeAt(end) === 0x3a /* : */) {
      const port = /^:\d{1,5}/.exec(text.slice(end, end + 6));
      if (port) end += port[0].length;
    }
    if ('/?#'.includes(text[end] ?? ' ')) end = extendUrl(text, end, start + MAX_URL);
  } else {
    end = extendUrl(text, bodyStart, start + MAX_URL);
    // An app link's query holds words as written (`?title=双11零食预售&htmlUrl=…`): its URL may come after them.
    while (end < start + MAX_URL && text.charCodeAt(end) > 0x7f && WORD.test(text[end]!))
      end = extendUrl(text, end + 1, start + MAX_URL);
  }
  // A match pattern (`"https://haohuo.jinritemai.com/*"`): a path of `/*` closes it where a link's string would end.
  if (text.startsWith('/*', end - 2) && '"\'`'.includes(text[end] ?? ' ')) return null;
  end = trimTrailing(text, bodyStart, end);
  if (end <= bodyStart || isRegexSource(text, start, end)) return null;
  const raw = text.slice(start, end);
  const schemeless = prefix === '';
  if (schemeless && !isPlausibleBareUrl(raw, before, text[end])) return null;
  return { start, end, url: isWeb && !scheme ? `https:${schemeless ? '//' : ''}${raw}` : raw, schemeless };
}

/** `/^https:\/\/item.jd.com\/\d+/`: a URL anchored by `^`, opening a regex literal (`/http:\/\/…/`, but not after
 *  a line comment's `//`) or followed by a regex escape (`\d`, `\.`) is a pattern that matches links, not a link.
 *  JSON's own escapes (`\"`, `\n`) after a URL do not count, nor does a `^` after a word: it joins fields there. */
function isRegexSource(text: string, start: number, end: number): boolean {
  return (
    (text[start - 1] === '^' && !WORD.test(text[start - 2] ?? '')) ||
    (text[start - 1] === '/' && !/[/\p{L}\p{N}]/u.test(text[start - 2] ?? '')) ||
    (text[end] === '\\' && 'dDwWsS.?*+([{'.includes(text[end + 1] || '"'))
  );
}

/**
 * Without a scheme, `Taobao.com` in prose is not a link: a bare host needs a path or a subdomain
 * (`item.jd.com/…`, `demo.m.mockuai.com`). Hosts that mean nothing to us are left alone. A bare host alone between
 * quotes (`'mercury.jd.com',`) is a host name in code or config, unless the host itself is a shop
 * (`"demo.m.mockuai.com"`, `'gbyl.taobao.com'`), on a brand whose goods otherwise need a page; in a list of
 * strings (`["item.taobao.com", "tw.taobao.com"]`) even a shop-shaped one is a host name. `lead`: the text just
 * before the URL.
 */
function isPlausibleBareUrl(raw: string, lead: string, after = ''): boolean {
  if (HOST_END.test(raw)) return true;
  const host = raw.toLowerCase();
  const rule = hostRule(host);
  const before = lead.slice(-1);
  if (
    !rule ||
    (before === after &&
      /["'`]/.test(before) &&
      (rule.plainPage || rule.affiliate !== undefined || rule.wrapper) &&
      (LISTED.test(lead) || !isShopHost(rule, host)))
  )
    return false;
  return host.split('.').length >= 3;
}

/**
 * URL characters that neither end a URL (URL_STOP, space, non-ASCII) nor open or close brackets or JSON. At most
 * MAX_URL of them: a URL is cut there anyway, and an unbounded run would walk a whole megabyte-long line of
 * `?url=?url=…` once per URL in it (quadratic).
 */
const URL_RUN = new RegExp(`[^\\x00-\\x20,\\x7f-\\uffff"'<>\`^|\\\\{}()[\\]]{1,${MAX_URL}}`, 'y');

/**
 * Extends over URL characters. Brackets must balance (markdown `[t](url)`); JSON in `params={…}` is kept. A `[`
 * in the path ends the URL: a path never holds one unescaped (a query may, `a[]=1`), a bot's `[CQ:image,…]` does.
 */
function extendUrl(text: string, from: number, limit: number): number {
  let depth = 0;
  let i = from;
  const stop = Math.min(text.length, limit);
  let pathSeen = from; // the path up to here holds no `?` or `#`
  let inQuery = false;
  while (i < stop) {
    // Skip the run of ordinary URL characters natively; the loop below only sees the characters that matter.
    URL_RUN.lastIndex = i;
    if (URL_RUN.test(text)) {
      i = Math.min(URL_RUN.lastIndex, stop);
      if (i === stop) break;
    }
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || URL_STOP[c]) break;
    // A CSV row's next field glued on by its comma (`…html,https://img…`): no URL holds another's scheme there.
    if (c === 0x2c /* , */ && /^https?:\/\//i.test(text.slice(i + 1, i + 9))) break;
    if (c === 0x7b /* { */) {
      i = skipJson(text, i, stop);
      continue;
    }
    if (c === 0x5b /* [ */ && !inQuery) {
      for (; pathSeen < i && !inQuery; pathSeen++) inQuery = '?#'.includes(text[pathSeen]!);
      if (!inQuery) break;
    }
    if (c === 0x28 /* ( */ || c === 0x5b /* [ */) depth++;
    else if (c === 0x29 /* ) */ || c === 0x5d /* ] */) {
      if (depth === 0) break;
      depth--;
    }
    i++;
  }
  return i;
}

/** Skips a JSON object (strings may hold anything but a line break); stops at the end of the line if open. */
function skipJson(text: string, from: number, stop: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < stop; i++) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r') return i;
    if (inString) {
      // An escape never swallows a line break: a string left open by a trailing `\` ends with its line.
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === '\n' || next === '\r') return i + 1;
        i++;
      } else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return stop;
}

/** Punctuation glued after a URL belongs to the sentence: `…726477321880.`, `…html。`, `…/abc)!`. */
function trimTrailing(text: string, from: number, end: number): number {
  while (end > from && '.,;:!?*\'"'.includes(text[end - 1]!)) end--;
  return end;
}
