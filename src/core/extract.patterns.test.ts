// One focused case per form in ../shared/research/link-patterns.md, written for the pattern rather than copied
// from the corpus: other ids, other hosts of the same family, other surroundings.
import { describe, expect, it } from 'vitest';
import { classify } from './extract';
import type { LinkFinding } from './types';

/** Findings, after checking the contract every finding keeps: its text is the original input's slice. */
function find(input: string): LinkFinding[] {
  const findings = classify(input);
  let previousEnd = 0;
  for (const f of findings) {
    expect(f.text).toBe(input.slice(f.start, f.end));
    expect(f.start).toBeGreaterThanOrEqual(previousEnd);
    expect(f.end).toBeGreaterThan(f.start);
    previousEnd = f.end;
  }
  return findings;
}

/** The one finding of `input`. */
function one(input: string): LinkFinding {
  const findings = find(input);
  expect(findings, JSON.stringify(findings)).toHaveLength(1);
  return findings[0]!;
}

describe('normalisation, reported in original offsets', () => {
  it('full-width URL: offsets cover the full-width characters, the code keeps its case', () => {
    const input = '链接：ｈｔｔｐｓ：／／ｍ．ｔｂ．ｃｎ／ｈ．ＡｂＣｄＥｆＧ 去看看';
    const f = one(input);
    expect(f).toMatchObject({
      source: 'taobao',
      kind: 'short-link',
      start: 3,
      text: 'ｈｔｔｐｓ：／／ｍ．ｔｂ．ｃｎ／ｈ．ＡｂＣｄＥｆＧ',
    });
  });

  it('zero-width characters inside the host and before the link', () => {
    const input = '\u200bhttps://item.jd\u200d.com/100012043978.html';
    expect(one(input)).toMatchObject({ source: 'jd', affiliate: false, start: 1, end: input.length });
  });

  it('。 and ． for dots', () => {
    expect(one('复制 m。tb。cn/h.AbCdEfG 打开')).toMatchObject({ source: 'taobao', text: 'm。tb。cn/h.AbCdEfG' });
    expect(one('u．jd．com/4AbCdEf')).toMatchObject({ source: 'jd', affiliate: true });
  });

  it('HTML entities, double escaped, decide parameters but the text stays as written', () => {
    const input = '<a href="https://union-click.jd.com/jdc?d=Xy12Ab&amp;amp;come=appmessage">买</a>';
    const f = one(input);
    expect(f).toMatchObject({
      source: 'jd',
      affiliate: true,
      text: 'https://union-click.jd.com/jdc?d=Xy12Ab&amp;amp;come=appmessage',
    });
    expect(
      one('https://item.taobao.com/item.htm?spm=a1&amp;id=612345678901&#38;ali_trackid=2:mm_1_2_3:1'),
    ).toMatchObject({
      source: 'taobao',
      affiliate: true,
    });
  });

  it('JSON escapes \\/ and \\u0026', () => {
    const input = '{"materialUrl":"https:\\/\\/item.jd.com\\/100012043978.html?a=1\\u0026utm_medium=jingfen"}';
    expect(one(input)).toMatchObject({ source: 'jd', affiliate: true });
  });

  it('a wholly percent-encoded URL, and one encoded twice inside a deep link', () => {
    expect(one('链接 https%3A%2F%2Fsugs.suning.com%2FAbCd1234 ')).toMatchObject({
      source: 'suning',
      affiliate: true,
      text: 'https%3A%2F%2Fsugs.suning.com%2FAbCd1234',
    });
    const twice =
      'openApp.jdMobile://virtual?params=%257B%2522des%2522%253A%2522productDetail%2522%252C%2522skuId%2522%253A%25225089253%2522%257D';
    expect(one(twice)).toMatchObject({
      source: 'jd',
      affiliate: false,
      kind: 'deep-link',
      evidence: expect.stringContaining('5089253'),
    });
  });

  it('links glued to Chinese text, and sentence punctuation after them', () => {
    expect(one('快来看https://item.jd.com/100012043978.html超便宜')).toMatchObject({
      text: 'https://item.jd.com/100012043978.html',
    });
    expect(one('戳这里https://u.jd.com/4GsXfao！')).toMatchObject({ text: 'https://u.jd.com/4GsXfao' });
    expect(one('看看 https://item.taobao.com/item.htm?id=726477321880。')).toMatchObject({
      text: 'https://item.taobao.com/item.htm?id=726477321880',
    });
    expect(one('https://v.douyin.com/ZAbC123/复制此链接，打开抖音搜索')).toMatchObject({
      text: 'https://v.douyin.com/ZAbC123/',
    });
  });

  it('markdown and HTML wrappers', () => {
    const md = '[京东](https://item.jd.com/5089253.html "https://item.jd.com/5089253.html")';
    expect(find(md).map((f) => f.text)).toEqual([
      'https://item.jd.com/5089253.html',
      'https://item.jd.com/5089253.html',
    ]);
    expect(one('<a href=\\"http://kdt.im/Ab12Cd\\">店铺</a>')).toMatchObject({
      source: 'youzan',
      text: 'http://kdt.im/Ab12Cd',
    });
  });

  it('host and scheme in any case; no scheme; protocol-relative', () => {
    expect(one('HtTpS://DeTaIl.TmAlL.CoM/item.htm?ID=618745314823')).toMatchObject({
      source: 'tmall',
      affiliate: false,
    });
    expect(one('去 product.dangdang.com/29123456.html 买')).toMatchObject({
      source: 'dangdang',
      text: 'product.dangdang.com/29123456.html',
    });
    expect(one('src="//m.suning.com/product/0000000000/10629204204.html"')).toMatchObject({
      source: 'suning',
      seller: 'self-operated',
    });
  });
});

