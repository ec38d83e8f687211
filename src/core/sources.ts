// THE table of commerce sources: which host, path shape, parameter marker or app scheme means which source.
// Everything source-specific lives here; the scanners in url.ts / tokens.ts / extract.ts stay generic.
// Patterns come from ../shared/research/link-patterns.md (section numbers in the comments).

import type { Seller, Source } from './types';

/** What a URL looks like to a rule: lower-cased path and query, plus the decoded parameters. */
export interface PageView {
  /** Lower-cased `path?query`, e.g. `/item.htm?spm=a1&id=123`. */
  page: string;
  /** Parameters by lower-cased name, values percent-decoded (first occurrence wins). */
  params: { get(key: string): string | undefined };
}

export interface HostRule {
  /** Matched on whole labels, anchored at the end of the host: `taobao.com` ⊃ `item.taobao.com`. */
  host: string;
  /** null: a hard negative — an Alibaba/JD host that is not goods (analytics, finance, images, npm). */
  source: Source | null;
  /** Affiliate when no marker and no plain page decides. Default null (the text cannot tell). */
  affiliate?: boolean | null;
  /** A short-link host: a one-code path (`/rioMXxu`, `/h.4CEhFr0`, `/s/Eb6ykv4y`) is kind `short-link`. */
  short?: boolean;
  /** The host's one-code short links are affiliate, while its ordinary pages say nothing (p.pinduoduo.com). */
  codeAffiliate?: boolean;
  /** A page that identifies one item or shop: affiliate false unless a marker says otherwise. */
  plainPage?: RegExp;
  /** Only pages matching `plainPage` are commerce (Xiaohongshu notes are not goods). */
  pagesOnly?: boolean;
  /**
   * The real target sits in a parameter (login walls, app launchers, redirectors): look there first.
   * A RegExp limits this to matching pages (`/login.html`, `/app.html`).
   */
  wrapper?: boolean | RegExp;
  /** A CPS network's click URL: whatever it wraps was reached through an affiliate. */
  cps?: boolean;
  /** A non-goods host that still counts, as this source, when it carries an alliance marker. */
  unlessMarked?: Source;
  /** Which seller the path tells, where it does. */
  seller?: (view: PageView) => Seller | undefined;
}

/** Taobao-family item ids may sit in any of these parameters, not only first (§1). */
const TAOBAO_ITEM = /[?&](?:id|itemid|item_id|num_iid|shop_id|shopid)=|^\/i\d{6,14}\.htm/;
const JD_ITEM =
  /^\/(?:product\/)?\d{5,14}\.(?:html|web)|^\/index-\d+\.html|[?&](?:wareid|sku|sku_id|skuid|shopid)=|^\/product\/\d+\.html/;
const PDD_GOODS = /[?&]goods_id=|^\/goods\/\d+/;
/** PDD's login wall (`from=`) and app launcher (`launch_url=`) carry the goods page inside. */
const PDD_WRAPPER = /^\/(?:login|app)\.html/;
const SUNING_SELF = /\/0{10}\//;

/** Item paths with a 10-digit shop code: `/product/<shop>/<item>.html` (mobile) or `/<shop>/<item>.html` (PC). */
const SUNING_SHOP_ITEM = /^\/(?:product\/)?\d{10}\/\d+\.html/;

function suningSeller(view: PageView): Seller | undefined {
  if (!SUNING_SHOP_ITEM.test(view.page)) return undefined;
  return SUNING_SELF.test(view.page) ? 'self-operated' : 'marketplace';
}

