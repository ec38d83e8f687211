// Issue 8, family 2: every share form of the platforms and shops — all of Kuaishou's share hosts with their `/s/`
// and bare codes, JD 口令 with and without `NN:/`, 淘口令 with a space or an emoji inside, the 淘宝闪购 layout —
// and the near misses: a Kuaishou video page, a price between yuan signs, a word between dollars.
import { describe, expect, it } from 'vitest';
import { findLinks, sourcesOf } from '../../test/support/findings';

const one = (input: string) => {
  const found = findLinks(input);
  expect(found, input).toHaveLength(1);
  return found[0]!;
};

describe('share forms', () => {
  it.each([
    // Kuaishou share links on every share host are the platform’s short links.
    ['https://v.kuaishou.com/Bx7kPq', 'shortener', 'short-link'],
    ['https://v.kuaishouapp.com/s/Lm2Np4Qr', 'shortener', 'short-link'],
    ['https://www.kuaishou.com/f/X-1aBcD2eFgH3iJk', 'shortener', 'short-link'],
    ['https://v.m.chenzhongtech.com/s/Gh8Jk9Lz', 'shortener', 'short-link'],
    ['https://k8s7f2a1.m.chenzhongtech.com/s/Qa1Ws2Ed', 'shortener', 'short-link'],
    ['https://m.gifshow.com/s/Rt5Yu7Io', 'shortener', 'short-link'],
    ['http://m.gifshow.com/Kp3Lm8Zq', 'shortener', 'short-link'],
    ['http://www.gifshow.com/s/Wq4Er6Ty', 'shortener', 'short-link'],
    ['https://f.kuaishou.com/7hQm2K', 'shortener', 'short-link'],
    ['https://v.s.kuaishouapp.com/s/Yt6Rb3Nc', 'shortener', 'short-link'],
    // A bare host is its `www.` site: `kuaishou.com/f/…` as `www.kuaishou.com/f/…`.
    ['https://kuaishou.com/f/X-7pLm4Qw9Zx2', 'shortener', 'short-link'],
    // JD 口令 with the `NN:/` lead, with only an app code, any app code.
    ['9！Pq3Wr5Ty7Ui！ MF6021', 'jd', 'token'],
    ['17:/！Zx8Cv6Bn4Ml！ZH1024', 'jd', 'token'],
    ['京东 3！Hg5Jk7Lp9Qw！ CA7788', 'jd', 'token'],
    ['0:/ ！Ty2Ui4Op6As！', 'jd', 'token'],
    // The 淘宝闪购 / 饿了么 share layout, with or without an app word after it, words between lead and token.
    ['47 MF2301 2:/✔₤Rk4Tm6Wq8Y₤ 去淘宝闪购看看', 'taobao', 'token'],
    ['58 HU1234 1:/✔₤Ab3dEf9hJ₤ 饿了么', 'taobao', 'token'],
    ['63 CZ0457 0:/✔ 快来抢₤Wm5Xq8Tz₤', 'taobao', 'token'],
    // 淘口令 with a space or an emoji inside the body, between any token delimiter.
    ['￥aB Cd3EfGh4￥', 'taobao', 'token'],
    ['€aB😊Cd3EfGh€ 打开淘宝', 'taobao', 'token'],
    ['₤Xy7 Wq2Rt5Lm₤', 'taobao', 'token'],
    ['复制这段 ¢3kPq🛒🎁Ws8Ezd¢ 去手机淘宝', 'taobao', 'token'],
    ['$Tm4Rq ✨ Zx9Vb$', 'taobao', 'token'],
    ['(￥Hb6 Nz3 Qw8Lp￥)', 'taobao', 'token'],
  ] as const)('%s is one %s %s', (text, source, kind) => {
    expect(one(text)).toMatchObject({ source, kind });
  });

  it('the 淘宝闪购 layout’s lead belongs to its token, which is the app’s own share, whatever its sign', () => {
    expect(one('复制 58 HU1234 1:/✔$Ab3dEf9hJ$ 打开')).toMatchObject({
      text: '58 HU1234 1:/✔$Ab3dEf9hJ$',
      affiliate: null,
      evidence: expect.stringContaining('HU1234'),
    });
    // Near misses: a price after the lead, and a flight code and a time with a short word between signs.
    expect(findLinks('58 HU1234 1:/✔ ₤12₤')).toEqual([]);
    expect(findLinks('航班 HU1234 10:30 起飞 ₤ok₤')).toEqual([]);
  });

  it('a Kuaishou share link that the text calls 快手小店 goods is the platform’s shop', () => {
    expect(one('快手小店 限时秒杀 https://v.kuaishouapp.com/s/Zx3Cv5Bn 商品详情')).toMatchObject({
      source: 'kuaishou',
    });
  });

  it.each([
    // Kuaishou video and profile pages on the share hosts are not goods.
    'https://v.m.chenzhongtech.com/fw/photo/3xq8zv2mrk9w4ya',
    'https://www.kuaishou.com/short-video/3xf9d2kqpz7m6ub',
    'https://m.gifshow.com/fw/photo/3x5kq2mz8ph4yrw',
    'https://m.gifshow.com/user/profile/3xabc123',
    'https://www.gifshow.com/fw/photo/3x5kq2mz8ph4yrw',
    'https://api.gifshow.com/rest/n/feed/hot',
    // A `！…！` without lead or code is prose.
    '太棒了！Good job！真的',
    // Words and numbers with spaces between signs are not tokens.
    '￥12 包邮￥',
    '$ 5 $',
    '￥99 元 到手价 ￥79',
    '原价￥128 现价￥99',
    'pay $10 discount now$ please',
    '$USD 25 Price$',
    '€I have 1000000€',
    '$Hello 😊 World$',
    '¥ 2024 12 01 ¥',
    // Script variables between dollars: lower-case words and abbreviations, however long, are no random body.
    '$db query run $',
    'puts $w tag configure $x',
    // Near misses: prices, words and amounts between signs.
    '合计 ￥199 ￥',
    '￥ Apple iPhone￥',
    '€ 12 34 €',
    'cost $ 45 off$',
    '单价¥12.9 元 ¥9.9 元',
  ])('%s holds no link', (text) => {
    expect(findLinks(text)).toEqual([]);
  });

  it('a 淘口令 between yuan signs is still found', () => {
    expect(sourcesOf('￥Pk7Lm9Nb2Vc￥ 打开淘宝')).toEqual([['taobao', null]]);
  });

  it('JD’s 京口令 `NN.0复制整段话 http:/J…` is one JD token, with its closing code; the phrase alone is not', () => {
    const text = '12.0复制整段话 http:/JaB3cD4eF5gH6i 一起来抽京豆吧！#Kq2Wm8Rt4Y@打开亰東';
    expect(one(text)).toMatchObject({ source: 'jd', kind: 'token', text: text.slice(0, text.indexOf('@')) });
    expect(one('复制整段话 https://JzX9cV8bN7mQ1w 好物低价')).toMatchObject({ source: 'jd', kind: 'token' });
    // A ¥ code inside the command is its own, not a 淘口令 beside it.
    expect(sourcesOf('7.0复制整段话 Http:/J5tY6uI7oP8aS9d 分京豆 ￥Qw3Er5Ty7U￥去京东')).toEqual([['jd', null]]);
    expect(findLinks('复制整段话，发给你的同事')).toEqual([]);
    expect(findLinks('复制整段话 http://jira.example.com/browse/JD-1')).toEqual([]);
    expect(findLinks('复制整段话 http:/Jab12')).toEqual([]);
    // A real site's host after the phrase is no code, and a 淘口令 after it stays Taobao's.
    expect(findLinks('复制整段话 https://javascriptinfo.com/intro 看这篇')).toEqual([]);
    expect(sourcesOf('复制整段话 https://jianshu12345.com 看看 ￥Qw3Er5Ty7U￥ 打开淘宝')).toEqual([['taobao', null]]);
  });

  it('a 闲鱼 share text is second-hand, its token too, whichever side of the link names the app', () => {
    expect(findLinks('3€Kp7Lm2Qz9Wx€ https://m.tb.cn/h.Rt5Yu7I 我在闲鱼发布了【九成新 机械键盘】')).toEqual([]);
    // A Taobao share text stays Taobao, also when a 闲鱼 link follows further on.
    expect(sourcesOf('￥Kp7Lm2Qz9Wx￥ https://m.tb.cn/h.Rt5Yu7I 打开淘宝')).toEqual([['taobao', null]]);
    expect(findLinks("'https://m.tb.cn/h.Rt5Yu7I', // xianyu app")).toEqual([]);
    // A name with a colon labels the next link, not the one before it.
    expect(sourcesOf('淘宝 https://m.tb.cn/h.Ab3Cd5E 闲鱼：https://m.tb.cn/h.Rt5Yu7I')).toEqual([['taobao', null]]);
    expect(sourcesOf('https://m.tb.cn/h.Ab3Cd5E\n闲鱼上也有')).toEqual([['taobao', null]]);
    expect(sourcesOf('https://m.tb.cn/h.Ab3Cd5E 闲鱼：https://m.tb.cn/h.Rt5Yu7I')).toEqual([['taobao', null]]);
    // 闲鱼 further on in a sentence about the link, not its share text: the Taobao link stays.
    expect(sourcesOf('https://m.tb.cn/h.Ab3Cd5E 淘宝上买的，比闲鱼便宜多了')).toEqual([['taobao', null]]);
    expect(sourcesOf('https://m.tb.cn/h.Ab3Cd5E 别去闲鱼买')).toEqual([['taobao', null]]);
    expect(sourcesOf('￥Kp7Lm2Qz9Wx￥ https://m.tb.cn/h.Rt5Yu7I 打开淘宝，闲鱼也能搜')).toEqual([['taobao', null]]);
    // A Taobao share on the line before a 闲鱼 link is its own.
    expect(sourcesOf('￥AbCdEfGhIj3￥ 打开淘宝\n【闲鱼】https://m.tb.cn/h.Xyz12Ab?tk=AbCdEfGhIjK')).toEqual([
      ['taobao', null],
    ]);
    // Only the 闲鱼 share text's own token goes with it: another app's token before the link stays.
    expect(sourcesOf('8！Zq4Lm2Rt7Yx9Wc1！ MF1234 https://m.tb.cn/h.Rt5Yu7I 我在闲鱼发布了')).toEqual([['jd', null]]);
  });

  it('the WeChat store’s share links on the 视频号 host are goods; the dashboard pages there are not', () => {
    expect(sourcesOf('"product_h5url": "https://channels.weixin.qq.com/shop/a/Xs9VvZtSGpq"')).toEqual([
      ['weixin', false],
    ]);
    expect(findLinks('https://channels.weixin.qq.com/platform/live/home')).toEqual([]);
    expect(findLinks('https://channels.weixin.qq.com/shop/home')).toEqual([]);
  });

  it('a 淘口令-shaped code the text calls a 京口令 is JD’s', () => {
    expect(sourcesOf('// 京口令\nconst code = "￥3DIFi3EsIAhRkW￥";')).toEqual([['jd', null]]);
    expect(sourcesOf('// 淘口令\nconst code = "￥3DIFi3EsIAhRkW￥";')).toEqual([['taobao', null]]);
  });

  it('京喜 goods pages are JD’s; a lookalike host is nothing', () => {
    expect(sourcesOf('https://m.jingxi.com/item/view?sku=100012043978')).toEqual([['jd', false]]);
    expect(findLinks('https://jingxi.com.example.org/item/view?sku=1')).toEqual([]);
  });

  it('京东健康超市 goods pages are JD’s; a lookalike host is nothing', () => {
    expect(sourcesOf('https://mitem.jkcsjd.com/product/70012345678.html')).toEqual([['jd', false]]);
    expect(sourcesOf('https://item.jkcsjd.com/70012345678.html')).toEqual([['jd', false]]);
    expect(findLinks('https://item.jkcsjd.com.example.net/70012345678.html')).toEqual([]);
  });

  it('Kuaishou’s per-share xmmicvfxi hosts: codes are share links, the goods page a share opens is the shop’s', () => {
    expect(one('https://k7q2m.xmmicvfxi.com/f/X-3aBcD4eFgH5iJk')).toMatchObject({ source: 'shortener' });
    expect(
      sourcesOf('https://p9x1z.xmmicvfxi.com/web/kwaishop-goods-detail-page-app?id=24680135790&cc=share_copylink'),
    ).toEqual([['kuaishou', false]]);
    // The same goods page on the older chenzhongtech share hosts.
    expect(sourcesOf('https://v.m.chenzhongtech.com/web/kwaishop-goods-detail-page-app?id=24680135790')).toEqual([
      ['kuaishou', false],
    ]);
    // Near misses: a video and a profile on the same host, and a lookalike host.
    expect(findLinks('https://p9x1z.xmmicvfxi.com/fw/photo/3xq8zv2mrk9w4ya?cc=share_copylink')).toEqual([]);
    expect(findLinks('https://p9x1z.xmmicvfxi.com/fw/user/3xabc123')).toEqual([]);
    expect(findLinks('https://xmmicvfxi.com.example.org/f/X-3aBcD4eFgH5iJk')).toEqual([]);
  });

  it('a 淘口令 between plain brackets, when the share text says to copy it; a model name in brackets is none', () => {
    expect(one('夏季冰丝凉席三件套\n(Tq4Wm8Rz2Xk)\n复制这条消息，打开手机淘宝')).toMatchObject({
      source: 'taobao',
      kind: 'token',
    });
    expect(one('(hB7kP3zQ9wL) 復製本條信息，去氵匋寳')).toMatchObject({ source: 'taobao', kind: 'token' });
    expect(findLinks('复制型号 (iPhone15ProMax) 到备注')).toEqual([]);
    expect(findLinks('复制 (RTX4090Super) 的参数')).toEqual([]);
    expect(findLinks('复制这条 (tq4wm8rz2xk) 给客服')).toEqual([]);
    expect(findLinks('(Tq4Wm8Rz2Xk) 是我的订单号')).toEqual([]);
  });

  it('Douyin goods through ByteDance’s generic scheme `sslocal://`; its other screens are nothing', () => {
    expect(one('schema := "sslocal://ec_goods_detail?enter_from=copy&product_id=3755075523408167575"')).toMatchObject({
      source: 'douyin',
      affiliate: false,
      kind: 'deep-link',
    });
    expect(one('sslocal://ec_goods_detail/?promotion_id=3455239341532652291&kol_id=99514375927')).toMatchObject({
      source: 'douyin',
      affiliate: true,
    });
    expect(findLinks('sslocal://search?keyword=%E8%BF%9E%E8%A1%A3%E8%A3%99')).toEqual([]);
    expect(findLinks('sslocal://webview?url=https%3A%2F%2Fwww.toutiao.com%2Fabout')).toEqual([]);
    // A goods page it opens in its web view is that page's.
    expect(
      one('sslocal://webview?url=https%3A%2F%2Fhaohuo.jinritemai.com%2Fviews%2Fproduct%2Fitem2%3Fid%3D3456789012345'),
    ).toMatchObject({ source: 'douyin' });
  });

  it('the older 微信小店 of an official account: its goods and shelves; the account’s articles are nothing', () => {
    expect(
      sourcesOf(
        'http://mp.weixin.qq.com/bizmall/malldetail?id=&pid=pGxU1s_dDNswzCspg9ZNOdCYJFm0&biz=MzAwMjc1MzQxNA==#wechat_redirect',
      ),
    ).toEqual([['weixin', false]]);
    expect(
      sourcesOf(
        'SHOPURL = "http://mp.weixin.qq.com/bizmall/mallshelf?id=&t=mall/list&biz=MzA5NTI1NjYyNg==&shelf_id=2"',
      ),
    ).toEqual([['weixin', false]]);
    expect(findLinks('https://mp.weixin.qq.com/s/Qa9kT3xYbW2mN8pL5vR7cA')).toEqual([]);
    expect(findLinks('https://mp.weixin.qq.com/cgi-bin/home?t=home/index&lang=zh_CN')).toEqual([]);
  });

  it('Xiaohongshu shop pages (`/shop/<id>`, `/vendor/<id>`) are its own; its notes and profiles are not goods', () => {
    expect(sourcesOf("store_url = 'https://www.xiaohongshu.com/vendor/66c9df4702383e001535d18a'")).toEqual([
      ['xiaohongshu', false],
    ]);
    expect(sourcesOf('https://www.xiaohongshu.com/shop/6a08a3f9826d030015cae46f?instation_link=1')).toEqual([
      ['xiaohongshu', false],
    ]);
    expect(findLinks('https://www.xiaohongshu.com/explore/6a08a3f9826d030015cae46f')).toEqual([]);
    // A data dashboard's shop screen and a bare /shop/ are no shop.
    expect(findLinks('https://cangqiong.xiaohongshu.com/shop/detail?sellerId=5f1234567890abcdef012345')).toEqual([]);
    expect(findLinks('https://www.xiaohongshu.com/shop/')).toEqual([]);
    expect(findLinks('https://www.xiaohongshu.com/user/profile/5f1234567890abcdef012345')).toEqual([]);
  });

  it('Kaola’s Hong Kong domain is Kaola’s: its goods pages plain, its home page the brand', () => {
    expect(sourcesOf('https://www.kaola.com.hk/product/1566509.html')).toEqual([['kaola', false]]);
    expect(sourcesOf('href="${url!\'http://www.kaola.com.hk\'}"')).toEqual([['kaola', null]]);
    // Near miss: a lookalike domain.
    expect(findLinks('https://www.kaola.com.hk.example.net/product/1566509.html')).toEqual([]);
  });

  it('Kuaishou’s other pages stay silent, on the share hosts and beside them', () => {
    // A word on a share host that is also the site is one of its pages; a random code is a share, and so is a
    // placeholder word on a short host (docs write `v.kuaishou.com/abcdefg`).
    expect(findLinks('https://www.kuaishou.com/about')).toEqual([]);
    expect(findLinks('https://www.gifshow.com/brand/')).toEqual([]);
    expect(one('https://www.kuaishou.com/Xq7Rt2Lm')).toMatchObject({ source: 'shortener' });
    expect(one('https://v.kuaishou.com/example')).toMatchObject({ source: 'shortener' });
    expect(findLinks('https://live.kuaishou.com/u/3xk9qa2m')).toEqual([]);
    expect(findLinks('https://kuaishou.com/search/video?searchKey=猫')).toEqual([]);
    expect(findLinks('https://f.kuaishou.com/rest/wd/feed/hot')).toEqual([]);
    expect(findLinks('https://docs.corp.kuaishou.com/s/home/fcA7d9Q2')).toEqual([]);
  });
});