describe('no false alarms', () => {
  it.each([
    ['prices', '今日特价￥199，原价￥299，券后¥ 8.9，€9.99，5.19亓'],
    ['an all-digit token body', '口令￥13800138000￥'],
    ['mathematical bold prices', '𝟏𝟗.𝟗🉐 到手'],
    ['e-mail addresses', '联系 service@taobao.com 或 kefu@jd.com'],
    ['brand names in prose', 'Copyright © 2024 Tmall.com. 天猫 JD.com 京东'],
    [
      'lookalike hosts',
      'https://detail.tmall.com.evil.example/item.htm?id=1 https://jd.company.com/1.html https://notjd.com/100012043978.html',
    ],
    ['a substring lookalike of a shortener', 'https://acg.xydwz.cn/api/x.php'],
    [
      'a Java package that reads like a host',
      'import com.taobao.item.ItemService; fleamarket.taobao.com.xservicekit.Foo',
    ],
    ['npm mirrors', 'npm i --registry=https://registry.npm.taobao.org https://npm.taobao.org/package/vue'],
    [
      'seller analytics and paid ads',
      'https://sycm.taobao.com/portal/home.htm https://subway.simba.taobao.com/#!/manage/campaign/index',
    ],
    ['JD finance and login flows', 'https://m.jr.jd.com/member/index.html https://qr.m.jd.com/p?k=abc'],
    ['brackets without an app code', '见(附件)和(CZ1234 abc)(AbCdEfGhIjKl)'],
    [
      'a JD login deep link inside a wrapper',
      'https://x.isvjcloud.com/a.html?actlink=openapp.jdmobile://virtual?params={"des":"scanLogin","key":"k"}',
    ],
    [
      'other Alibaba sites',
      'https://www.alibaba.com/product-detail/x_1600.html https://www.aliexpress.com/item/1005006.html https://traveldetail.fliggy.com/item.htm?id=1',
    ],
    [
      'a copy of a Douyin path on another host',
      'https://subad16.richclick.cn/views/product/detail?id=3556357046087622442',
    ],
    ['a PDD video feed', 'https://mobile.yangkeduo.com/fyxmkief.html?feed_id=1'],
    ['the shortener API itself and an image CDN', 'http://api.kdt.im/shorten?longUrl= https://img.yzcdn.cn/a.jpg'],
    ['a game room token in a share template', '复制这条信息打开>>>红中麻将<<< ##1&123456## ￥#1E90FF#￥'],
    ['a pattern table of templates', "'jd.com/product/@.html;re.jd.com/cps/item/@.html'"],
    [
      'platform back-office hosts',
      'https://s.kwaixiaodian.com https://syt.kwaixiaodian.com/zones/x https://openapi-fxg.jinritemai.com/buyin/x',
    ],
    [
      'notes and profiles of the platforms',
      'https://www.xiaohongshu.com/explore/6a01c2fc0000000037036508 snssdk1128://user/profile/1 kwai://profile/abc xhsdiscover://',
    ],
    ['plain text', '家人们今晚八点见。库存 12 件，已售 1.2万。'],
  ])('%s', (_name, input) => {
    expect(find(input)).toEqual([]);
  });
});

