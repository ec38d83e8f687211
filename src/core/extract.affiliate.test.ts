// Issue 8, family 4: the markers that make a link an alliance / CPS link — Douyin goods pages with kol_id or
// cps_track, Dangdang unionid=P-…, Kaola's lu./cps. hosts, Suning's visitor and CPS landings — and the plain
// pages of the same shops, which stay plain.
import { describe, expect, it } from 'vitest';
import { findLinks, sourcesOf } from '../../test/support/findings';

describe('the affiliate flag', () => {
  it('Douyin goods deep links with the goods pages’ markers, and without them', () => {
    expect(sourcesOf('snssdk1128://ec_goods_detail?promotion_id=3598765432109876543&kol_id=2345678901')).toEqual([
      ['douyin', true],
    ]);
    expect(sourcesOf('打开抖音 snssdk1128://goods/detail?id=3598765432109876543&cps_track=abc')).toEqual([
      ['douyin', true],
    ]);
    expect(sourcesOf('snssdk1128://commerce/product?product_id=3712345678901234567&pick_source=v.a1B2c3')).toEqual([
      ['douyin', true],
    ]);
    expect(
      findLinks('snssdk1128://ec_goods_detail?promotion_id=3598765432109876543&kol_id=2345678901')[0]?.evidence,
    ).toContain('kol_id=2345678901');
    // No marker, a marker value of the wrong shape, or a marker on a page that is not goods.
    expect(sourcesOf('snssdk1128://ec_goods_detail?promotion_id=3598765432109876543')).toEqual([['douyin', false]]);
    expect(sourcesOf('snssdk1128://ec_goods_detail?promotion_id=3598765432109876543&kol_id=none')).toEqual([
      ['douyin', false],
    ]);
    expect(findLinks('snssdk1128://user/profile?uid=12345&kol_id=2345678901')).toEqual([]);
  });

  it('Douyin goods pages with creators’ CPS tracking', () => {
    expect(sourcesOf('https://haohuo.jinritemai.com/views/product/item2?id=3598765432109876543&kol_id=87654')).toEqual([
      ['douyin', true],
    ]);
    expect(sourcesOf('https://haohuo.jinritemai.com/views/product/item2?id=3598765432109876543')).toEqual([
      ['douyin', false],
    ]);
  });

  it('Douyin goods pages promoted through a 团长 (colonel) activity of 精选联盟', () => {
    const page = 'https://haohuo.jinritemai.com/views/product/item2?id=3598765432109876543';
    expect(sourcesOf(`detail_url=${page}&origin_colonel_buyin_id=7123456789012&activity_id=100`)).toEqual([
      ['douyin', true],
    ]);
    expect(sourcesOf(`${page}&origin_colonel_buyin_id=`)).toEqual([['douyin', false]]);
    expect(sourcesOf(`${page}&colonel_tip=1`)).toEqual([['douyin', false]]);
  });

  it('Dangdang union ids', () => {
    expect(sourcesOf('https://product.dangdang.com/29876543.html?unionid=P-987654321m')).toEqual([['dangdang', true]]);
    expect(sourcesOf('http://product.m.dangdang.com/product.php?pid=29876543&_ddclickunion=P-4567m')).toEqual([
      ['dangdang', true],
    ]);
    expect(sourcesOf('https://product.dangdang.com/29876543.html')).toEqual([['dangdang', false]]);
  });

  it('Kaola’s CPS hosts', () => {
    expect(sourcesOf('https://lu.kaola.com/Qw3Er5')).toEqual([['kaola', true]]);
    expect(
      sourcesOf(
        'https://cps.kaola.com/cps/login?unionId=7788&targetUrl=https%3A%2F%2Fgoods.kaola.com%2Fproduct%2F7654321.html',
      ),
    ).toEqual([['kaola', true]]);
    expect(sourcesOf('https://goods.kaola.com/product/7654321.html')).toEqual([['kaola', false]]);
  });

  it('Suning’s visitor and CPS landings', () => {
    expect(
      sourcesOf(
        'https://union.suning.com/aas/open/vistorAd.action?userId=99&adInfoId=0&vistURL=https://m.suning.com/product/0000000000/12345678901.html',
      ),
    ).toEqual([['suning', true]]);
    expect(
      sourcesOf('https://product.suning.com/0070123456/12345678901.html?utm_source=union_cps&utm_medium=7'),
    ).toEqual([['suning', true]]);
    expect(sourcesOf('https://product.suning.com/0070123456/12345678901.html?utm_source=share-copyurl')).toEqual([
      ['suning', false],
    ]);
  });

  it('Taobao: a share a 淘客 tool made (ut_sk …TaoPassword-Outside.isv) is affiliate; a user’s own share is not', () => {
    expect(
      sourcesOf(
        'https://item.taobao.com/item.htm?id=701234567890&ut_sk=1.YzQ5ZTk_21380790_1712345678901.TaoPassword-Outside.isv',
      ),
    ).toEqual([['taobao', true]]);
    expect(
      sourcesOf('https://item.taobao.com/item.htm?id=701234567890&ut_sk=1.YzQ5ZTk_21380790_1712345678901.PanelQRCode'),
    ).toEqual([['taobao', false]]);
    expect(
      sourcesOf('https://a.m.taobao.com/i701234567890.htm?ut_sk=1.Zk2_21646297_1712345678901.TaoPassword-WeiXin.1'),
    ).toEqual([['taobao', false]]);
  });

  it('Pinduoduo: any CPS signature and a 多多进宝 PID make a link affiliate', () => {
    expect(
      sourcesOf(
        'https://mobile.yangkeduo.com/duo_red_packet.html?pid=8001234_112233445&cpsSign=CR8001234_112233445_ab',
      ),
    ).toEqual([['pinduoduo', true]]);
    expect(sourcesOf('https://mobile.yangkeduo.com/goods2.html?goods_id=391827465&pid=8001234_112233445')).toEqual([
      ['pinduoduo', true],
    ]);
    // Near miss: a pid that is not a media_adzone pair.
    expect(sourcesOf('https://mobile.yangkeduo.com/goods.html?goods_id=391827465&pid=abc')).toEqual([
      ['pinduoduo', false],
    ]);
  });

  it('多多进宝’s own goods page is an affiliate Pinduoduo link; the promoters’ back office beside it is silent', () => {
    expect(sourcesOf('去进宝看看 https://jinbao.pinduoduo.com/goods-detail?s=Y9z2s_dyW-dU8LcVwvfZCxeQ')).toEqual([
      ['pinduoduo', true],
    ]);
    expect(sourcesOf('window.open(`https://jinbao.pinduoduo.com/goods-detail?s=${goodsSign}`)')).toEqual([
      ['pinduoduo', true],
    ]);
    expect(sourcesOf('https://jinbao.pinduoduo.com/goods-detail?pid=8001234_112233445&s=Y9z2s_dyW-dU8')).toEqual([
      ['pinduoduo', true],
    ]);
    // Near misses: the back office, its API, and the page's prefix that code strips from a link (no goods sign).
    expect(findLinks('https://jinbao.pinduoduo.com/promotion/single-promotion')).toEqual([]);
    expect(findLinks('https://jinbao.pinduoduo.com/network/api/common/goodsList')).toEqual([]);
    expect(findLinks('url.replace("https://jinbao.pinduoduo.com/goods-detail?s=", "")')).toEqual([]);
  });

  it('亿起发 (yiqifa) click URLs are a CPS network’s: affiliate, whatever they wrap; its site pages are not', () => {
    expect(sourcesOf('http://p.yiqifa.com/c?s=5c6fe1c3&w=351245&c=5298&i=10942&l=0&e=dddefault&t=to_url')).toEqual([
      ['shortener', true],
    ]);
    expect(
      sourcesOf('http://p.yiqifa.com/c?s=5c6fe1c3&w=351245&t=https%3A%2F%2Fitem.jd.com%2F100012043978.html'),
    ).toEqual([['jd', true]]);
    expect(findLinks('https://www.yiqifa.com/about.html')).toEqual([]);
  });
});
