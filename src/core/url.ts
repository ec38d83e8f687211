// URLs in (normalised) text: where they are, what they are. Scanning is a linear loop with bounded steps;
// what a host, path or parameter MEANS comes from the table in sources.ts.

import {
  ALLIANCE_PATHS,
  hostRule,
  isTaobaoShopHost,
  JD_LOGIN_DES,
  markerFamily,
  NON_GOODS_PATHS,
  PARAM_MARKERS,
  PATH_SHAPES,
  SCHEME_OWN_SOURCE,
  SCHEME_RULES,
  SHORT_CODE_PATH,
  WRAPPER_PARAMS,
  type HostRule,
  type PageView,
  type ParamMarker,
} from './sources';
import type { LinkKind, Seller, Source } from './types';

/** What a link is, before offsets are attached. */
export interface Recognition {
  source: Source;
  affiliate: boolean | null;
  kind: LinkKind;
  evidence: string;
  seller?: Seller;
  /** The host that decided, for share-text rules (internal; not part of a LinkFinding). */
  host?: string;
}
/** A host or flow that is known NOT to be goods (analytics, login, finance): nothing is reported. */
export const NOT_GOODS = 'not-goods';
export type Analysis = Recognition | typeof NOT_GOODS | null;

/** Longest URL we look at; longer runs are cut so that adversarial pastes stay linear. */
const MAX_URL = 4096;
/** Nesting depth for wrappers inside wrappers. */
const MAX_DEPTH = 4;

/** Web and the app schemes of SCHEME_RULES (one table; each alternative must be followed by `://`, so order is free). */
const SCHEMES = ['https?', ...Object.keys(SCHEME_RULES).map((scheme) => scheme.replace('.', '\\.'))].join('|');
/**
 * A URL starts with a known scheme, with `//` (protocol-relative), or with a dotted host. The lookbehind
 * keeps us from starting inside a word, a host, a path or an e-mail address (`pengchun@taobao.com`). A colon may
 * precede a scheme: `领券：https://…` (full-width ： is `:` once normalised).
 */
const URL_START = new RegExp(
  `(?<![A-Za-z0-9.+@_/%-])(${SCHEMES}):\\/\\/|(?<![A-Za-z0-9.+@_/:%-])(?:\\/\\/(?=[A-Za-z0-9-]{1,63}\\.)|(?=(?:[A-Za-z0-9-]{1,63}\\.){1,9}[A-Za-z]))`,
  'gi',
);
const isHostChar = (code: number) =>
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x30 && code <= 0x39) ||
  code === 0x2e ||
  code === 0x2d;
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

const isLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;

/**
 * From `from`, over host characters (letters, digits, `.`, `-`): the offset of the first letter, or of the
 * character that ends the run. Each call resumes where the last one stopped, so a long run is walked once.
 */