describe('Taobao and Tmall', () => {
  it.each([
    ['desktop item, id not first', 'https://item.taobao.com/item.htm?spm=a21&ft=t&id=612345678901', false, 'url'],
    ['mobile item, id in the path', 'https://a.m.taobao.com/i612345678901.htm', false, 'url'],
    ['H5 item', 'http://h5.m.taobao.com/awp/core/detail.htm?id=612345678901', false, 'url'],
    ['a shop subdomain', 'https://xiaomi.taobao.com', false, 'url'],
    ['the oldest short link', 'http://m.tb.cn/G.Ab1C', null, 'short-link'],
    ['a 2019 short link with sm', 'https://m.tb.cn/h.4CEhFr0?sm=70d491', null, 'short-link'],
    ['c.tb.cn', 'https://c.tb.cn/e1.zAbCdEf', null, 'short-link'],
    ['the masked mashort host', 'http://b.mashort.cn/h.XLVRF2?sm=ddf29f', null, 'short-link'],
    ['taobao:// around a short link', 'taobao://m.tb.cn/h.AbCdEfG', null, 'deep-link'],
    [
      'tbopen:// with a percent-encoded h5Url',
      'tbopen://m.taobao.com/tbopen/index.html?action=ali.open.nav&module=h5&h5Url=https%3A%2F%2Fitem.taobao.com%2Fitem.htm%3Fid%3D612345678901&appkey=1',
      false,
      'deep-link',
    ],
  ] as const)('%s', (_name, input, affiliate, kind) => {
    expect(one(input)).toMatchObject({ source: 'taobao', affiliate, kind });
  });

  it.each([
    [
      'Tmall item with sku_properties first',
      'https://detail.tmall.com/item.htm?sku_properties=1627207:3232483&id=618745314823',
    ],
    ['Tmall supermarket', 'https://chaoshi.detail.tmall.com/item.htm?id=618745314823'],
    ['Tmall Global', 'https://detail.tmall.hk/hk/item.htm?id=618745314823'],
    ['page.tm shop', 'tmall://page.tm/shop?shopId=488035550'],
  ])('%s', (_name, input) => {
    expect(one(input)).toMatchObject({ source: 'tmall' });
  });

  it('a 喵口令 short link on a rotating host', () => {
    const input =
      '复制整段信息，打开天猫APP，即可查看此商品:【面膜】(未安装App点这里：http://qwxyz.com/s/AbC12?tm=0a1b2c )喵口令';
    expect(one(input)).toMatchObject({
      source: 'tmall',
      kind: 'short-link',
      text: 'http://qwxyz.com/s/AbC12?tm=0a1b2c',
    });
  });

  it('the 2022+ app share text is one finding from 【淘宝】 to the CZ code', () => {
    const input =
      '16:06【淘宝】退货运费险 https://e.tb.cn/h.gAbCdEfGhIjKlMn?tk=AbCdEfGhIjK CZ0012 「秋冬外套」\n点击链接直接打开 或者 淘宝搜索直接打开';
    expect(one(input)).toMatchObject({
      source: 'taobao',
      affiliate: null,
      kind: 'share-text',
      text: '【淘宝】退货运费险 https://e.tb.cn/h.gAbCdEfGhIjKlMn?tk=AbCdEfGhIjK CZ0012',
    });
  });

  it('a token and the link of the same share text are one finding', () => {
    const input =
      '【外套】http://m.tb.cn/h.3AbCdEf 点击链接，再选择浏览器咑閞；或復·制这段描述€AbCdEfGh1Jk€后到👉淘♂寳♀👈';
    expect(one(input)).toMatchObject({
      source: 'taobao',
      kind: 'share-text',
      text: 'http://m.tb.cn/h.3AbCdEf 点击链接，再选择浏览器咑閞；或復·制这段描述€AbCdEfGh1Jk€',
    });
  });

  it.each([
    [
      '10-character ￥ token (2016)',
      '#淘⼝令#长按复制这条信息，打开手机淘宝即可看到【外套】￥5Gkm6zPwnF￥',
      '￥5Gkm6zPwnF￥',
    ],
    ['half-width ¥, 13 characters', '下载这条信息¥AbcdEFghijKLm¥,打开【手机淘宝】即可查看', '¥AbcdEFghijKLm¥'],
    ['啊 delimiters', '1👈啊5NKkX84wYdk啊 标题', '啊5NKkX84wYdk啊'],
    ['full-width body', '￥ＡＥｐａｂｘｉＲｇ０ｕ￥', '￥ＡＥｐａｂｘｉＲｇ０ｕ￥'],
    ['a code and a body in brackets', '复制这条信息( CZ3457 AbCdEfGhIjK)打开淘宝', '( CZ3457 AbCdEfGhIjK)'],
  ])('淘口令: %s', (_name, input, text) => {
    expect(one(input)).toMatchObject({ source: 'taobao', kind: 'token', text });
  });

  it.each([
    ['$…$:// with the code after', '9Fu😊zhi0$AbCdEf12345$:// CA1710,打開/', '$AbCdEf12345$:// CA1710'],
    ['$ CZ… inside', '4$ CZ321 hnUYT94XgHI$/', '$ CZ321 hnUYT94XgHI$/'],
    ['($…) in brackets', 'copy此条消息，($Huz8by2FJAl)，打开【手机淘宝】即可查看', '($Huz8by2FJAl)'],
  ])('the 淘客 token family is affiliate: %s', (_name, input, text) => {
    expect(one(input)).toMatchObject({ source: 'taobao', affiliate: true, kind: 'token', text });
  });

  it('淘客 wording makes a token affiliate; a plain share does not', () => {
    expect(one('【券后价】9.9元 复制这条信息，打开淘宝￥AbCdEfGhIjK￥')).toMatchObject({ affiliate: true });
    expect(one('复制这条信息，￥AbCdEfGhIjK￥ ，打开【手机淘宝】即可查看')).toMatchObject({ affiliate: true });
    expect(one('复制本条信息￥AbCdEfGhIjK￥打开【淘宝】APP')).toMatchObject({ affiliate: null });
  });

  it('a token next to 【京东APP】 belongs to JD', () => {
    expect(one('复制这行话￥AbCdEfGhIjK￥，打开【京东APP】查看')).toMatchObject({ source: 'jd', kind: 'token' });
  });

  it('a tb.cn link for 闲鱼 is second-hand goods, not a shop link', () => {
    expect(find('[闲鱼](https://m.tb.cn/h.8PO70V1?tk=BkFVT3wYGlo)')).toEqual([]);
    expect(find('【闲鱼】https://m.tb.cn/h.AbCdEfG?tk=AbCdEfGhIjK CZ0001 「九成新相机」')).toEqual([]);
  });
});

