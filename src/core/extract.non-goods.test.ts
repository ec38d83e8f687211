// Issue 8, family 1: a commerce company's pages that are not goods (API gateways, JSONP, beacons, static files,
// login and OAuth, seller back offices, open platforms, shorteners' own APIs) are silent; goods pages on the same
// hosts and their siblings stay recognised. One rule over host labels, path shapes and parameters decides.
import { describe, expect, it } from 'vitest';
import { findLinks, sourcesOf } from '../../test/support/findings';

const silent = (input: string) => expect(findLinks(input), input).toEqual([]);

describe('pages of commerce companies that are not goods', () => {
  it('account pages (my-account hosts, a shop’s member centre) and a CPS back end; shop pages beside them stay', () => {
    silent('https://myi.vip.com/order.html');
    silent('https://my.jd.com/personal/center');
    silent('https://shop19283746.youzan.com/wscuser/membercenter?kdt_id=19283746');
    silent('http://cps.kaola.com/backend/order/list');
    expect(sourcesOf('https://shop19283746.youzan.com/wscshop/showcase/homepage?kdt_id=19283746')[0]?.[0]).toBe(
      'youzan',
    );
    // The CPS landing on the same host still carries its target.
    expect(
      sourcesOf(
        'https://cps.kaola.com/cps/login?unionId=zk_1&targetUrl=https%3A%2F%2Fgoods.kaola.com%2Fproduct%2F1234567.html',
      ),
    ).toEqual([['kaola', true]]);
    expect(sourcesOf('https://detail.vip.com/detail-1234567-987654321.html')).toEqual([['vipshop', false]]);
  });

  it('personal and member centres on shop hosts, and an ad console; the goods and shop pages beside them stay', () => {
    silent('https://home.m.jd.com/myJd/newhome.action?sceneval=2');
    silent('https://mobile.yangkeduo.com/personal.html?refer_page_name=index');
    silent('https://h5.m.taobao.com/mlapp/mytaobao.html#mytaobao');
    silent('https://m.suning.com/memberCenter/index.html');
    silent('https://h5.youzan.com/wscuser/personalcenter?kdt_id=19283746');
    silent('https://jzt.jd.com/home/index.html');
    // Near misses: a shop whose name starts with "my", goods on the same hosts, and an alliance landing on a
    // member page (京粉's `cu=true&utm_source=kong`), which leads somewhere the operator pastes.
    expect(sourcesOf('https://mystore.taobao.com/')).toEqual([['taobao', false]]);
    expect(sourcesOf('https://item.m.jd.com/product/100038004359.html?member=1')).toEqual([['jd', false]]);
    expect(sourcesOf('https://mobile.yangkeduo.com/goods.html?goods_id=391827465&refer_page_name=personal')).toEqual([
      ['pinduoduo', false],
    ]);
    expect(sourcesOf('https://shop.m.jd.com/?shopId=1000001582')[0]?.[0]).toBe('jd');
    expect(
      findLinks('https://m.jr.jd.com/member/rightsCenter/?cu=true&utm_source=kong&utm_medium=jingfen'),
    ).toHaveLength(1);
  });

  it('a launcher with nothing to launch (a prefix in code) is silent; one with its target is a link', () => {
    silent('url = url.replace("vipshop://", "//weixin.vip.com/deeplink/");');
    silent("const JUMP = 'https://m.vip.com/jump/';");
    expect(sourcesOf('https://click.union.vip.com/deeplink/showGoodsDetail?pid=6918273645')).toEqual([
      ['vipshop', true],
    ]);
    expect(findLinks('//weixin.vip.com/deeplink/showGoodsDetail?goodsId=6918273645')[0]?.source).toBe('vipshop');
    // A 1688 goods page by its offer id, on the mobile detail host.
    expect(sourcesOf('https://detail.m.1688.com/page/index.htm?offerId=712345678901')).toEqual([['1688', false]]);
  });

  it('a link a string test looks for is a pattern; an ajax endpoint is a call; goods on old hosts stay', () => {
    silent("if (href.startsWith('kwai://merchant/itemdetail')) open(href);");
    silent('return u.indexOf("item.jd.com/") !== -1;');
    silent('m = re.search(r"https://item.taobao.com/item.htm\\?id=(\\d+)", page)');
    // Python's and C#'s spellings of the same tests.
    silent('elif raw_url.startswith("https://union-click.jd.com"):');
    silent('else if (url.StartsWith("https://goods.kaola.com/product/"))');
    silent('https://haohuo.snssdk.com/product/ajaxitem?id=3456789012345');
    expect(sourcesOf('https://haohuo.snssdk.com/views/product/item?id=3456789012345')).toEqual([['douyin', false]]);
    expect(sourcesOf('https://pages.xiaohongshu.com/goods/5a1b2c3d4e5f6a7b8c9d0e1f')).toEqual([['xiaohongshu', false]]);
    expect(sourcesOf('var u = "#小程序://京东购物丨领国补/AbCdEfGh12";')[0]?.[0]).toBe('jd');
    // Near miss: a regex's test subject is data, a link.
    expect(sourcesOf('expect(isJd.test("https://item.jd.com/100012043978.html"))')).toEqual([['jd', false]]);
    expect(sourcesOf('print("https://item.jd.com/100012043978.html".startswith("https"))')).toEqual([['jd', false]]);
  });

  it('PHP’s string tests look for patterns; the URLs beside them are links', () => {
    silent("if (strpos($url, 'https://item.taobao.com/item.htm') !== false) {");
    silent('if( substr_count($url, "http://ai.taobao.com/") ) {');
    silent('return stripos($link,"https://item.jd.com/") === 0;');
    // Near misses: an assignment and a function that is no test take links.
    expect(sourcesOf("$url = 'https://item.taobao.com/item.htm?id=701234567890';")).toEqual([['taobao', false]]);
    expect(sourcesOf('echo str_pad("https://item.jd.com/100012043978.html", 60);')).toEqual([['jd', false]]);
  });

  it('a userscript’s @match and @include lines are patterns; a link followed by stars in a message is a link', () => {
    silent('// @match        https://detail.tmall.com/item.htm*');
    silent('// @include      http://item.jd.com/*.html');
    silent('// @match       https://wqitem.jd.com/item/view?sku=*');
    // Near misses: bold labels, footnote and quantity stars, a comment, a star inside a query, and a userscript's
    // own homepage line.
    expect(sourcesOf('**商品链接：https://item.jd.com/100012043978.html**')).toEqual([['jd', false]]);
    expect(sourcesOf('下单：https://item.jd.com/100012043978.html*2')).toEqual([['jd', false]]);
    expect(sourcesOf('https://detail.tmall.com/item.htm?id=6543210987* 注：以实际为准')).toEqual([['tmall', false]]);
    expect(sourcesOf('/*https://item.jd.com/100012043978.html*/')).toEqual([['jd', false]]);
    expect(
      sourcesOf('https://mobile.yangkeduo.com/duo_coupon_landing.html?goods_id=98037368241&customParameters=0**1&x=1'),
    ).toEqual([['pinduoduo', true]]);
    expect(sourcesOf('// @homepage     https://item.jd.com/100012043978.html')).toEqual([['jd', false]]);
  });

  it('an ajax call of any name is an endpoint; the goods page on the same host stays', () => {
    silent("comment_url = 'https://m.kaola.com/wapGoods/commentAjax/comment_list.html'");
    silent('https://item.m.jd.com/ware/detailAjax?wareId=100012043978');
    expect(sourcesOf('https://m.kaola.com/product/1566509.html')).toEqual([['kaola', false]]);
  });

  it('a framework route to a controller (`index.php?r=comment/list`) is an endpoint; goods pages stay', () => {
    silent('http://product.dangdang.com/index.php?r=comment%2Flist&productId=29384756&pageIndex=2');
    silent('https://product.dangdang.com/index.php?r=callback/recommend-list&productId=29384756');
    expect(sourcesOf('http://product.dangdang.com/29384756.html?r=2')).toEqual([['dangdang', false]]);
    // `r=` on a goods page itself is a share tag, not a route: only a front controller (`index.php`) routes.
    expect(sourcesOf('https://item.taobao.com/item.htm?id=701234567890&r=tb/share')).toEqual([['taobao', false]]);
  });

  it('data compasses, carts, vendor systems and an alliance’s ad catalogue; the goods pages beside them stay', () => {
    silent('https://union.dangdang.com/ads/productads?order_by=percent');
    silent('https://diviner.jd.com/diviner?p=610009&sku=100012345678&lid=1&lim=8');
    silent('https://compass.vip.com/#/sales/overview');
    silent('https://cart.vip.com/te2/cart.php?act=list');
    silent('https://vis.vip.com/index.php#/po/list');
    silent('https://compass.jd.com/shop/overview.html');
    expect(sourcesOf('https://detail.vip.com/detail-1234567-987654321.html')).toEqual([['vipshop', false]]);
  });

  it('Youzan’s merchant console is silent; its shops’ goods are Youzan’s', () => {
    silent('https://www.youzan.com/v4/trade/refund/list?status=1');
    silent('https://www.youzan.com/v4/shop/setting#/basic');
    expect(sourcesOf('https://h5.youzan.com/v2/goods/3ejx8w2kq1pzm')[0]?.[0]).toBe('youzan');
  });

  it('price and description services and versioned API hosts; the goods pages beside them stay', () => {
    silent('https://p.3.cn/prices/mgets?skuIds=J_100012043978&type=1');
    silent('https://pm.3.cn/price/get?sku=100012043978');
    silent('http://m.suning.com/productDesc/10606656543.html');
    silent('http://apiv3.yangkeduo.com/search?page=1&size=20&sort=default');
    silent('https://openapiv2.pinduoduo.com/router?type=goods.detail');
    expect(sourcesOf('https://m.suning.com/product/0000000000/000000010606656543.html')).toEqual([['suning', false]]);
    expect(sourcesOf('https://mobile.yangkeduo.com/goods.html?goods_id=391827465')).toEqual([['pinduoduo', false]]);
  });

  it('API gateways and JSON/JSONP endpoints, even when they name an item', () => {
    silent(
      'https://h5api.m.taobao.com/h5/mtop.taobao.rate.detaillist.get/6.0/?data=%7B%22auctionNumId%22%3A%22701234567890%22%7D',
    );
    silent('https://acs.m.taobao.com/h5/mtop.taobao.detail.getdesc/6.0/?type=jsonp&callback=mtopjsonp3&data=%7B%7D');
    silent(
      'https://api.m.jd.com/client.action?functionId=getCommentListWithCard&body=%7B%22sku%22%3A%22100038004359%22%7D',
    );
    silent('https://api.m.jd.com/?appid=item-v3&functionId=pc_detailpage_wareBusiness&skuId=100038004359');
    silent('https://mobile.yangkeduo.com/proxy/api/api/express/goods/detail?goods_id=391827465');
    silent('https://app.kwaixiaodian.com/rest/app/grocery/product/self/detail?itemId=2938475612');
    silent('https://p.3.cn/prices/get?skuid=J_100038004359&callback=cb');
    silent('https://item.jd.com/100038004359.json');
    silent('https://detail.tmall.com/item.htm?id=701234567890&callback=jq1');
  });

  it('beacons and static files on product hosts', () => {
    silent('https://mercury.jd.com/log.gif?t=search.000001&v=abc');
    silent('https://log.m.taobao.com/track?e=click');
    silent('https://img.taobao.com/imgextra/i2/2200/O1CN01xyz.png');
    silent('https://static.jd.com/css/base.css');
    silent('https://mobile.yangkeduo.com/assets/js/main.7f3a.js');
    silent('https://img10.360buyimg.jd.com/n1/s450x450.jpg');
    // Crawler files, fonts, source maps, media, documents and app packages are files too, not pages.
    silent('https://jd.com/robots.txt');
    silent('https://www.taobao.com/sitemap.xml');
    silent('https://www.taobao.com/fonts/iconfont.woff2');
    silent('https://mobile.yangkeduo.com/assets/js/main.7f3a.js.map');
    silent('https://cloud.video.taobao.com/play/u/123/p/1/e/6/t/1/2345.mp4');
    silent('https://static.pinduoduo.com/docs/rules.pdf');
    silent('https://storage.jd.com/jdmobile/JDMALL-PC2.apk');
    // Near misses: goods pages whose query names such a file, and a goods page ending in .html.
    expect(sourcesOf('https://item.taobao.com/item.htm?id=701234567890&pic=main.jpg')).toEqual([['taobao', false]]);
    expect(sourcesOf('https://item.jd.com/100038004359.html')).toEqual([['jd', false]]);
  });

  it('login, passport and OAuth pages, also inside app deep links', () => {
    silent('https://passport.jd.com/uc/login?ReturnUrl=https%3A%2F%2Forder.jd.com');
    silent('https://login.m.tmall.com/login.htm?tpl_redirect_url=https%3A%2F%2Fwww.tmall.com');
    silent('https://oauth.m.taobao.com/authorize?client_id=2389&response_type=token');
    silent('https://plogin.m.jd.com/cgi-bin/mm/domlogin?appid=100');
    silent('taobao://login.m.taobao.com/qrcodeCheck.htm?lgToken=abc');
  });

  it('seller and merchant back offices and consoles', () => {
    silent('https://myseller.taobao.com/home.htm');
    silent('https://qn.taobao.com/home.htm/app-customer-service/');
    silent('https://trade.taobao.com/trade/itemlist/list_sold_items.htm');
    silent('https://sz.jd.com/sz/view/dealAnalysis/dealSummarys.html');
    silent('https://mms.pinduoduo.com/orders/list');
    silent('https://im.kwaixiaodian.com/pc/workbench');
    silent('https://store.weixin.qq.com/shop/order/list');
    silent('https://jinbao.pinduoduo.com/third-party/rank');
  });

  it('open platforms and link-conversion APIs, shorteners’ own endpoints included', () => {
    silent('https://eco.taobao.com/router/rest?method=taobao.tbk.sc.material.optional&q=x');
    silent('https://api.jd.com/routerjson?method=jd.union.open.goods.query');
    silent('https://gw-api.pinduoduo.com/api/router?type=pdd.ddk.goods.search');
    silent('https://tinyurl.com/api-create.php?url=https://u.jd.com/Xy9Ab3c');
    silent('https://sohu.gg/api/shorten?longUrl=https%3A%2F%2Fm.tb.cn%2Fh.AbCdEf');
    silent('https://dwz.cn/admin/v2/create?url=https://item.jd.com/1.html');
    silent('https://j.youzan.com/shorten?longUrl=https%3A%2F%2Fh5.youzan.com%2Fv2%2Fgoods%2F2fmoej9krasag5p');
  });

  it('keeps goods pages on the same hosts and their siblings', () => {
    expect(sourcesOf('https://item.taobao.com/item.htm?id=701234567890')).toEqual([['taobao', false]]);
    expect(sourcesOf('https://h5.m.taobao.com/awp/core/detail.htm?id=701234567890')).toEqual([['taobao', false]]);
    expect(sourcesOf('https://item.m.jd.com/product/100038004359.html')).toEqual([['jd', false]]);
    expect(sourcesOf('https://mobile.yangkeduo.com/goods.html?goods_id=391827465')).toEqual([['pinduoduo', false]]);
    expect(sourcesOf('https://store.weixin.qq.com/shop/a/Zx81Kp')).toEqual([['weixin', false]]);
    expect(sourcesOf('https://app.kwaixiaodian.com/merchant/shop/detail?id=20987654321098')).toEqual([
      ['kuaishou', false],
    ]);
    expect(sourcesOf('https://mall.jd.com/index-1000001582.html')).toEqual([['jd', false]]);
    // A brand's homepage and its venue pages keep the brand.
    expect(findLinks('https://www.jd.com/')[0]?.source).toBe('jd');
    expect(findLinks('https://pages.tmall.com/wow/a/act/tmall/tmc/123/index.html')[0]?.source).toBe('tmall');
    // Exact hosts of the records beat the label rule: union and cps hosts that ARE links.
    expect(sourcesOf('https://click.union.vip.com/deeplink/showGoodsDetail?pid=6918273645')).toEqual([
      ['vipshop', true],
    ]);
    // The alliance's own site beside its click host is its members' console.
    silent('https://union.vip.com/v/index#/report/order');
    expect(sourcesOf('https://union-click.jd.com/jdc?e=&p=AyIGZRprFQ')).toEqual([['jd', true]]);
    // An ad click redirector leads to goods (no alliance link: the text cannot tell), its ad console does not.
    expect(sourcesOf('https://click.simba.taobao.com/cc_im?p=%D6%A5&s=47933492&k=673&e=fwyPjTJ8')).toEqual([
      ['taobao', null],
    ]);
    silent('https://subway.simba.taobao.com/#!/manage/campaign/index');
  });

  it('a company’s sites that are not shops: tech blogs, forums, docs, news, test environments, gateways, counters', () => {
    silent('https://tech.jd.com/article/2041');
    silent('https://bbs.pinduoduo.com/t/12345');
    silent('https://docs.youzan.com/guide/intro');
    silent('https://news.vip.com/2024/notice.html');
    silent('https://pre-gw.kaola.com/gw/goods/check');
    silent('https://h5.waptest.taobao.com/app/cart/index.html');
    silent('https://count.tmall.com/counter?keys=ICCP_1_654321');
    silent('https://live.taobao.com/room/index.htm?userId=1');
    silent('https://pay.suning.com/epp/cashier?orderNo=1');
    // Investor relations and recruiting sites are the company's, not shops.
    silent('https://ir.jd.com/news-releases');
    silent('https://investor.pinduoduo.com/financial-information/quarterly-results');
    silent('https://careers.jd.com/jobs?type=campus');
    silent('https://campus.vip.com/');
    // A shop's own name is not a service word, even when it holds one.
    expect(sourcesOf('https://latestfashion.taobao.com/')).toEqual([['taobao', false]]);
  });

  it('calls only code makes, account, order and checkout pages, downloads and error pages', () => {
    silent('https://wq.jd.com/deal/json/recvaddr?sceneval=2');
    silent('https://www.vip.com/cgi/user/getUserInfo');
    silent('https://a.m.taobao.com/getSystemTime.do');
    silent('https://wq.jd.com/user/info/GetJDUserInfoUnion?orgFlag=JD_PinGou_New');
    silent('https://mobile.yangkeduo.com/order_checkout.html?goods_id=391827465');
    silent('https://h5.m.jd.com/pb/015686010/index.html?orderId=253627119');
    silent('https://m.tmall.com/app/download/index.html');
    silent('https://h5.m.taobao.com/app/error/404.html');
    silent('https://h5.m.taobao.com/app/theme-preview/index.html');
    silent('https://f2e.jd.com/registry/@jd/ui');
    silent('https://yingxiao.pinduoduo.com/goods/coupon/list');
    // Near misses: a goods page whose path says trade, and a goods page with a user parameter.
    expect(sourcesOf('https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=3612345678901234567')).toEqual(
      [['douyin', false]],
    );
    expect(sourcesOf('https://detail.tmall.com/item.htm?id=701234567890&user_id=1')).toEqual([['tmall', false]]);
  });

  it('price, stock and presale services and games, beside goods pages that stay recognised', () => {
    silent('https://pas.suning.com/nspcsale_0_000000010123456789_20_021.html?callback=pcData');
    silent('https://price.vip.com/query?goods=6917');
    silent('https://stock.dangdang.com/v2/product/123456');
    silent('https://yushou.jd.com/youshouinfo.action?sku=100038004359');
    silent('https://presale.vip.com/list?brand=1');
    silent('https://cgame-stadium.jd.com/api/list');
    silent('https://minigame.taobao.com/play/index.html');
    // Reward tasks of a campaign (step counts, lotteries) are no goods; the campaign's venue page keeps its brand.
    silent('https://wq.jd.com/cubeactive/stepreward');
    silent('https://h5.m.taobao.com/app/lotterydraw/index.html?id=1');
    silent("API = 'https://m.jingxi.com/activity/rewardsv2'");
    expect(findLinks('https://pro.m.jd.com/mall/active/4P9a2T9osR9JvtzHVaYTPvsecRtg/index.html')[0]?.source).toBe('jd');
    // Near misses: the goods pages of the same companies on sibling hosts, and a shop whose name holds "game".
    expect(sourcesOf('https://product.suning.com/0000000000/10123456789.html')).toEqual([['suning', false]]);
    expect(sourcesOf('https://item.jd.com/100038004359.html')).toEqual([['jd', false]]);
    expect(sourcesOf('https://gameshop.taobao.com/')).toEqual([['taobao', false]]);
  });

  it('the own-shop hosts of the platforms: only their goods pages count', () => {
    silent('https://zs.kwaixiaodian.com/page/helper');
    silent('https://kwaixiaodian.com/');
    silent('https://store.weixin.qq.com/shop/promotion/coupon/list');
    silent('https://store.weixin.qq.com/');
    expect(sourcesOf('https://store.weixin.qq.com/shop/b/Qp93Xy')).toEqual([['weixin', false]]);
    // 快手小店's goods pages on its www.kwaishop.com host too, in code as in JSON.
    expect(sourcesOf("'itemLinkUrl': 'https://www.kwaishop.com/merchant/shop/detail?id=38951473034',")).toEqual([
      ['kuaishou', false],
    ]);
    expect(sourcesOf('{"text":"https:\\/\\/www.kwaishop.com\\/merchant\\/shop\\/detail?id=1573474220824"}')).toEqual([
      ['kuaishou', false],
    ]);
  });
});
