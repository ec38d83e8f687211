// What each commerce source IS, one record per source: its hosts, short hosts and share hosts, its app schemes,
// the names people and share texts use for it (tags, app names, mini-program apps, badges), its alliance markers
// and its place in a family. Every lookup table the recognisers use is derived from these records below, once,
// at module load: adding a source is one record (plus its id in types.ts and its label in the two catalogues).
// Patterns come from ../shared/research/link-patterns.md (section numbers in the comments).

import type { Platform, Seller, Source } from './types';

/** What a URL looks like to a rule: lower-cased path and query, plus the decoded parameters. */
export interface PageView {
  /** Lower-cased `path?query`, e.g. `/item.htm?spm=a1&id=123`. */
  page: string;
  /** Parameters by lower-cased name, values percent-decoded (first occurrence wins). */
  params: { get(key: string): string | undefined };
}

/** A host of a source, as its record writes it. */
export interface HostSpec {
  /** Matched on whole labels, anchored at the end of the host: `taobao.com` ⊃ `item.taobao.com`. */
  host: string;
  /** A hard negative: a host of the company that is not goods (analytics, finance, login, npm). */
  notGoods?: boolean;
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
  /** With `notGoods`: the host still counts, as this source, when it carries one of the family's markers. */
  unlessMarked?: boolean;
  /** Any one label in front of this host is a shop (`gbyl.taobao.com`), except these service labels. */
  shopsExcept?: readonly string[];
  /** Which seller the path tells, where it does. */
  seller?: (view: PageView) => Seller | undefined;
}

/** A host rule as the URL analyser reads it: the spec with its source filled in. */
export interface HostRule extends Omit<HostSpec, 'notGoods' | 'unlessMarked' | 'shopsExcept'> {
  /** null: a hard negative. */
  source: Source | null;
  unlessMarked?: Source;
  shopsExcept?: ReadonlySet<string>;
  /** A live platform's own share shortener: `shortener` alone, this platform's shop when the text says goods. */
  shareOf?: Source;
  /** Only one-code paths are links here, and `plainPage`: the platform's own goods pages its shares open. */
  codesOnly?: boolean;
}

/** An alliance (affiliate) marker in a parameter; it applies to the sources of its family. */
export interface MarkerSpec {
  key: string;
  value: RegExp;
  /** Also on hosts we do not know: a Taobao click can land on any mirror. */
  anyHost?: boolean;
}
export interface ParamMarker extends MarkerSpec {
  family: Source;
}

/** A path shape that tells this source on ANY unknown host (§1 masked alliance hosts, §2 喵口令, §8 Youzan). */
export interface PathShapeSpec {
  page: RegExp;
  affiliate: boolean | null;
  short: boolean;
  evidence: string;
}
export interface PathShape extends PathShapeSpec {
  source: Source;
}

/** How an app deep-link scheme carries its target (§1, §2, §4, §6, §10, §15). */
export interface SchemeSpec {
  affiliate: boolean | null;
  /** `inner`: the rest is a URL without scheme (`taobao://item.taobao.com/…`); `params`: see WRAPPER_PARAMS. */
  target: 'inner' | 'params' | 'jd-json';
  /** The scheme alone is not commerce; only these paths are (`vipshop://showGoodsDetail`). */
  goodsPath?: RegExp;
}
export interface SchemeRule extends SchemeSpec {
  source: Source;
}