describe('淘宝联盟 markers', () => {
  it.each([
    ['classic click URL', 'https://s.click.taobao.com/t?e=m%3D2%26s%3DAbCd'],
    ['short click link', 'https://s.click.taobao.com/AbCdEfG'],
    ['coupon landing', 'https://uland.taobao.com/coupon/edetail?e=AbC%3D&pid=mm_1_2_3&af=1'],
    [
      '二合一 coupon',
      'https://uland.taobao.com/coupon/edetail?activityId=0123456789abcdef0123456789abcdef&itemId=612345678901',
    ],
    ['爱淘宝 search', 'https://ai.taobao.com/search/index.htm?pid=mm_26632324_6844396_107180700473&key=x'],
    [
      'ali_trackid on an item page',
      'https://item.taobao.com/item.htm?id=612345678901&ali_trackid=2:mm_1_2_3:1518426024_367_1',
    ],
    ['ali_trackid encoded', 'https://item.taobao.com/item.htm?id=612345678901&ali_trackid=2%3Amm_1_2_3%3A1518426024'],
    ['union_lens on a Tmall home', 'https://www.tmall.com/?union_lens=lensId%3APUB%401616%40x'],
    ['a masked alliance host with cv=', 'http://c.b2xy.com/h.AbC12d?cv=AbCdEfGhIjK'],
    ['a PID alone', 'PID: mm_111160411_35476806_127062249'],
    [
      'a purchasing agent wrapping a marked item unencoded',
      'https://www.superbuy.com/en/page/buy/?url=https://item.taobao.com/item.htm?id=612345678901&ali_trackid=2:mm_1_2_3',
    ],
  ])('%s', (_name, input) => {
    const f = one(input);
    expect(['taobao', 'tmall']).toContain(f.source);
    expect(f.affiliate).toBe(true);
  });
});

