// What a URL is: a commerce link (which source, affiliate or not, which kind), a known non-goods page, or
// nothing we know. What a host, path or parameter MEANS comes from the records in sources.ts.

import {
  ALLIANCE_PATHS,
  familyOf,
  hostRule,
  isServicePage,
  isShopHost,
  JD_LOGIN_DES,
  NON_GOODS_PATHS,
  PARAM_MARKERS,
  PATH_SHAPES,
  QUICK_APP_BRANDS,
  SCHEME_RULES,
  SHORT_CODE_PATH,
  WORD_PAGE,
  WRAPPER_PARAMS,
  type HostRule,
  type PageView,
  type ParamMarker,
} from './sources';
import { ellipsis } from './ellipsis';
import { HOST_END } from './url-find';
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

/** Nesting depth for wrappers inside wrappers. */
const MAX_DEPTH = 4;

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
  const hostEnd = body.search(HOST_END);
  let host = lowerCase(hostEnd < 0 ? body : body.slice(0, hostEnd));
  if (host.includes(':')) host = host.replace(/:\d+$/, '');
  if (!host && !deep) return null;
  const rest = hostEnd < 0 ? '' : body.slice(hostEnd);
  const q = rest.indexOf('?');
  // `&` with no `?` before it: this URL was a parameter value (`?url=https://v.kuaishou.com/s/ab&type=ks`).
  const beforeQuery = q < 0 ? rest.split('&')[0]! : rest.slice(0, q);
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

/** What the URL `raw` is: a commerce link, a known non-goods page, or nothing we know. */
export function analyzeUrl(raw: string, depth = 0): Analysis {
  // Android's `intent://<host/path>#Intent;scheme=<scheme>;package=…;end` opens `<scheme>://<host/path>`.
  const url = parseUrl(
    raw.startsWith('intent://') ? (/;scheme=([^;]+)/.exec(raw)?.[1] ?? 'https') + raw.slice(6) : raw,
  );
  if (!url) return null;
  const params = parseParams(url.query);
  if (url.deep) return analyzeDeepLink(url, params, depth);
  if (url.scheme === 'hap') return analyzeQuickApp(url);
  if (url.scheme !== 'https' && url.scheme !== 'http') return analyzeAppLink(url, params, depth);
  return analyzeWebUrl(url, params, depth);
}

/** An app we do not know (`vipgift://…`) is no shop itself, but a shop's URL in any of its parameters is a link. */
function analyzeAppLink(url: ParsedUrl, params: Map<string, Param>, depth: number): Analysis {
  const inner = unwrap(params, depth, undefined, params.keys());
  return inner && inner !== NOT_GOODS
    ? { ...inner, kind: 'deep-link', evidence: `${url.scheme}:// ${inner.evidence}` }
    : inner;
}

/** `hap://app/<package>/…`: the quick app of the source whose brand word its package holds (`com.jd.quick`). */
function analyzeQuickApp(url: ParsedUrl): Analysis {
  const pkg = lowerCase(url.path.split('/')[1] ?? '');
  const source =
    url.host === 'app'
      ? pkg
          .split('.')
          .map((word) => QUICK_APP_BRANDS.get(word))
          .find(Boolean)
      : null;
  return source ? { source, affiliate: null, kind: 'deep-link', evidence: `quick app ${pkg}` } : null;
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
    if (!rule.unlessMarked || !findMarker(familyOf(rule.unlessMarked), view)) return NOT_GOODS;
    source = rule.unlessMarked;
  }
  if (NON_GOODS_PATHS.some((p) => p.source === source && p.path.test(view.page))) return NOT_GOODS;

  const isShort =
    !!rule.short &&
    SHORT_CODE_PATH.test(url.path) &&
    !/\.(?:s?html?|php|aspx?|action)$/i.test(url.path) &&
    !(rule.codesOnly && rule.host.startsWith('www.') && WORD_PAGE.test(url.path));
  // A shortener's bare home page (`https://t.cn`, `xhslink.com/a/…` cut short) links nowhere.
  if (rule.short && !isShort && url.path.length <= 3 && !url.query) return null;
  // The host's other pages (a video, a profile) are not goods, but for the platform's own goods pages (plainPage).
  if (rule.codesOnly && !isShort) {
    if (!rule.plainPage?.test(view.page)) return NOT_GOODS;
    source = rule.shareOf!;
  }
  // A CPS network's click page is a link whatever its path; a short code's path is a code, not a service name.
  if (!rule.cps && isServicePage(rule, url.host, isShort ? '' : lowerPath(url, view), view)) return NOT_GOODS;

  const plain = !!rule.plainPage?.test(view.page) || isShopHost(rule, url.host);
  if (rule.pagesOnly && !plain) return NOT_GOODS;

  const marker = findMarker(familyOf(source), view) ?? findAlliancePath(source, view);
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

/** The path lower-cased: the front of the page view, which starts with it (a second toLowerCase when a
 *  character changed length in the first). */
function lowerPath(url: ParsedUrl, view: PageView): string {
  return view.page.length === url.pathAndQuery.length ? view.page.slice(0, url.path.length) : lowerCase(url.path);
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
  for (const marker of ANY_HOST_MARKERS) {
    const evidence = markerEvidence(marker, view);
    if (evidence) return { source: marker.family, affiliate: true, kind: 'url', evidence };
  }
  return null;
}