/** A source's facts; its id is its key in SOURCE_RECORDS. */
export interface SourceRecord {
  hosts?: readonly HostSpec[];
  /** The live platform's own share shorteners (v.douyin.com): a `shortener` that the share text may make ours. */
  shareHosts?: readonly string[];
  /** The platform's own goods pages as a share opens them on its share hosts (lower-cased path). */
  sharedGoods?: RegExp;
  /** The source whose alliance markers apply (tmall and 1688 links carry Taobao's); default: its own, if any. */
  family?: Source;
  markers?: readonly MarkerSpec[];
  /** Path shapes that mark an alliance page regardless of parameters. */
  alliancePaths?: readonly RegExp[];
  /** Pages on the source's hosts that are not goods at all. */
  nonGoodsPaths?: readonly RegExp[];
  pathShapes?: readonly PathShapeSpec[];
  schemes?: Readonly<Record<string, SchemeSpec>>;
  /** Brand words of the app's package names that are neither its id nor a host label (`com.jingdong.app.mall`). */
  appWords?: readonly string[];
  /** The app's name as people write it (淘宝): its share tag, mini-program app and badge, unless those say otherwise. */
  name?: string;
  /** WeChat mini-program app names (`#小程序://拼多多/…`) and goods paths. */
  miniProgramApps?: readonly string[];
  miniProgramPaths?: readonly RegExp[];
  /** The app tag in front of an official share link: `【淘宝】`. */
  shareTags?: readonly string[];
  /** App names in share texts (【淘宝】, 打开【京东APP】, 手机淘宝) that tell whose a bare token is; default: shopNames. */
  shareAppNames?: RegExp;
  /** Labels a goods list prints beside a product; `allianceBadges` say the product came through the alliance. */
  badges?: readonly string[];
  allianceBadges?: readonly string[];
  /** 淘客 wording (领券, 券后价) around an undecided link of this source makes it affiliate. */
  cueUpgrade?: boolean;
  /** 淘口令: `default` is the app a bare token belongs to; `named`, when the words next to a token name this app. */
  tokens?: 'default' | 'named';
  /** Its own 口令 forms (JD): `NN:/！body！ ZH1234` (`!` delimits a token of this app) and `NN.0复制整段话 http:/J…`. */
  bangTokens?: boolean;
  /** A second-hand app that shares this source's short hosts (闲鱼 on tb.cn): its links are not shop goods.
   *  `alsoCalled`: how code and English texts write its name (`// Xianyu mobile`). */
  secondHand?: { name: string; alsoCalled?: readonly string[]; hosts: readonly string[] };
  /** Platforms that sell this source themselves: never third-party there. */
  ownOn?: readonly Platform[];
  /** A live platform's shop as share texts name it (抖音商城): its share short link is then goods, not a video. */
  shopNames?: readonly string[];
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

/** Douyin goods in the app: `snssdk1128://ec_goods_detail?…`, `…://goods/seeding/?promotion_id=…`. */
const DOUYIN_APP: SchemeSpec = {
  affiliate: false,
  target: 'params',
  goodsPath: /^(?:goods|product|ec_goods|commerce)/,
};

/**
 * Taobao service hosts; any other single label in front of taobao.com is a shop (`gbyl.taobao.com`). Hosts with
 * their own record (uland., fleamarket.) and labels the service rule knows need no place here.
 */
const TAOBAO_SERVICE_LABELS = 'www m h5 a item s ai temai ju shop detail world click favorite mclaren market'.split(
  ' ',
);

/** Widely used generic shorteners seen in 淘客 groups; like t.cn, where they lead is unknown until resolved. */
const GENERIC_SHORTENERS = [
  't.cn',
  'dwz.cn',
  'url.cn',
  'j.mp',
  'bit.ly',
  'tinyurl.com',
  'goo.gl',
  't.co',
  'is.gd',
  'suo.im',
  'cutt.ly',
  'ow.ly',
  'sohu.gg',
  'mrw.so',
];

export const SOURCE_RECORDS: Readonly<Record<Source, SourceRecord>> = {
  // §1 Taobao
  taobao: {
    hosts: [
      { host: 'taobao.com', plainPage: TAOBAO_ITEM, shopsExcept: TAOBAO_SERVICE_LABELS },
      { host: 'tb.cn', short: true },
      { host: 'mashort.cn', short: true },
      { host: 'juhuasuan.com', plainPage: TAOBAO_ITEM },
      { host: 's.click.taobao.com', affiliate: true, short: true },
      { host: 'uland.taobao.com', affiliate: true },
      { host: 'login.taobao.com', notGoods: true, wrapper: true },
      { host: 'fleamarket.taobao.com', notGoods: true }, // 闲鱼 second-hand
    ],
    markers: [
      { key: 'ali_trackid', value: /mm_\d+_\d+_\d+/, anyHost: true },
      { key: 'pid', value: /^mm_\d+_\d+_\d+/, anyHost: true },
      { key: 'union_lens', value: /./ },
      { key: 'clk1', value: /^[0-9a-f]{32}$/i },
      { key: 'bxsign', value: /^tbk/i },
      { key: 'tkflag', value: /^1$/ },
      // The share was made by a third-party ISV or 淘客 tool (users' own shares say PanelQRCode, TaoPassword-WeiXin).
      { key: 'ut_sk', value: /taopassword-outside\.isv/i },
    ],
    pathShapes: [
      {
        page: /^\/h\.[a-z0-9]{5,7}\?(?:.*&)?cv=[a-z0-9]{10,12}(?:&|$)/,
        affiliate: true,
        short: true,
        evidence: 'masked 淘宝联盟 short link /h.…?cv=<淘口令>',
      },
    ],
    schemes: {
      taobao: { affiliate: null, target: 'inner' },
      tbopen: { affiliate: null, target: 'params' },
    },
    name: '淘宝',
    shareAppNames: /淘宝|taobao|淘.?寳|tao寳/i,
    allianceBadges: ['淘宝联盟'],
    cueUpgrade: true,
    tokens: 'default',
    secondHand: { name: '闲鱼', alsoCalled: ['Xianyu', 'Goofish'], hosts: ['tb.cn'] },
    ownOn: ['taobao-live'],
  },
  // §2 Tmall
  tmall: {
    hosts: [
      { host: 'tmall.com', plainPage: TAOBAO_ITEM },
      { host: 'tmall.hk', plainPage: TAOBAO_ITEM },
      { host: 'page.tm', plainPage: TAOBAO_ITEM },
      { host: 's.click.tmall.com', affiliate: true, short: true },
      { host: 'uland.tmall.com', affiliate: true },
    ],
    family: 'taobao',
    pathShapes: [
      {
        page: /^\/s\/[a-z0-9]{5}\?(?:.*&)?tm=[0-9a-f]{6}(?:&|$)/,
        affiliate: null,
        short: true,
        evidence: '喵口令 short link /s/…?tm=',
      },
    ],
    schemes: { tmall: { affiliate: null, target: 'inner' } },
    name: '天猫',
    shareAppNames: /天猫|tmall/i,
    cueUpgrade: true,
    tokens: 'named',
    ownOn: ['taobao-live'],
  },
  // §14 1688
  '1688': {
    hosts: [
      { host: '1688.com', plainPage: /^\/offer\/|^\/pic\/|[?&]offerid=\d/ },
      { host: 'qr.1688.com', short: true },
      { host: 'login.1688.com', notGoods: true, wrapper: true },
    ],
    family: 'taobao',
    name: '1688',
    miniProgramApps: ['阿里巴巴'],
    shareTags: ['1688', '阿里巴巴'],
    shareAppNames: /1688|阿里巴巴/,
    cueUpgrade: true,
    tokens: 'named',
  },
  // §4–5 JD and 京东联盟
  jd: {
    hosts: [
      { host: 'jd.com', plainPage: JD_ITEM },
      { host: 'jd.hk', plainPage: JD_ITEM },
      { host: 'npcitem.jd.hk', plainPage: JD_ITEM, seller: () => 'self-operated' },
      { host: '3.jd.hk', short: true },
      { host: '3.cn', short: true },
      { host: 'yiyaojd.com', plainPage: JD_ITEM },
      { host: 'jkcsjd.com', plainPage: JD_ITEM }, // 京东健康超市
      { host: 'jingxi.com', plainPage: JD_ITEM }, // 京喜
      { host: '360buy.com', plainPage: JD_ITEM },
      { host: 'u.jd.com', affiliate: true, short: true },
      { host: 'union-click.jd.com', affiliate: true },
      { host: 'jingfen.jd.com', affiliate: true },
      { host: 'platform.m.jd.com', wrapper: true },
      { host: 'dc2.jd.com', wrapper: true },
      { host: 'jr.jd.com', notGoods: true, unlessMarked: true }, // JD Finance
      { host: 'qr.m.jd.com', notGoods: true }, // login QR flow
      { host: 'shop.jd.com', notGoods: true }, // 京东商家后台 (a shop's own pages are mall.jd.com, shop.m.jd.com)
    ],
    markers: [
      { key: 'cu', value: /^true$/i },
      { key: 'utm_medium', value: /^(?:jingfen|tuiguang)$/i },
      { key: 'utm_source', value: /^(?:kong|lianmeng)/i },
      { key: 'unionactid', value: /./ },
      { key: 'utm_campaign', value: /^t_\d{6,}_/ }, // t_<unionId>_<site>_<position>
    ],
    alliancePaths: [/^\/cps\//], // re.jd.com/cps/item/<sku>.html
    schemes: {
      'openapp.jdmobile': { affiliate: false, target: 'jd-json' },
      openjd: { affiliate: false, target: 'jd-json' },
    },
    appWords: ['jingdong'],
    name: '京东',
    miniProgramApps: ['京东', '京东购物'],
    shareAppNames: /京东|京口令|\bJD\b/,
    allianceBadges: ['京东联盟'],
    cueUpgrade: true,
    tokens: 'named',
    bangTokens: true,
  },
  // §6–7 Pinduoduo and 多多进宝
  pinduoduo: {
    hosts: [
      { host: 'yangkeduo.com', plainPage: PDD_GOODS, wrapper: PDD_WRAPPER },
      { host: 'pinduoduo.com', plainPage: PDD_GOODS, wrapper: PDD_WRAPPER },
      { host: 'com.xunmeng.pinduoduo', plainPage: PDD_GOODS }, // host part of pinduoduo://
      // p.pinduoduo.com codes are 多多进宝 short links (§7); a normal page path on it says nothing more.
      { host: 'p.pinduoduo.com', short: true, codeAffiliate: true },
      // 多多进宝's own goods page (`goods-detail?s=<goods_sign>`); its other pages are the promoters' back office.
      { host: 'jinbao.pinduoduo.com', affiliate: true, plainPage: /^\/goods-detail\?(?:.*&)?s=./, pagesOnly: true },
    ],
    markers: [
      // A CPS signature (`CC…` goods, `CR…` red packets), a 多多进宝 PID `<media>_<adzone>`, a 进宝 page type.
      { key: 'cpssign', value: /./ },
      { key: 'pid', value: /^\d+_\d+/ },
      { key: 'duoduo_type', value: /./ },
    ],
    alliancePaths: [/^\/duo_coupon_landing\.html/],
    nonGoodsPaths: [/^\/fyxmkief\.html/], // 多多视频 feed
    schemes: {
      pinduoduo: { affiliate: null, target: 'inner' },
      pddopen: { affiliate: null, target: 'params' },
    },
    name: '拼多多',
    shareAppNames: /拼多多/,
    allianceBadges: ['多多进宝'],
    cueUpgrade: true,
  },
  // §8 Youzan (item pages carry no affiliate signal but `dc_ps`)
  youzan: {
    hosts: [
      { host: 'youzan.com' },
      { host: 'koudaitong.com' },
      { host: 'j.youzan.com', short: true },
      { host: 'kdt.im', short: true },
      { host: 'b.youzan.com', notGoods: true }, // 有赞商家后台
    ],
    markers: [{ key: 'dc_ps', value: /./ }], // 有赞分销
    nonGoodsPaths: [/^\/v4\//], // the merchant console (orders, assets, shop settings); shops are on /v2/ and /wsc…
    pathShapes: [
      {
        page: /^\/(?:wscgoods\/detail\/[a-z0-9]{10,16}|(?:v2|wscshop)\/(?:goods\/[a-z0-9]{10,16}|showcase\/goods\?(?:.*&)?alias=))/,
        affiliate: null,
        short: false,
        evidence: 'Youzan goods path',
      },
    ],
    name: '有赞',
    miniProgramPaths: [/^\/?packages\/goods\/detail\/index\?alias=[a-z0-9]{8,16}/i],
  },
  // §9 Mokuai: merchant H5 shops on <biz>.m.mockuai.com; the company's other hosts are not goods.
  mokuai: {
    hosts: [{ host: 'm.mockuai.com' }, { host: 'm.mockuai.net' }],
    badges: ['魔筷', '魔筷星选'],
  },
  // §10 Vipshop
  vipshop: {
    hosts: [
      { host: 'vip.com', plainPage: /^\/(?:product|detail)-\d+-\d+\.html/ },
      { host: 't.vip.com', affiliate: true, short: true },
      // 唯品会联盟's clicks; the alliance's other pages (union.vip.com/v/…) are its members' console.
      { host: 'click.union.vip.com', affiliate: true },
    ],
    // 唯品会联盟 hands out vipshop://showGoodsDetail deep links (and ones to the app's home, as a homepage keeps
    // its brand); the corpus labels them affiliate.
    schemes: { vipshop: { affiliate: true, target: 'params', goodsPath: /^(?:showgoodsdetail|gohome)/ } },
    name: '唯品会',
    miniProgramPaths: [/^\/?pages\/productdetail\/productdetail\?goodsid=\d{5,20}/i],
    cueUpgrade: true,
  },
  // §11 Suning
  suning: {
    hosts: [
      { host: 'suning.com', plainPage: /\/product\/|^\/\d{10}\/\d+\.html/, seller: suningSeller },
      { host: 'sugs.suning.com', affiliate: true, short: true },
      // 苏宁联盟's visitor landing (`vistorAd.action?…&vistURL=<item>`): whatever it leads to came through the alliance.
      { host: 'union.suning.com', affiliate: true, wrapper: true },
    ],
    markers: [{ key: 'utm_source', value: /^union/i }],
    name: '苏宁易购',
    badges: ['苏宁'],
    cueUpgrade: true,
  },
  // §12 Kaola
  kaola: {
    hosts: [
      ...['kaola.com', 'kaola.com.hk'].map((host) => ({ host, plainPage: /^\/product\/\d+\.html/ })),
      // Kaola's CPS hosts: `lu.` short links and the `cps.` landing that carries its target.
      { host: 'lu.kaola.com', affiliate: true, short: true },
      { host: 'cps.kaola.com', affiliate: true, wrapper: true },
    ],
    badges: ['考拉'],
  },
  // §13 Dangdang
  dangdang: {
    hosts: [
      { host: 'dangdang.com', plainPage: /^\/\d{6,12}\.html|[?&]product_id=/ },
      { host: 'union.dangdang.com', affiliate: true, wrapper: true },
    ],
    // 当当联盟 ids `P-<id>` on any Dangdang page.
    markers: [
      { key: 'unionid', value: /^p-\d/i },
      { key: '_ddclickunion', value: /^p-\d/i },
    ],
    name: '当当',
  },
  // §15 The live platforms' own shops: recognised so they can be ALLOWED, never called third-party.
  kuaishou: {
    hosts: [
      // Goods are on app.; the other hosts (s., zs., cps., im., open.) are the merchants' back office.
      { host: 'kwaixiaodian.com', notGoods: true },
      { host: 'app.kwaixiaodian.com', affiliate: false },
      { host: 'www.kwaishop.com', affiliate: false },
    ],
    // Share links over the years: the v. and f. short hosts, 极速版's (`v.`, `v.s.`), `www.kuaishou.com/f/<code>`,
    // the company's chenzhongtech hosts (`v.m.`, and per-share `<random>.m.`), the per-share `<random>.xmmicvfxi.com`
    // (`/f/X-…`, `kpn=KUAISHOU`) and the old gifshow hosts (`m.`, `www.`), each with `/s/` or bare codes.
    shareHosts: [
      'v.kuaishou.com',
      'f.kuaishou.com',
      'kuaishouapp.com',
      'www.kuaishou.com',
      'm.chenzhongtech.com',
      'm.gifshow.com',
      'www.gifshow.com',
      'xmmicvfxi.com',
    ],
    // What a goods share opens there: the shop's goods page (`/web/kwaishop-goods-detail-page-app?…`).
    sharedGoods: /\/kwaishop-[\w-]*goods-detail/,
    schemes: { kwai: { affiliate: false, target: 'params', goodsPath: /^(?:merchant|shop|goods|kwaishop)/ } },
    name: '快手小店',
    shopNames: ['快手小店'],
    ownOn: ['kuaishou'],
  },
  douyin: {
    // 抖音小店's goods and shop pages, and the same on the older haohuo.snssdk.com.
    hosts: [
      { host: 'haohuo.jinritemai.com', affiliate: false },
      { host: 'haohuo.snssdk.com', affiliate: false },
    ],
    shareHosts: ['v.douyin.com'],
    // 精选联盟 (pick_source, a 团长 activity's origin_colonel_buyin_id) and creators' CPS tracking (kol_id,
    // cps_track): affiliate, yet the platform's own shop.
    markers: [
      { key: 'pick_source', value: /./ },
      { key: 'origin_colonel_buyin_id', value: /^\d/ },
      { key: 'kol_id', value: /^\d/ },
      { key: 'cps_track', value: /./ },
    ],
    // The app's own scheme, and ByteDance's generic one (`sslocal://ec_goods_detail?product_id=…`).
    schemes: { snssdk1128: DOUYIN_APP, sslocal: DOUYIN_APP },
    shareTags: ['抖音商城'],
    shopNames: ['抖音商城', '抖音小店'],
    badges: ['抖音小店', '抖店'],
    ownOn: ['douyin'],
  },
  xiaohongshu: {
    // Goods pages on www., m., pages. and mall.: `/goods-detail/<id>` and the older `/goods/<id>`; shops at
    // `/shop/<id>` and `/vendor/<id>` (a 24-hex id: the data dashboards' `/shop/detail` is no shop).
    hosts: [
      {
        host: 'xiaohongshu.com',
        plainPage: /^\/(?:goods(?:-detail)?\/|(?:shop|vendor)\/[0-9a-f]{24})/,
        pagesOnly: true,
      },
    ],
    shareHosts: ['xhslink.com', 'xhslink.cn'],
    schemes: { xhsdiscover: { affiliate: false, target: 'params', goodsPath: /^(?:mini_)?(?:goods|mall)/ } },
    badges: ['小红书'],
    ownOn: ['xiaohongshu'],
    shopNames: ['小红书商城', '小红书店铺'],
  },
  // Weixin 微信小店: listed under "other malls" in the research, but `weixin` is a source of ours.
  weixin: {
    // A shop or product share is `/shop/<letter>/<code>`; the host's other pages are the seller's back office.
    hosts: [
      { host: 'store.weixin.qq.com', plainPage: /^\/shop\/[a-z]\//, pagesOnly: true },
      // 视频号助手's own host carries the same store share links (`/shop/a/<code>`); its other pages are the dashboard.
      { host: 'channels.weixin.qq.com', plainPage: /^\/shop\/[a-z]\//, pagesOnly: true },
      // The older 微信小店 of an official account: goods (`malldetail?pid=`) and shelves on the articles' host.
      { host: 'mp.weixin.qq.com', plainPage: /^\/bizmall\/mall(?:detail|shelf)/, pagesOnly: true },
    ],
    badges: ['微信小店'],
    ownOn: ['weixin'],
  },
  // §16 Generic shorteners and CPS networks: the target is unknown until resolved.
  shortener: {
    hosts: [
      ...GENERIC_SHORTENERS.map((host): HostSpec => ({ host, short: true })),
      { host: 'go.maxthon.cn', wrapper: true },
      // CPS networks (多麦, 成果网, 亿起发): a click URL whose target is an affiliate link, visible or not.
      { host: 'c.duomai.com', affiliate: true, wrapper: true, cps: true },
      { host: 'count.chanet.com.cn', affiliate: true, wrapper: true, cps: true },
      { host: 'p.yiqifa.com', affiliate: true, wrapper: true, cps: true },
    ],
  },
};

/** A badge's meaning: whose, and whether it says alliance. */
export interface BadgeMeaning {
  source: Source;
  affiliate: true | null;
}

/** Every table the recognisers read, derived from the records (exported for the test that a record is enough). */
export function deriveSourceTables(records: Readonly<Record<string, SourceRecord>>) {
  const hostRules: HostRule[] = [];
  const family = new Map<Source, Source>();
  const markers: ParamMarker[] = [];
  const alliancePaths: Array<{ source: Source; path: RegExp }> = [];
  const nonGoodsPaths: Array<{ source: Source; path: RegExp }> = [];
  const pathShapes: PathShape[] = [];
  const schemes: Record<string, SchemeRule> = {};
  const miniProgramApps = new Map<string, Source>();
  const quickAppBrands = new Map<string, Source>();
  const miniProgramPaths: Array<{ source: Source; path: RegExp }> = [];
  const shareTags = new Map<string, Source>();
  const shareAppNames: Array<{ source: Source; names: RegExp }> = [];
  const badges = new Map<string, BadgeMeaning>();
  const cueUpgrades = new Set<Source>();
  const namedTokenApps = new Set<Source>();
  let defaultTokenApp: Source | undefined;
  let bangTokenApp: Source | undefined;
  const secondHand = new Map<string, string>(); // short host → second-hand app name
  const secondHandNames: string[] = [];
  const ownSources = new Map<Platform, Source[]>();
  const shopNames: string[] = [];

  for (const [key, r] of Object.entries(records)) {
    const id = key as Source;
    for (const { notGoods, unlessMarked, shopsExcept, ...spec } of r.hosts ?? []) {
      const rule: HostRule = { ...spec, source: notGoods ? null : id };
      if (unlessMarked) rule.unlessMarked = id;
      if (shopsExcept) rule.shopsExcept = new Set(shopsExcept);
      hostRules.push(rule);
    }
    // A quick app's package names its brand (`com.taobao.quickapp`): the record's id, app words or a long host label.
    if (id !== 'shortener')
      for (const word of [id, ...(r.appWords ?? []), ...(r.hosts ?? []).map((h) => h.host.split('.').at(-2)!)])
        if (word === id || /^[a-z]{5,}$/.test(word)) quickAppBrands.set(word, id);
    for (const host of r.shareHosts ?? []) {
      hostRules.push({
        host,
        source: 'shortener',
        short: true,
        shareOf: id,
        codesOnly: true,
        plainPage: r.sharedGoods,
      });
    }
    const familyHead = r.family ?? (r.markers ? id : undefined);
    if (familyHead) family.set(id, familyHead);
    for (const marker of r.markers ?? []) markers.push({ ...marker, family: id });
    for (const path of r.alliancePaths ?? []) alliancePaths.push({ source: id, path });
    for (const path of r.nonGoodsPaths ?? []) nonGoodsPaths.push({ source: id, path });
    for (const shape of r.pathShapes ?? []) pathShapes.push({ ...shape, source: id });
    for (const [scheme, spec] of Object.entries(r.schemes ?? {})) schemes[scheme] = { ...spec, source: id };
    const own = r.name ? [r.name] : [];
    for (const app of r.miniProgramApps ?? own) miniProgramApps.set(app, id);
    for (const path of r.miniProgramPaths ?? []) miniProgramPaths.push({ source: id, path });
    for (const tag of r.shareTags ?? own) shareTags.set(tag, id);
    const appNames = r.shareAppNames ?? (r.shopNames ? new RegExp(r.shopNames.join('|')) : undefined);
    if (appNames) shareAppNames.push({ source: id, names: appNames });
    for (const name of r.shopNames ?? []) shopNames.push(name);
    for (const badge of r.badges ?? own) badges.set(badge, { source: id, affiliate: null });
    for (const badge of r.allianceBadges ?? []) badges.set(badge, { source: id, affiliate: true });
    if (r.cueUpgrade) cueUpgrades.add(id);
    if (r.tokens === 'named') namedTokenApps.add(id);
    if (r.tokens === 'default') defaultTokenApp ??= id;
    if (r.bangTokens) bangTokenApp ??= id;
    for (const host of r.secondHand?.hosts ?? []) secondHand.set(host, r.secondHand!.name);
    if (r.secondHand) secondHandNames.push(r.secondHand.name, ...(r.secondHand.alsoCalled ?? []));
    for (const platform of r.ownOn ?? []) ownSources.set(platform, [...(ownSources.get(platform) ?? []), id]);
  }
  return {
    hostRules,
    family,
    markers,
    alliancePaths,
    nonGoodsPaths,
    pathShapes,
    schemes,
    miniProgramApps,
    miniProgramPaths,
    quickAppBrands,
    shareTags,
    shareAppNames,
    badges,
    cueUpgrades,
    namedTokenApps,
    // One record owns each token form (a test checks): Taobao bare 淘口令, JD `！…！`.
    defaultTokenApp: defaultTokenApp as Source,
    bangTokenApp: bangTokenApp as Source,
    secondHand,
    secondHandNames,
    ownSources,
    shopNames,
  };
}

const TABLES = deriveSourceTables(SOURCE_RECORDS);

const HOST_RULES: readonly HostRule[] = TABLES.hostRules;
export const PARAM_MARKERS: readonly ParamMarker[] = TABLES.markers;
export const ALLIANCE_PATHS: ReadonlyArray<{ source: Source; path: RegExp }> = TABLES.alliancePaths;
export const NON_GOODS_PATHS: ReadonlyArray<{ source: Source; path: RegExp }> = TABLES.nonGoodsPaths;
export const PATH_SHAPES: readonly PathShape[] = TABLES.pathShapes;
export const SCHEME_RULES: Readonly<Record<string, SchemeRule>> = TABLES.schemes;
export const MINI_PROGRAM_APPS: ReadonlyMap<string, Source> = TABLES.miniProgramApps;
/** A brand word in a quick-app package → its source. */
export const QUICK_APP_BRANDS: ReadonlyMap<string, Source> = TABLES.quickAppBrands;
export const MINI_PROGRAM_PATHS: ReadonlyArray<{ source: Source; path: RegExp }> = TABLES.miniProgramPaths;
/** App tag → source (`【淘宝】`); second-hand apps' tags (`【闲鱼】`) are tags too, of no source of ours. */
export const SHARE_TAGS: ReadonlyMap<string, Source> = TABLES.shareTags;
/** Every way texts name the second-hand apps (闲鱼, Xianyu): cues, and tags like 【闲鱼】. */
export const SECOND_HAND_NAMES: readonly string[] = TABLES.secondHandNames;
/** App names in share texts → the source a bare token belongs to. First wins. */
export const SHARE_APP_NAMES: ReadonlyArray<{ source: Source; names: RegExp }> = TABLES.shareAppNames;
export const BADGES: ReadonlyMap<string, BadgeMeaning> = TABLES.badges;
export const CUE_UPGRADES: ReadonlySet<Source> = TABLES.cueUpgrades;
/** The app a bare 淘口令 belongs to, and the apps a token is when the words next to it name them. */
export const DEFAULT_TOKEN_APP: Source = TABLES.defaultTokenApp;
export const NAMED_TOKEN_APPS: ReadonlySet<Source> = TABLES.namedTokenApps;
export const BANG_TOKEN_APP: Source = TABLES.bangTokenApp;
/** What each platform sells itself. */
export const OWN_SOURCES: ReadonlyMap<Platform, readonly Source[]> = TABLES.ownSources;
/** The live platforms' shops as share texts name them. */
export const SHOP_NAMES: readonly string[] = TABLES.shopNames;

/** The source whose alliance markers apply to `source`'s links; two sources of one family share a share text. */
export function familyOf(source: Source | null): Source | undefined {
  return source ? TABLES.family.get(source) : undefined;
}

/** The second-hand app (闲鱼) that also uses this short host, if any; matched on whole labels like hosts. */
export function secondHandOf(host: string): string | undefined {
  for (const [short, name] of TABLES.secondHand) if (host === short || host.endsWith(`.${short}`)) return name;
  return undefined;
}

const RULES_BY_HOST = new Map(HOST_RULES.map((rule) => [rule.host, rule]));

/** Hosts repeat far more than URLs do: each one's rule is looked up by suffixes once (bounded, then restarted). */
const ruleOfHost = new Map<string, HostRule | null>();

/** The rule of the longest matching suffix, on whole labels. `taobao.com.evil.example` has none. */
export function hostRule(host: string): HostRule | undefined {
  let rule = ruleOfHost.get(host);
  if (rule === undefined) {
    // A bare domain is its `www.` site (`kuaishou.com/f/…`), where only that has a rule.
    const bare = host.indexOf('.') === host.lastIndexOf('.');
    rule = ruleBySuffix(host) ?? (bare ? RULES_BY_HOST.get(`www.${host}`) : undefined) ?? null;
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

/** Is `host` a shop on `rule`'s host (one label in front that is not a service)? `gbyl.taobao.com` is. */
export function isShopHost(rule: HostRule, host: string): boolean {
  if (!rule.shopsExcept || host.length <= rule.host.length + 1 || !host.endsWith(`.${rule.host}`)) return false;
  const label = host.slice(0, -rule.host.length - 1);
  return !label.includes('.') && !rule.shopsExcept.has(label);
}

/** A path that is one short code, optionally behind a one- or two-letter segment (`/s/`, `/o/`, `/a/`). */
export const SHORT_CODE_PATH = /^\/(?:[a-z]{1,2}\/)?[A-Za-z0-9_.-]{2,24}\/?$/;
/** On a share host that is also the company's site (`www.`), a word (`/about`) is a site page, not a code. Short
 *  hosts keep words: docs write placeholder codes (`v.kuaishou.com/abcdefg`). */
export const WORD_PAGE = /^\/[a-z]*[aeiouy][a-z]*\/?$/;

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
  'targeturl',
  'visturl',
];

/**
 * A company's pages that are not goods, whatever the brand: APIs and JSONP gateways, beacons, static files,
 * login, OAuth and account pages, seller and merchant back offices, price, stock and presale services, games, open platforms and
 * shorteners' own APIs. Read from the host
 * labels in front of the source's own host (`h5api.m.taobao.com`, `gw-api.pinduoduo.com`), the path's segments
 * and file type, and the parameters only such calls carry. Exact hosts in the records (`click.union.vip.com`,
 * `cps.kaola.com`) are matched before, so they are never read as labels.
 */
const SERVICE_LABEL =
  /^(?:\w*api\w*|acs|gw|open\w*|dev\w*|\w*test|help|track\w*|count|img\w*|static\w*|p?log\w*|passport|\w*auth|sso|user|my\w?|pay\w*|\w*sell\w*|merchant|mms|sycm|syt|sz|qn|im|kf|live\w*|console|union|jinbao|cps|\w*trade|npm|simba|jzt|yingxiao|tech|bbs|blog|docs?|news|ir|investors?|careers?|jobs?|zhaopin|campus|pas|price\w*|stock|yushou|presale|\w*game|\w*compass|cart|vis|vop|diviner)\d*$/;
// Path segments of the same: calls (`/json/`, `/cgi/`, `/rest/`, RPC verbs such as `getSysTime.do`), account (a shop's
// `/wscuser/`, personal and member centres: `/myJd/`, `personal.html`, `mytaobao.html`), order and checkout pages, back-office screens, downloads and error pages, reward tasks (steps, sign-in, lottery).
const SERVICE_PATH =
  /(?:^|\/)(?:\w*api|\w*(?:reward|lottery)\w*|proxy|rest|router\w*|json|cgi|registry|(?:get|query)[a-z]+|log(?:in)?|oauth2?|account|\w*user|(?:user|member|personal)center|personal|my(?:jd|taobao|tmall)|seller|admin|backend|ads|workbench|dashboard|im|kf|order\w*|buy|cart|shorten|create|download|error|[\w-]*preview|prices?|\w*desc\w*|\w*ajax\w*)(?:[/._?-]|$)|\/mtop\.|list_\w+_items/;
const STATIC_FILE = /\.(?:png|jpe?g|gif|webp|svg|ico|css|js|json|map|txt|xml|woff2?|ttf|mp4|pdf|apk)$/;

/** Is this page on a source's host one of the company's services rather than goods? `path` is lower-cased. */
export function isServicePage(rule: HostRule, host: string, path: string, view: PageView): boolean {
  if (host.length > rule.host.length) {
    const front = host.slice(0, -rule.host.length - 1);
    // An ad click redirector (`click.simba.taobao.com`) leads to goods, whatever service runs it.
    if (!front.startsWith('click.'))
      for (const label of front.split(/[.-]/)) if (SERVICE_LABEL.test(label)) return true;
  }
  if (SERVICE_PATH.test(path) || STATIC_FILE.test(path)) return true;
  // JSONP, an order's own page, a shortener's own API (`/shorten?longUrl=`, whose path looks like a code), a
  // framework's route to a controller (`index.php?r=comment%2Flist`), a launcher with nothing to launch (code's
  // `"//weixin.vip.com/deeplink/"` prefix)
  return /[?&](?:callback|orderid|longurl)=|^[^?]*\.php\?(?:[^#]*&)?(?:r|route)=[a-z-]+(?:%2f|\/)|\/(?:deep_?link|jump|redirect|launch)\/?$/.test(
    view.page,
  );
}

/** JD deep-link `des` values that are login flows, not goods (§4 pitfalls). */
export const JD_LOGIN_DES = /^(?:scanlogin|login)$/i;