describe('JD and 京东联盟', () => {
  it.each([
    ['item', 'https://item.jd.com/100012043978.html', false],
    ['upper-case item', 'HTTPS://ITEM.JD.COM/100012043978.HTML', false],
    ['mobile product', 'https://item.m.jd.com/product/100012043978.html', false],
    ['legacy wareId', 'http://item.m.jd.com/ware/view.action?wareId=100012043978', false],
    ['JD Global', 'https://item.jd.hk/100012043978.html', false],
    ['legacy 360buy', 'http://www.360buy.com/product/100012.html', false],
    ['京喜 pingou', 'https://wqs.jd.com/pingou/item.shtml?sku=100012043978', false],
    ['3.cn user share', 'https://3.cn/-2AbCdEf', null],
    ['a union short link', 'https://u.jd.com/4GsXfao', true],
    ['union-click', 'https://union-click.jd.com/jdc?e=&p=JF8BAM4JK1olXDYC', true],
    ['CPS middle page', 'https://re.jd.com/cps/item/5825376.html', true],
    [
      'jingfen landing markers',
      'https://item.jd.com/100012043978.html?utm_source=kong&utm_medium=jingfen&utm_campaign=t_1_',
      true,
    ],
    [
      'utm_campaign t_<unionId>_ on an item page',
      'https://item.jd.com/100012043978.html?utm_campaign=t_1000141398_',
      true,
    ],
    [
      'cu=true on an activity page',
      'https://pro.m.jd.com/mall/active/AbC/index.html?cu=true&utm_source=lianmeng__10__kong',
      true,
    ],
    [
      '多麦 CPS wrapping a JD coupon page',
      'https://c.duomai.com/track.php?site_id=1&t=https%3A%2F%2Fcoupon.m.jd.com%2Fcoupons%2Fshow.action%3FlinkKey%3DAA',
      true,
    ],
    ['JD redirector', 'http://dc2.jd.com/auto.php?service=transfer&to=//item.jd.com/3167821.html', false],
  ] as const)('%s', (_name, input, affiliate) => {
    expect(one(input)).toMatchObject({ source: 'jd', affiliate });
  });

  it('the 2024+ JD share text with @…@ and an MU code is one finding', () => {
    const input =
      '【京东】https://3.cn/-2AbCdEf?jkl=@W0Yzw10kN4h@ MU5104 「针织外套」\n点击链接直接打开 或者复制文案打开京东';
    expect(one(input)).toMatchObject({
      source: 'jd',
      kind: 'share-text',
      text: '【京东】https://3.cn/-2AbCdEf?jkl=@W0Yzw10kN4h@ MU5104',
    });
  });

  it('JD 口令: NN:/ + ！…！ + ZH code', () => {
    expect(one('复制整段 24:/！AbCdEfGhIjKlMnOp！ZH1234 打开京东')).toMatchObject({
      source: 'jd',
      kind: 'token',
      text: '24:/！AbCdEfGhIjKlMnOp！ZH1234',
    });
  });

  it.each([
    [
      'raw JSON with skuId',
      'openApp.jdMobile://virtual?params={"category":"jump","des":"productDetail","skuId":"4099139"}',
    ],
    [
      'percent-encoded JSON',
      'openapp.jdmobile://virtual?params=%7B%22des%22%3A%22productDetail%22%2C%22skuId%22%3A%224099139%22%7D',
    ],
    [
      'a nested http URL in JSON',
      'openapp.jdmobile://virtual?params={"des":"m","url":"https://item.m.jd.com/product/4099139.html"}',
    ],
    ['openjd', 'openjd://virtual?params={"des":"productDetail","skuId":"4099139"}'],
  ])('deep link: %s', (_name, input) => {
    expect(one(input)).toMatchObject({ source: 'jd', kind: 'deep-link', affiliate: false });
  });

  it('self-operated hosts carry the seller', () => {
    expect(one('https://npcitem.jd.hk/100012043978.html')).toMatchObject({ seller: 'self-operated' });
  });
});