function nextLetterInRun(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLetter(code)) return i;
    if (!((code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d)) return i;
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
      if (noLetterUntil < 0 || !isLetter(text.charCodeAt(noLetterUntil))) {
        tried = at;
        continue;
      }
    }
    if (from <= tried) from = tried + 1;
    let span: UrlSpan | null = null;
    for (let p = from; p <= at && !span; p++) {
      if (p !== from && text.charCodeAt(p - 1) !== 0x3a /* : */) continue;
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

function scanUrlAt(text: string, start: number, prefix: string, scheme: string | undefined): UrlSpan | null {
  const bodyStart = start + prefix.length;
  const isWeb = !scheme || /^https?$/i.test(scheme);
  let end = bodyStart;
  if (isWeb) {
    while (end < text.length && end - bodyStart < 253 && isHostChar(text.charCodeAt(end))) end++;
    while (end > bodyStart && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    const host = text.slice(bodyStart, end);
    if (!/^(?:[A-Za-z0-9-]{1,63}\.){1,12}[A-Za-z][A-Za-z0-9-]{0,62}$/.test(host)) return null;
    if (text.charCodeAt(end) === 0x3a /* : */) {
      const port = /^:\d{1,5}/.exec(text.slice(end, end + 6));
      if (port) end += port[0].length;
    }
    if ('/?#'.includes(text[end] ?? ' ')) end = extendUrl(text, end, start + MAX_URL);
  } else {
    end = extendUrl(text, bodyStart, start + MAX_URL);
  }
  end = trimTrailing(text, bodyStart, end);
  if (end <= bodyStart) return null;
  const raw = text.slice(start, end);
  const schemeless = prefix === '';
  if (schemeless && !isPlausibleBareUrl(raw)) return null;
  return { start, end, url: isWeb && !scheme ? `https:${schemeless ? '//' : ''}${raw}` : raw, schemeless };
}

/**
 * Without a scheme, `Taobao.com` in prose is not a link: a bare host needs a path or a subdomain
 * (`item.jd.com/…`, `demo.m.mockuai.com`). Hosts that mean nothing to us are left alone.
 */
function isPlausibleBareUrl(raw: string): boolean {
  const slash = raw.search(/[/?#]/);
  const host = (slash < 0 ? raw : raw.slice(0, slash)).toLowerCase();
  if (!hostRule(host) && slash < 0) return false;
  return slash >= 0 || host.split('.').length >= 3;
}

/** URL characters that neither end a URL (URL_STOP, space, non-ASCII) nor open or close brackets or JSON. */
const URL_RUN = /[^\x00-\x20\x7f-\uffff"'<>`^|\\{}()[\]]+/y;

/** Extends over URL characters. Brackets must balance (markdown `[t](url)`); JSON in `params={…}` is kept. */
function extendUrl(text: string, from: number, limit: number): number {
  let depth = 0;
  let i = from;
  const stop = Math.min(text.length, limit);
  while (i < stop) {
    // Skip the run of ordinary URL characters natively; the loop below only sees the characters that matter.
    URL_RUN.lastIndex = i;
    if (URL_RUN.test(text)) {
      i = Math.min(URL_RUN.lastIndex, stop);
      if (i === stop) break;
    }
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || URL_STOP[c]) break;
    if (c === 0x7b /* { */) {
      i = skipJson(text, i, stop);
      continue;
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

// ---------------------------------------------------------------------------------------------------------
// Parsing

interface ParsedUrl {
  scheme: string;
  /** The scheme is an app deep link of SCHEME_RULES (looked up once, here). */
  deep: boolean;
  /** Lower-cased host; for app schemes the first segment (`virtual`, `showGoodsDetail` → lower-cased). */
  host: string;
  path: string;
  query: string;
  /** `path?query` as written (`path` alone when the query is empty); rules see it lower-cased. */
  pathAndQuery: string;
  /** Everything after `scheme://`, original case. */
  body: string;
}

const SCHEME_PREFIX = /^([A-Za-z][A-Za-z0-9.+-]{0,24}):\/\/|^\/\//;

/** Anything toLowerCase would change: an ASCII capital, or any non-ASCII character (`Ａ`, `Ä`). */
const MAY_CHANGE_CASE = /[A-Z\u0080-\uffff]/;

/**
 * s.toLowerCase(), without a copy when nothing changes. Page text holds Chinese, so URL slices are two-byte
 * strings, for which the engine copies on every toLowerCase; most hosts, paths and keys are lower case already.
 */
function lowerCase(s: string): string {
  return MAY_CHANGE_CASE.test(s) ? s.toLowerCase() : s;
}

/** Where the host ends: the first `/`, `?` or `#`, or -1. */
function hostEndIn(body: string): number {
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x2f || c === 0x3f || c === 0x23) return i;
  }
  return -1;
}

function parseUrl(raw: string): ParsedUrl | null {
  // Nearly every URL is lower-case https/http: no regex, and the scheme is a constant string.
  let scheme = 'https';
  let prefix = 8;
  if (raw.startsWith('http://')) {
    scheme = 'http';
    prefix = 7;
  } else if (!raw.startsWith('https://')) {
    const m = SCHEME_PREFIX.exec(raw);
    scheme = m?.[1]?.toLowerCase() ?? 'https';
    prefix = m ? m[0].length : 0;
  }
  const web = scheme === 'https' || scheme === 'http';
  const deep = !web && scheme in SCHEME_RULES;
  const body = prefix ? raw.slice(prefix) : raw;
  const hostEnd = hostEndIn(body);
  let host = lowerCase(hostEnd < 0 ? body : body.slice(0, hostEnd));
  if (host.includes(':')) host = host.replace(/:\d+$/, '');
  if (!host && !deep) return null;
  const rest = hostEnd < 0 ? '' : body.slice(hostEnd);
  const q = rest.indexOf('?');
  const beforeQuery = q < 0 ? rest : rest.slice(0, q);
  const hash = beforeQuery.indexOf('#');
  const path = hash < 0 ? beforeQuery : beforeQuery.slice(0, hash);
  let query = q < 0 ? '' : rest.slice(q + 1);
  // A fragment ends the query, except in the app-scheme JSON and nested URLs we unwrap ourselves.
  if (web) {
    const fragment = query.indexOf('#');
    if (fragment >= 0) query = query.slice(0, fragment);
  }
  // Without a fragment in the path, `path?query` is one slice of the URL: no concatenation to flatten.
  const pathAndQuery = !query ? path : hash < 0 ? rest.slice(0, q + 1 + query.length) : `${path}?${query}`;
  return { scheme, deep, host, path, query, pathAndQuery, body };
}

interface Param {
  /** As written (still percent-encoded). */
  raw: string;
  /** The text from the value to the end of the URL: an unencoded nested URL keeps its own `&…` parameters. */
  readonly rest: string;
}

/** A parameter; `rest` is cut from the query only when an unwrapper asks for it. */
class QueryParam implements Param {
  constructor(
    readonly raw: string,
    private readonly query: string,
    private readonly valueAt: number,
  ) {}
  get rest(): string {
    return this.query.slice(this.valueAt);
  }
}

function parseParams(query: string): Map<string, Param> {
  const params = new Map<string, Param>();
  let at = 0;
  while (at <= query.length && params.size < 200) {
    let amp = query.indexOf('&', at);
    if (amp < 0) amp = query.length;
    const eq = query.indexOf('=', at);
    if (eq > at && eq < amp) {
      const key = lowerCase(safeDecode(query.slice(at, eq)));
      if (!params.has(key)) params.set(key, new QueryParam(query.slice(eq + 1, amp), query, eq + 1));
    }
    at = amp + 1;
  }
  return params;
}

/** decodeURIComponent that never throws: malformed input keeps its undecodable parts. */
export function safeDecode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value.replace(/%([0-9a-fA-F]{2})/g, (all, hex: string) => {
      const code = parseInt(hex, 16);
      return code < 0x80 ? String.fromCharCode(code) : all;
    });
  }
}

/** Parameter values, percent-decoded when a rule first reads them (most are never read). */
class DecodedParams {
  /** Made on the first decoding: many URLs have no parameter a rule reads. */
  private decoded: Map<string, string> | undefined;
  constructor(private readonly params: Map<string, Param>) {}
  get(key: string): string | undefined {
    let value = this.decoded?.get(key);
    if (value === undefined) {
      const param = this.params.get(key);
      if (!param) return undefined;
      value = safeDecode(param.raw);
      (this.decoded ??= new Map()).set(key, value);
    }
    return value;
  }
}

function pageView(url: ParsedUrl, params: Map<string, Param>): PageView {
  return { page: lowerCase(url.pathAndQuery), params: new DecodedParams(params) };
}

// ---------------------------------------------------------------------------------------------------------
// Analysis

/** What the URL `raw` is: a commerce link, a known non-goods page, or nothing we know. */
export function analyzeUrl(raw: string, depth = 0): Analysis {
  const url = parseUrl(raw);
  if (!url) return null;
  const params = parseParams(url.query);
  if (url.deep) return analyzeDeepLink(url, params, depth);
  return analyzeWebUrl(url, params, depth);
}

/** `@` standing in for an id (`360buy.com/product/@.html`) marks a URL pattern table, not a link. */
const TEMPLATE_PLACEHOLDER = /[/=]@(?:[.;&]|$)/;

function analyzeWebUrl(url: ParsedUrl, params: Map<string, Param>, depth: number): Analysis {
  // Most URLs hold no `@`: skip building path + query for the test.
  if ((url.path.includes('@') || url.query.includes('@')) && TEMPLATE_PLACEHOLDER.test(url.path + url.query))
    return null;
  const rule = hostRule(url.host);
  const view = pageView(url, params);

  if (!rule || isWrapperPage(rule, view)) {
    const inner = unwrap(params, depth, rule ? url.host : undefined);
    if (inner === NOT_GOODS) return NOT_GOODS;
    if (inner) {
      // A CPS network or an alliance transfer page (union.dangdang.com) makes whatever it wraps affiliate.
      const affiliate = rule?.cps || rule?.affiliate === true ? true : inner.affiliate;
      return { ...inner, kind: 'url', affiliate, evidence: `${inner.evidence}, inside ${url.host}` };
    }
  }
  if (!rule) return recognizeUnknownHost(url, view);

  let source = rule.source;
  if (source === null) {
    if (!rule.unlessMarked || !findMarker(markerFamily(rule.unlessMarked), view)) return NOT_GOODS;
    source = rule.unlessMarked;
  }
  if (NON_GOODS_PATHS.some((p) => p.source === source && p.path.test(view.page))) return NOT_GOODS;

  const plain = !!rule.plainPage?.test(view.page) || (source === 'taobao' && isTaobaoShopHost(url.host));
  if (rule.pagesOnly && !plain) return NOT_GOODS;
  const isShort = !!rule.short && SHORT_CODE_PATH.test(url.path) && !/\.(?:s?html?|php|aspx?|action)$/i.test(url.path);
  // A shortener's bare home page (`https://t.cn`, `xhslink.com/a/…` cut short) links nowhere.
  if (rule.short && !isShort && url.path.length <= 3 && !url.query) return null;

  const marker = findMarker(markerFamily(source), view) ?? findAlliancePath(source, view);
  const affiliate =
    marker || rule.affiliate === true || (isShort && rule.codeAffiliate)
      ? true
      : plain
        ? false
        : (rule.affiliate ?? null);
  const evidence = marker ?? `host ${url.host}${plain ? ' (item/shop page)' : ''}`;
  const recognition: Recognition = {
    source,
    affiliate,
    kind: isShort ? 'short-link' : 'url',
    evidence,
    host: url.host,
  };
  const seller = rule.seller?.(view);
  if (seller) recognition.seller = seller;
  return recognition;
}

function isWrapperPage(rule: HostRule, view: PageView): boolean {
  return rule.wrapper instanceof RegExp ? rule.wrapper.test(view.page) : !!rule.wrapper;
}

/** On a host we do not know, only brand-neutral path shapes and mm_ PIDs tell a source. */
function recognizeUnknownHost(url: ParsedUrl, view: PageView): Analysis {
  for (const shape of PATH_SHAPES) {
    if (shape.page.test(view.page)) {
      return {
        source: shape.source,
        affiliate: shape.affiliate,
        kind: shape.short ? 'short-link' : 'url',
        evidence: `${shape.evidence} on ${url.host}`,
      };
    }
  }
  const pid = findMarker('taobao', view, ['ali_trackid', 'pid']);
  return pid ? { source: 'taobao', affiliate: true, kind: 'url', evidence: pid } : null;
}

function findMarker(
  family: ParamMarker['family'] | undefined,
  view: PageView,
  keys?: readonly string[],
): string | undefined {
  if (!family) return undefined;
  for (const marker of PARAM_MARKERS) {
    if (marker.family !== family || (keys && !keys.includes(marker.key))) continue;
    const value = view.params.get(marker.key);
    if (value !== undefined && marker.value.test(value)) return `param ${marker.key}=${shorten(value)}`;
  }
  return undefined;
}

function findAlliancePath(source: Source, view: PageView): string | undefined {
  const hit = ALLIANCE_PATHS.find((p) => p.source === source && p.path.test(view.page));
  return hit ? `alliance page ${view.page.split('?')[0]}` : undefined;
}

function shorten(value: string): string {
  return value.length > 32 ? `${value.slice(0, 32)}…` : value;
}

const NESTED_URL = new RegExp(`^(?:(?:${SCHEMES}):\\/\\/|\\/\\/)`, 'i');

/** A wrapper's own page named without host (`launch_url=duo_coupon_landing.html%3Fgoods_id%3D…`). */
const RELATIVE_PAGE = /^\/?[A-Za-z0-9_-]{1,40}\.html?\?/;

/** The first wrapper parameter whose value is a URL we recognise (or know to be a login flow). */
function unwrap(params: Map<string, Param>, depth: number, host?: string): Analysis {
  if (depth >= MAX_DEPTH) return null;
  for (const key of WRAPPER_PARAMS) {
    const param = params.get(key);
    if (!param) continue;
    let target: string | null = null;
    if (NESTED_URL.test(param.raw)) target = param.rest;
    else {
      let decoded = safeDecode(param.raw);
      if (/%3a%2f%2f/i.test(decoded)) decoded = safeDecode(decoded); // encoded twice
      if (NESTED_URL.test(decoded)) target = decoded;
      else if (host && RELATIVE_PAGE.test(decoded)) target = `https://${host}/${decoded.replace(/^\//, '')}`;
    }
    if (target === null) continue;
    const inner = analyzeUrl(target, depth + 1);
    if (inner) return inner;
  }
  return null;
}

function analyzeDeepLink(url: ParsedUrl, params: Map<string, Param>, depth: number): Analysis {
  const rule = SCHEME_RULES[url.scheme]!;
  const scheme = `${url.scheme}://`;
  let inner: Analysis = null;
  if (depth < MAX_DEPTH) {
    if (rule.target === 'inner') inner = analyzeUrl(`https://${url.body}`, depth + 1);
    else if (rule.target === 'jd-json') inner = analyzeJdParams(url.body, depth);
    else inner = unwrap(params, depth);
  }
  if (inner === NOT_GOODS) return NOT_GOODS;
  if (inner) {
    // A JD app link to a plain JD page is an ordinary JD link; markers inside still count.
    const affiliate = rule.target === 'jd-json' && inner.source === 'jd' && !inner.affiliate ? false : inner.affiliate;
    return { ...inner, affiliate, kind: 'deep-link', evidence: `${scheme} ${inner.evidence}` };
  }
  const own = SCHEME_OWN_SOURCE[url.scheme];
  if (own && rule.goodsPath?.test(url.body.toLowerCase())) {
    return {
      source: own,
      affiliate: rule.affiliate,
      kind: 'deep-link',
      evidence: `${scheme}${url.body.split(/[?/]/)[0]}`,
    };
  }
  if (!rule.source) return null;
  return { source: rule.source, affiliate: rule.affiliate, kind: 'deep-link', evidence: `scheme ${scheme}` };
}

/** `openapp.jdmobile://virtual?params={…}`: JSON raw or percent-encoded, possibly cut off. */
function analyzeJdParams(body: string, depth: number): Analysis {
  const at = body.indexOf('params=');
  if (at < 0) return null;
  // Raw, encoded, or encoded twice when the deep link itself sat inside a parameter (`%257B%2522…`).
  let json = body.slice(at + 'params='.length);
  for (let round = 0; round < 3 && /%(?:25|7b|22)/i.test(json.slice(0, 8)); round++) json = safeDecode(json);
  json = json.replace(/\\"/g, '"'); // the deep link was itself inside a JSON string: `{\"des\":…}`
  const field = (name: string) =>
    new RegExp(`"${name}"\\s*:\\s*"((?:[^"\\\\]|\\\\.){0,2000})"`, 'i').exec(json)?.[1]?.replace(/\\\//g, '/');
  const des = field('des');
  if (des && JD_LOGIN_DES.test(des)) return NOT_GOODS;
  const nested = field('url');
  if (nested) {
    const inner = analyzeUrl(nested, depth + 1);
    if (inner) return inner;
  }
  const sku = field('skuId') ?? field('productId');
  if (sku) return { source: 'jd', affiliate: false, kind: 'deep-link', evidence: `skuId ${sku}` };
  return des ? { source: 'jd', affiliate: false, kind: 'deep-link', evidence: `des ${des}` } : null;
}