/** Markers that mean their family on any host (a 淘宝联盟 PID in `?pid=mm_…`). */
const ANY_HOST_MARKERS = PARAM_MARKERS.filter((marker) => marker.anyHost);

/** Each family's markers, in PARAM_MARKERS order: a link looks only at its own family's. */
const MARKERS_OF_FAMILY = new Map<Source, ParamMarker[]>();
for (const marker of PARAM_MARKERS) {
  const list = MARKERS_OF_FAMILY.get(marker.family);
  if (list) list.push(marker);
  else MARKERS_OF_FAMILY.set(marker.family, [marker]);
}

function findMarker(family: Source | undefined, view: PageView): string | undefined {
  const markers = family && MARKERS_OF_FAMILY.get(family);
  if (!markers) return undefined;
  for (const marker of markers) {
    const evidence = markerEvidence(marker, view);
    if (evidence) return evidence;
  }
  return undefined;
}

function markerEvidence(marker: ParamMarker, view: PageView): string | undefined {
  const value = view.params.get(marker.key);
  return value !== undefined && marker.value.test(value) ? `param ${marker.key}=${ellipsis(value, 33)}` : undefined;
}

function findAlliancePath(source: Source, view: PageView): string | undefined {
  const hit = ALLIANCE_PATHS.find((p) => p.source === source && p.path.test(view.page));
  return hit ? `alliance page ${view.page.split('?')[0]}` : undefined;
}

/** Web, quick apps (hap) and the app schemes of SCHEME_RULES: what a wrapper parameter may hold. */
const NESTED_URL = new RegExp(
  `^(?:(?:${['https?', 'hap', ...Object.keys(SCHEME_RULES).map((scheme) => scheme.replace('.', '\\.'))].join('|')}):\\/\\/|\\/\\/)`,
  'i',
);

/** A wrapper's own page named without host (`launch_url=duo_coupon_landing.html%3Fgoods_id%3D…`). */
const RELATIVE_PAGE = /^\/?[A-Za-z0-9_-]{1,40}\.html?\?/;

/** The first wrapper parameter whose value is a URL we recognise (or know to be a login flow). */
function unwrap(
  params: Map<string, Param>,
  depth: number,
  host?: string,
  keys: Iterable<string> = WRAPPER_PARAMS,
): Analysis {
  if (depth >= MAX_DEPTH) return null;
  for (const key of keys) {
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
    // No target in the parameters: a body that starts with a host is a page of it (`tbopen://m.taobao.com/…/oauth`).
    else
      inner = unwrap(params, depth) ?? (url.host.includes('.') ? analyzeUrl(`https://${url.body}`, depth + 1) : null);
  }
  if (inner === NOT_GOODS) return NOT_GOODS;
  if (inner) {
    // A JD app link to a plain JD page is an ordinary JD link; markers inside still count.
    const affiliate = rule.target === 'jd-json' && inner.source === 'jd' && !inner.affiliate ? false : inner.affiliate;
    return { ...inner, affiliate, kind: 'deep-link', evidence: `${scheme} ${inner.evidence}` };
  }
  // A scheme with goods paths is commerce only on them (`kwai://merchant/…`, not `kwai://profile/…`).
  if (rule.goodsPath) {
    if (!rule.goodsPath.test(url.body.toLowerCase())) return null;
    // The family's markers hold in its app links too (`snssdk1128://ec_goods_detail?…&kol_id=…`).
    const marker = findMarker(familyOf(rule.source), pageView(url, params));
    return {
      source: rule.source,
      affiliate: marker ? true : rule.affiliate,
      kind: 'deep-link',
      evidence: `${scheme}${url.body.split(/[?/]/)[0]}${marker ? `, ${marker}` : ''}`,
    };
  }
  return { source: rule.source, affiliate: rule.affiliate, kind: 'deep-link', evidence: `scheme ${scheme}` };
}

/** The string fields of a JD deep link's params JSON that are read, each compiled once. */
const JD_FIELDS = Object.fromEntries(
  ['des', 'url', 'skuId', 'productId'].map((name) => [
    name,
    new RegExp(`"${name}"\\s*:\\s*"((?:[^"\\\\]|\\\\.){0,2000})"`, 'i'),
  ]),
);

/** `openapp.jdmobile://virtual?params={…}`: JSON raw or percent-encoded, possibly cut off. */
function analyzeJdParams(body: string, depth: number): Analysis {
  const at = body.indexOf('params=');
  if (at < 0) return null;
  // Raw, encoded, or encoded twice when the deep link itself sat inside a parameter (`%257B%2522…`).
  let json = body.slice(at + 'params='.length);
  for (let round = 0; round < 3 && /%(?:25|7b|22)/i.test(json.slice(0, 8)); round++) json = safeDecode(json);
  json = json.replace(/\\"/g, '"'); // the deep link was itself inside a JSON string: `{\"des\":…}`
  const field = (name: string) => JD_FIELDS[name]!.exec(json)?.[1]?.replace(/\\\//g, '/');
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