describe('Pinduoduo and 多多进宝', () => {
  it.each([
    ['goods page', 'https://mobile.yangkeduo.com/goods.html?goods_id=123456789', false],
    ['goods2 variant on pinduoduo.com', 'https://mobile.pinduoduo.com/goods2.html?goods_id=123456789', false],
    ['PC goods path', 'https://www.pinduoduo.com/goods/123456789', false],
    ['user share with ps=', 'https://mobile.yangkeduo.com/goods1.html?ps=AbCdEfGhIj', null],
    ['deep link', 'pinduoduo://com.xunmeng.pinduoduo/goods.html?goods_id=123456789', false],
    [
      'login wall around an encoded goods page',
      'https://mobile.yangkeduo.com/login.html?from=https%3A%2F%2Fmobile.yangkeduo.com%2Fgoods.html%3Fgoods_id%3D123456789',
      false,
    ],
    [
      '多多进宝 landing',
      'https://mobile.yangkeduo.com/duo_coupon_landing.html?goods_id=1&pid=20434335_206807608&cpsSign=CC_210518_1_2_abc',
      true,
    ],
    [
      'app launcher around a relative coupon landing',
      'https://mobile.yangkeduo.com/app.html?launch_url=duo_coupon_landing.html%3Fgoods_id%3D1%26pid%3D1_2',
      true,
    ],
    ['多多进宝 short code', 'https://p.pinduoduo.com/AbCd1234?sc=EFAC', true],
    ['a page path on the short host', 'https://p.pinduoduo.com/goods2.html?goods_id=345678901234', null],
  ] as const)('%s', (_name, input, affiliate) => {
    expect(one(input)).toMatchObject({ source: 'pinduoduo', affiliate });
  });

  it('share text with service words between the tag and the link', () => {
    const input = '【拼多多】百亿补贴 超划算 https://mobile.yangkeduo.com/goods.html?ps=AbCdEfGhIj 「标题」';
    expect(one(input)).toMatchObject({
      kind: 'share-text',
      text: '【拼多多】百亿补贴 超划算 https://mobile.yangkeduo.com/goods.html?ps=AbCdEfGhIj',
    });
  });

  it('the WeChat mini-program text', () => {
    expect(one('#小程序://拼多多/AbCdEfGhIjK')).toMatchObject({ source: 'pinduoduo', kind: 'deep-link' });
  });
});

describe('the other third-party sources', () => {
  it.each([
    ['youzan', 'https://shop12345678.m.youzan.com/wscgoods/detail/2abcdefghijkl'],
    ['youzan', 'https://h5.youzan.com/v2/showcase/goods?alias=361q1jgw9qey9'],
    ['youzan', 'https://j.youzan.com/AbC123'],
    ['youzan', 'http://kdt.im/AbCd12345'],
    ['youzan', 'https://mall.brand-vip.example/wscgoods/detail/2abcdefghijkl'],
    ['youzan', '/packages/goods/detail/index?alias=2op27vjtuph8i'],
    ['mokuai', 'shop.m.mockuai.com'],
    ['vipshop', 'https://m.vip.com/product-0-6919197068968114384.html'],
    ['vipshop', 'https://t.vip.com/AbCdEfGhIjK'],
    ['vipshop', 'vipshop://showGoodsDetail?pid=6919197068968114384&goodsType=1'],
    ['vipshop', 'pages/productDetail/productDetail?goodsId=6919197068968114384'],
    ['suning', 'https://product.suning.com/0070123456/10629204204.html'],
    ['suning', 'https://sugs.suning.com/AbCd1234'],
    ['kaola', 'https://m-goods.kaola.com/product/2227311.html'],
    ['kaola', 'https://lu.kaola.com/AbC123'],
    ['dangdang', 'http://product.dangdang.com/product.aspx?product_id=28552590'],
    [
      'dangdang',
      'http://union.dangdang.com/transfer.php?from=P-1&backurl=http%3A%2F%2Fproduct.dangdang.com%2F28552590.html',
    ],
    ['1688', 'https://detail.1688.com/offer/712345678901.html'],
    ['1688', 'https://qr.1688.com/s/AbCd1234'],
    [
      '1688',
      'https://login.1688.com/member/signin.htm?target=https%3A%2F%2Fdetail.1688.com%2Foffer%2F712345678901.html',
    ],
  ])('%s: %s', (source, input) => {
    expect(one(input).source).toBe(source);
  });

  it('Suning tells self-operated from marketplace by the shop code', () => {
    expect(one('https://m.suning.com/product/0000000000/000000012354857650.html').seller).toBe('self-operated');
    expect(one('https://product.suning.com/0070123456/10629204204.html').seller).toBe('marketplace');
  });

  it('有赞分销 dc_ps and 唯品会联盟 are affiliate', () => {
    expect(one('https://shop1.m.youzan.com/wscgoods/detail/2abcdefghijkl?dc_ps=29131.2').affiliate).toBe(true);
    expect(one('https://click.union.vip.com/deeplink/showGoodsDetail?pid=1').affiliate).toBe(true);
  });
});