export const HOST_RULES: readonly HostRule[] = [
  // §1 Taobao — shops on <name>.taobao.com are handled by `isTaobaoShopHost`.
  { host: 'taobao.com', source: 'taobao', plainPage: TAOBAO_ITEM },
  { host: 'tb.cn', source: 'taobao', short: true },
  { host: 'mashort.cn', source: 'taobao', short: true },
  { host: 'juhuasuan.com', source: 'taobao', plainPage: TAOBAO_ITEM },
  { host: 's.click.taobao.com', source: 'taobao', affiliate: true, short: true },
  { host: 'uland.taobao.com', source: 'taobao', affiliate: true },
  { host: 'login.taobao.com', source: null, wrapper: true },
  { host: 'sycm.taobao.com', source: null },
  { host: 'simba.taobao.com', source: null }, // 直通车 paid ads, not the alliance
  { host: 'npm.taobao.com', source: null },
  { host: 'fleamarket.taobao.com', source: null }, // 闲鱼 second-hand
  // §2 Tmall
  { host: 'tmall.com', source: 'tmall', plainPage: TAOBAO_ITEM },
  { host: 'tmall.hk', source: 'tmall', plainPage: TAOBAO_ITEM },
  { host: 'page.tm', source: 'tmall', plainPage: TAOBAO_ITEM },
  { host: 's.click.tmall.com', source: 'tmall', affiliate: true, short: true },
  { host: 'uland.tmall.com', source: 'tmall', affiliate: true },
  // §14 1688
  { host: '1688.com', source: '1688', plainPage: /^\/offer\/|^\/pic\// },
  { host: 'qr.1688.com', source: '1688', short: true },
  { host: 'login.1688.com', source: null, wrapper: true },
  // §4–5 JD and 京东联盟
  { host: 'jd.com', source: 'jd', plainPage: JD_ITEM },
  { host: 'jd.hk', source: 'jd', plainPage: JD_ITEM },
  { host: 'npcitem.jd.hk', source: 'jd', plainPage: JD_ITEM, seller: () => 'self-operated' },
  { host: '3.jd.hk', source: 'jd', short: true },
  { host: '3.cn', source: 'jd', short: true },
  { host: 'yiyaojd.com', source: 'jd', plainPage: JD_ITEM },
  { host: '360buy.com', source: 'jd', plainPage: JD_ITEM },
  { host: 'u.jd.com', source: 'jd', affiliate: true, short: true },
  { host: 'union-click.jd.com', source: 'jd', affiliate: true },
  { host: 'jingfen.jd.com', source: 'jd', affiliate: true },
  { host: 'platform.m.jd.com', source: 'jd', wrapper: true },
  { host: 'dc2.jd.com', source: 'jd', wrapper: true },
  { host: 'jr.jd.com', source: null, unlessMarked: 'jd' }, // JD Finance
  { host: 'qr.m.jd.com', source: null }, // login QR flow
  { host: 'passport.jd.com', source: null },
  // §6–7 Pinduoduo and 多多进宝
  { host: 'yangkeduo.com', source: 'pinduoduo', plainPage: PDD_GOODS, wrapper: PDD_WRAPPER },
  { host: 'pinduoduo.com', source: 'pinduoduo', plainPage: PDD_GOODS, wrapper: PDD_WRAPPER },
  { host: 'com.xunmeng.pinduoduo', source: 'pinduoduo', plainPage: PDD_GOODS }, // host part of pinduoduo://
  // p.pinduoduo.com codes are 多多进宝 short links (§7); a normal page path on it says nothing more.
  { host: 'p.pinduoduo.com', source: 'pinduoduo', short: true, codeAffiliate: true },
  // §8 Youzan (item pages carry no affiliate signal but `dc_ps`)
  { host: 'youzan.com', source: 'youzan' },
  { host: 'koudaitong.com', source: 'youzan' },
  { host: 'j.youzan.com', source: 'youzan', short: true },
  { host: 'kdt.im', source: 'youzan', short: true },
  { host: 'api.kdt.im', source: null },
  { host: 'yzcdn.cn', source: null },
  // §9 Mokuai: merchant H5 shops on <biz>.m.mockuai.com; the company's other hosts are not goods.
  { host: 'm.mockuai.com', source: 'mokuai' },
  { host: 'm.mockuai.net', source: 'mokuai' },
  // §10 Vipshop
  { host: 'vip.com', source: 'vipshop', plainPage: /^\/(?:product|detail)-\d+-\d+\.html/ },
  { host: 't.vip.com', source: 'vipshop', affiliate: true, short: true },
  { host: 'union.vip.com', source: 'vipshop', affiliate: true },
  // §11 Suning
  { host: 'suning.com', source: 'suning', plainPage: /\/product\/|^\/\d{10}\/\d+\.html/, seller: suningSeller },
  { host: 'sugs.suning.com', source: 'suning', affiliate: true, short: true },
  // §12 Kaola
  { host: 'kaola.com', source: 'kaola', plainPage: /^\/product\/\d+\.html/ },
  { host: 'lu.kaola.com', source: 'kaola', short: true },
  // §13 Dangdang
  { host: 'dangdang.com', source: 'dangdang', plainPage: /^\/\d{6,12}\.html|[?&]product_id=/ },
  { host: 'union.dangdang.com', source: 'dangdang', affiliate: true, wrapper: true },
  // §15 The live platforms' own shops: recognised so they can be ALLOWED, never called third-party.
  { host: 'kwaixiaodian.com', source: 'kuaishou', affiliate: false },
  { host: 's.kwaixiaodian.com', source: null }, // merchant back office
  { host: 'syt.kwaixiaodian.com', source: null },
  { host: 'login.kwaixiaodian.com', source: null },
  { host: 'open.kwaixiaodian.com', source: null },
  { host: 'openapi.kwaixiaodian.com', source: null },
  { host: 'haohuo.jinritemai.com', source: 'douyin', affiliate: false },
  { host: 'xiaohongshu.com', source: 'xiaohongshu', plainPage: /^\/goods-detail\//, pagesOnly: true },
  // Weixin 微信小店: listed under "other malls" in the research, but `weixin` is a source of ours.
  { host: 'store.weixin.qq.com', source: 'weixin', plainPage: /^\/shop\// },
  // §16 Platform share shorteners and generic shorteners: the target is unknown until resolved.
  { host: 'v.douyin.com', source: 'shortener', short: true },
  { host: 'v.kuaishou.com', source: 'shortener', short: true },
  { host: 'v.kuaishouapp.com', source: 'shortener', short: true },
  { host: 'xhslink.com', source: 'shortener', short: true },
  { host: 'xhslink.cn', source: 'shortener', short: true },
  { host: 't.cn', source: 'shortener', short: true },
  { host: 'dwz.cn', source: 'shortener', short: true },
  { host: 'url.cn', source: 'shortener', short: true },
  { host: 'j.mp', source: 'shortener', short: true },
  // Widely used generic shorteners seen in 淘客 groups; like t.cn, where they lead is unknown until resolved.
  ...['bit.ly', 'tinyurl.com', 'goo.gl', 't.co', 'is.gd', 'suo.im', 'cutt.ly', 'ow.ly', 'sohu.gg', 'mrw.so'].map(
    (host): HostRule => ({ host, source: 'shortener', short: true }),
  ),
  { host: 'go.maxthon.cn', source: 'shortener', wrapper: true },
  // CPS networks (多麦, 成果网): a click URL whose target is an affiliate link, visible or not.
  { host: 'c.duomai.com', source: 'shortener', affiliate: true, wrapper: true, cps: true },
  { host: 'count.chanet.com.cn', source: 'shortener', affiliate: true, wrapper: true, cps: true },
];

const RULES_BY_HOST = new Map(HOST_RULES.map((rule) => [rule.host, rule]));

/** Hosts repeat far more than URLs do: each one's rule is looked up by suffixes once (bounded, then restarted). */
const ruleOfHost = new Map<string, HostRule | null>();

/** The rule of the longest matching suffix, on whole labels. `taobao.com.evil.example` has none. */
export function hostRule(host: string): HostRule | undefined {
  let rule = ruleOfHost.get(host);
  if (rule === undefined) {
    rule = ruleBySuffix(host) ?? null;
    if (ruleOfHost.size >= 512) ruleOfHost.clear();
    // A copy, not the slice of page text `host` usually is: a kept slice could keep its whole page alive.
    ruleOfHost.set(` ${host}`.slice(1), rule);
  }
  return rule ?? undefined;
}

function ruleBySuffix(host: string): HostRule | undefined {
  let suffix = host;
  for (;;) {
    const rule = RULES_BY_HOST.get(suffix);
    if (rule) return rule;
    const dot = suffix.indexOf('.');
    if (dot < 0) return undefined;
    suffix = suffix.slice(dot + 1);
  }
}

/** Taobao service hosts; any other single label in front of taobao.com is a shop (`gbyl.taobao.com`). */
const TAOBAO_SERVICE_LABELS = new Set(
  'www m h5 a item s uland ai temai ju shop detail world login sycm npm registry click simba fleamarket buyertrade cart trade favorite i h5api mclaren market'.split(
    ' ',
  ),
);
export function isTaobaoShopHost(host: string): boolean {
  if (!host.endsWith('.taobao.com')) return false;
  const label = host.slice(0, -'.taobao.com'.length);
  return !label.includes('.') && !TAOBAO_SERVICE_LABELS.has(label);
}

/** A path that is one short code, optionally behind a one- or two-letter segment (`/s/`, `/o/`, `/a/`). */
export const SHORT_CODE_PATH = /^\/(?:[a-z]{1,2}\/)?[A-Za-z0-9_.-]{2,24}\/?$/;

/**
 * Alliance (affiliate) markers in parameters. `family` limits a marker to the sources where it means
 * something; `*` also applies on unknown hosts (a Taobao click can land on any mirror).
 */
export interface ParamMarker {
  family: 'taobao' | 'jd' | 'pinduoduo' | 'youzan' | 'douyin';
  key: string;
  value: RegExp;
}
export const PARAM_MARKERS: readonly ParamMarker[] = [
  { family: 'taobao', key: 'ali_trackid', value: /mm_\d+_\d+_\d+/ },
  { family: 'taobao', key: 'pid', value: /^mm_\d+_\d+_\d+/ },
  { family: 'taobao', key: 'union_lens', value: /./ },
  { family: 'taobao', key: 'clk1', value: /^[0-9a-f]{32}$/i },
  { family: 'taobao', key: 'bxsign', value: /^tbk/i },
  { family: 'taobao', key: 'tkflag', value: /^1$/ },
  { family: 'jd', key: 'cu', value: /^true$/i },
  { family: 'jd', key: 'utm_medium', value: /^(?:jingfen|tuiguang)$/i },
  { family: 'jd', key: 'utm_source', value: /^(?:kong|lianmeng)/i },
  { family: 'jd', key: 'unionactid', value: /./ },
  { family: 'jd', key: 'utm_campaign', value: /^t_\d{6,}_/ }, // t_<unionId>_<site>_<position>
  { family: 'pinduoduo', key: 'cpssign', value: /^CC/i },
  { family: 'pinduoduo', key: 'duoduo_type', value: /./ },
  { family: 'youzan', key: 'dc_ps', value: /./ }, // 有赞分销
  { family: 'douyin', key: 'pick_source', value: /./ }, // 精选联盟: affiliate, yet the platform's own shop
];

const SOURCE_FAMILY: Partial<Record<Source, ParamMarker['family']>> = {
  taobao: 'taobao',
  tmall: 'taobao',
  '1688': 'taobao',
  jd: 'jd',
  pinduoduo: 'pinduoduo',
  youzan: 'youzan',
  douyin: 'douyin',
};
export function markerFamily(source: Source | null): ParamMarker['family'] | undefined {
  return source ? SOURCE_FAMILY[source] : undefined;
}

/** Path shapes that mark an alliance page regardless of parameters. */
export const ALLIANCE_PATHS: ReadonlyArray<{ source: Source; path: RegExp }> = [
  { source: 'jd', path: /^\/cps\// }, // re.jd.com/cps/item/<sku>.html
  { source: 'pinduoduo', path: /^\/duo_coupon_landing\.html/ },
];

/** Pages on a source's host that are not goods at all. */
export const NON_GOODS_PATHS: ReadonlyArray<{ source: Source; path: RegExp }> = [
  { source: 'pinduoduo', path: /^\/fyxmkief\.html/ }, // 多多视频 feed
];

/**
 * Path shapes that tell the source on ANY host (§1 masked alliance hosts, §2 rotating 喵口令 hosts,
 * §8 Youzan VIP domains). Checked only when the host itself is unknown.
 */
export interface PathShape {
  source: Source;
  page: RegExp;
  affiliate: boolean | null;
  short: boolean;
  evidence: string;
}
export const PATH_SHAPES: readonly PathShape[] = [
  {
    source: 'taobao',
    page: /^\/h\.[a-z0-9]{5,7}\?(?:.*&)?cv=[a-z0-9]{10,12}(?:&|$)/,
    affiliate: true,
    short: true,
    evidence: 'masked 淘宝联盟 short link /h.…?cv=<淘口令>',
  },
  {
    source: 'tmall',
    page: /^\/s\/[a-z0-9]{5}\?(?:.*&)?tm=[0-9a-f]{6}(?:&|$)/,
    affiliate: null,
    short: true,
    evidence: '喵口令 short link /s/…?tm=',
  },
  {
    source: 'youzan',
    page: /^\/(?:wscgoods\/detail\/[a-z0-9]{10,16}|(?:v2|wscshop)\/(?:goods\/[a-z0-9]{10,16}|showcase\/goods\?(?:.*&)?alias=))/,
    affiliate: null,
    short: false,
    evidence: 'Youzan goods path',
  },
];

/** Parameters that wrap the real target (§0.10). Unknown hosts are searched for any of these. */
export const WRAPPER_PARAMS: readonly string[] = [
  'h5url',
  'launch_url',
  'redirecturl',
  'redirect_url',
  'redirect',
  'target',
  'spreadurl',
  'to',
  't',
  'backurl',
  'url',
  'from',
  'actlink',
  'returnurl',
  'jumpurl',
  'link',
];

/** How an app deep-link scheme carries its target (§1, §2, §4, §6, §10, §15). */
export interface SchemeRule {
  /** Source when the target inside does not decide; null: the scheme alone is not commerce. */
  source: Source | null;
  affiliate: boolean | null;
  /** `inner`: the rest is a URL without scheme (`taobao://item.taobao.com/…`); `params`: see WRAPPER_PARAMS. */
  target: 'inner' | 'params' | 'jd-json';
  /** For schemes that are not commerce as such: paths that are (`vipshop://showGoodsDetail`). */
  goodsPath?: RegExp;
}
export const SCHEME_RULES: Readonly<Record<string, SchemeRule>> = {
  taobao: { source: 'taobao', affiliate: null, target: 'inner' },
  tbopen: { source: 'taobao', affiliate: null, target: 'params' },
  tmall: { source: 'tmall', affiliate: null, target: 'inner' },
  'openapp.jdmobile': { source: 'jd', affiliate: false, target: 'jd-json' },
  openjd: { source: 'jd', affiliate: false, target: 'jd-json' },
  pinduoduo: { source: 'pinduoduo', affiliate: null, target: 'inner' },
  pddopen: { source: 'pinduoduo', affiliate: null, target: 'params' },
  // 唯品会联盟 hands out vipshop://showGoodsDetail deep links; the corpus labels them affiliate.
  vipshop: { source: null, affiliate: true, target: 'params', goodsPath: /^showgoodsdetail/ },
  snssdk1128: { source: null, affiliate: false, target: 'params', goodsPath: /^(?:goods|product|ec_goods|commerce)/ },
  kwai: { source: null, affiliate: false, target: 'params', goodsPath: /^(?:merchant|shop|goods|kwaishop)/ },
  xhsdiscover: { source: null, affiliate: false, target: 'params', goodsPath: /^(?:goods_detail|goods|mall)/ },
};
/** Deep-link scheme → source for schemes whose own goods path is matched (null-source rules above). */
export const SCHEME_OWN_SOURCE: Readonly<Record<string, Source>> = {
  vipshop: 'vipshop',
  snssdk1128: 'douyin',
  kwai: 'kuaishou',
  xhsdiscover: 'xiaohongshu',
};

/** JD deep-link `des` values that are login flows, not goods (§4 pitfalls). */
export const JD_LOGIN_DES = /^(?:scanlogin|login)$/i;

/** WeChat mini-program paths and `#小程序://<app>/<code>` texts (§6, §8, §10). */
export const MINI_PROGRAM_PATHS: ReadonlyArray<{ source: Source; path: RegExp }> = [
  { source: 'youzan', path: /^\/?packages\/goods\/detail\/index\?alias=[a-z0-9]{8,16}/i },
  { source: 'vipshop', path: /^\/?pages\/productdetail\/productdetail\?goodsid=\d{5,20}/i },
];
export const MINI_PROGRAM_APPS: Readonly<Record<string, Source>> = {
  拼多多: 'pinduoduo',
  京东: 'jd',
  京东购物: 'jd',
  淘宝: 'taobao',
  天猫: 'tmall',
  唯品会: 'vipshop',
  有赞: 'youzan',
  苏宁易购: 'suning',
  当当: 'dangdang',
  阿里巴巴: '1688',
};

/** App names in share texts (【淘宝】, 打开【京东APP】, 手机淘宝) → the source a bare token belongs to. First wins. */
export const SHARE_APP_NAMES: ReadonlyArray<{ source: Source; names: RegExp }> = [
  { source: 'taobao', names: /淘宝|taobao|淘.?寳|tao寳/i },
  { source: 'jd', names: /京东|\bJD\b/ },
  { source: 'tmall', names: /天猫|tmall/i },
  { source: '1688', names: /1688|阿里巴巴/ },
  { source: 'pinduoduo', names: /拼多多/ },
  { source: 'douyin', names: /抖音商城|抖音小店/ },
  { source: 'kuaishou', names: /快手小店/ },
];

/**
 * The live platforms' own share shorteners, with the platform whose shop they lead to when the share text says
 * goods; the share text tells a video or note from goods.
 */
export const OWN_SHARE_SOURCE: ReadonlyMap<string, Source> = new Map([
  ['v.douyin.com', 'douyin'],
  ['v.kuaishou.com', 'kuaishou'],
  ['v.kuaishouapp.com', 'kuaishou'],
  ['xhslink.com', 'xiaohongshu'],
  ['xhslink.cn', 'xiaohongshu'],
]);