describe("the platforms' own shops and share links", () => {
  it.each([
    ['kuaishou', 'https://app.kwaixiaodian.com/merchant/shop/detail?id=21585967581834&hyId=kwaishop'],
    ['douyin', 'https://haohuo.jinritemai.com/views/product/item2?id=3556357046087622442'],
    ['xiaohongshu', 'https://www.xiaohongshu.com/goods-detail/68931bceb1b9df000178c992?xsec_source=app_arkselfshare'],
  ])('%s goods are recognised as the platform’s own', (source, input) => {
    expect(one(input)).toMatchObject({ source, affiliate: false });
  });

  it('精选联盟 pick_source is affiliate, yet still Douyin’s own shop', () => {
    expect(one('https://haohuo.jinritemai.com/views/product/item2?id=1&pick_source=AbCdEfG')).toMatchObject({
      source: 'douyin',
      affiliate: true,
    });
  });

  it('a platform share link alone is a shortener; the words around it tell goods from videos', () => {
    expect(one('https://v.kuaishou.com/AbCdEf')).toMatchObject({ source: 'shortener', kind: 'short-link' });
    expect(one('【抖音商城】https://v.douyin.com/AbCd12/ 点击链接打开')).toMatchObject({
      source: 'douyin',
      kind: 'share-text',
    });
    expect(find('6.10 海边 https://v.douyin.com/AbCd12/ 复制此链接，打开抖音搜索，直接观看视频！')).toEqual([]);
    expect(find('一只猫 https://v.kuaishou.com/AbCdEf 复制此消息，打开【快手】直接观看！')).toEqual([]);
    expect(find('冰滴咖啡 http://xhslink.com/o/3AbCdEfGhIj 存好这段口令')).toEqual([]);
    expect(
      find('7.43 复制打开抖音，看看【小王的作品】海边日落 https://v.douyin.com/iRNBho6u/ 04/28 A@g.BT ogO:/'),
    ).toEqual([]);
    expect(find('【小红书】咖啡 http://xhslink.com/a/AbCdEfGh，复制本条信息，打开【小红书】App查看精彩内容！')).toEqual(
      [],
    );
    expect(one('3.00 海边 https://v.douyin.com/Z_4nXAEX3e4/ 复制此链接，打开抖音搜索')).toMatchObject({
      source: 'shortener',
    });
  });

  it('the URL-less Douyin share code', () => {
    expect(one('4.66 i@C.uf :4pm kcN:/ 复制此链接，打开抖音搜索')).toMatchObject({
      source: 'shortener',
      kind: 'token',
      text: ':4pm kcN:/',
    });
  });
});

describe('generic shorteners and several links', () => {
  it.each([
    'https://t.cn/A6lJOsl4',
    'http://dwz.cn/2hbCBD',
    'https://w.url.cn/s/ApB88pJ',
    'https://j.mp/AbCdEfG',
    'https://bit.ly/3AbCdEf',
  ])('%s', (input) => {
    expect(one(input)).toMatchObject({ source: 'shortener', kind: 'short-link' });
  });

  it('a 淘客 message: the order link and the token join, prices stay prices', () => {
    const input =
      '【在售价】29.9元\n【券后价】9.90元\n【下单链接】http://t.cn/EAbCdEf\n---------\n copy此条消息，($Huz8by2FJAl)，打开【手机淘宝】即可查看';
    expect(one(input)).toMatchObject({ source: 'taobao', affiliate: true, kind: 'share-text' });
  });

  it('every link of a message, in order, with the nested URL kept inside its outer link', () => {
    const input =
      '满6减5领券：https://u.jd.com/4GsXfao\n抢购：https://u.jd.com/4gsXH2g 对比 https://item.jd.com/100012043978.html?from=https://item.taobao.com/item.htm?id=2';
    const findings = find(input);
    expect(findings.map((f) => [f.source, f.affiliate])).toEqual([
      ['jd', true],
      ['jd', true],
      ['jd', false],
    ]);
    expect(findings[2]!.text).toBe('https://item.jd.com/100012043978.html?from=https://item.taobao.com/item.htm?id=2');
  });
});
