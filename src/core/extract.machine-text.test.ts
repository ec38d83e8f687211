// Issue 8, family 3: links inside machine text — JSON with `\/` and `\u003d`/`\u0026` escapes, SQL and CSV
// strings, HTML with entities, quick-app deep links.
import { describe, expect, it } from 'vitest';
import { findLinks, sourcesOf } from '../../test/support/findings';

describe('links inside machine text', () => {
  it('JSON escapes', () => {
    expect(sourcesOf('{"itemUrl":"https:\\/\\/item.jd.com\\/100029384756.html","price":99}')).toEqual([['jd', false]]);
    expect(
      sourcesOf('{"u":"https:\\/\\/detail.tmall.com\\/item.htm?id\\u003d709876543210\\u0026skuId\\u003d5"}'),
    ).toEqual([['tmall', false]]);
    expect(
      sourcesOf('{"coupon":"https:\\u002F\\u002Fuland.taobao.com\\u002Fcoupon\\u002Fedetail?e\\u003dabc"}'),
    ).toEqual([['taobao', true]]);
  });

  it('SQL and CSV strings', () => {
    expect(sourcesOf("UPDATE goods SET link='https://p.pinduoduo.com/Kq7Wm2Xe' WHERE id=3;")).toEqual([
      ['pinduoduo', true],
    ]);
    expect(sourcesOf('3,"零食礼包","https://item.jd.com/100029384756.html",""')).toEqual([['jd', false]]);
    expect(sourcesOf('"标题","链接"\n"T恤","https://item.taobao.com/item.htm?id=709876543210"')).toEqual([
      ['taobao', false],
    ]);
  });

  it('a CSV row’s URL fields glued by their commas are separate links; a comma inside a query stays', () => {
    const row =
      'sku_8,Vivo X100 12GB,vivo,3999,jd,https://item.jd.com/100061234567.html,https://img.jd.com/x100.jpg,有货';
    expect(findLinks(row).map((f) => [f.source, f.text])).toEqual([['jd', 'https://item.jd.com/100061234567.html']]);
    expect(
      findLinks(
        'https://item.taobao.com/item.htm?id=709876543210,http://mobile.yangkeduo.com/goods.html?goods_id=3',
      ).map((f) => f.source),
    ).toEqual(['taobao', 'pinduoduo']);
    // Near misses: commas a URL holds itself, before a word or a number, not a scheme.
    expect(findLinks('https://s.taobao.com/search?q=dress&tags=a,b,httpd')[0]?.text).toBe(
      'https://s.taobao.com/search?q=dress&tags=a,b,httpd',
    );
    expect(findLinks('https://item.jd.com/100061234567.html?sku=1,2')[0]?.text).toBe(
      'https://item.jd.com/100061234567.html?sku=1,2',
    );
  });

  it('an Android intent URI is the URL it opens, written with its scheme; other apps’ intents are silent', () => {
    expect(
      sourcesOf('intent://item.jd.com/100061234567.html#Intent;scheme=https;package=com.jingdong.app.mall;end'),
    ).toEqual([['jd', false]]);
    expect(
      sourcesOf(
        "fallback: 'intent://detail.m.tmall.com/item.htm?id=709876543210#Intent;scheme=tmall;package=com.tmall.wireless;end'",
      ),
    ).toEqual([['tmall', false]]);
    // An app's own scheme with nothing after it opens the app's home: its brand, as its homepage.
    expect(sourcesOf('"intent://#Intent;scheme=taobao;package=com.taobao.taobao;end"')).toEqual([['taobao', null]]);
    // Near misses: a login page through the shop's app, a scanner app, a browser opening some other site.
    expect(
      findLinks('intent://login.taobao.com/member/login.jhtml#Intent;scheme=https;package=com.taobao.taobao;end'),
    ).toEqual([]);
    expect(findLinks('intent://scan/#Intent;scheme=zxing;package=com.google.zxing.client.android;end')).toEqual([]);
    expect(findLinks('intent://www.example.com/a#Intent;scheme=https;package=com.android.chrome;end')).toEqual([]);
  });

  it('HTML entities, escaped once or twice', () => {
    expect(
      sourcesOf('<a href="https://item.m.jd.com/product/100029384756.html?utm_source=kong&amp;utm_medium=jingfen">'),
    ).toEqual([['jd', true]]);
    expect(sourcesOf('&lt;a href=&quot;https://u.jd.com/Hk3Lm5N&quot;&gt;')).toEqual([['jd', true]]);
  });

  it('quick-app deep links by the brand word of their package', () => {
    expect(sourcesOf('hap://app/com.jd.quickapp/pages/detail?skuId=100029384756')).toEqual([['jd', null]]);
    expect(sourcesOf('快应用 hap://app/com.xunmeng.pinduoduo.quick/pages/goods?goods_id=123456')).toEqual([
      ['pinduoduo', null],
    ]);
    expect(sourcesOf('"url":"hap://app/com.Taobao.Quickapp/Detail?id=709876543210"')).toEqual([['taobao', null]]);
    expect(sourcesOf('hap://app/com.jingdong.app.mall.quickapp/pages/item/index?skuId=100029384756')).toEqual([
      ['jd', null],
    ]);
    expect(findLinks('hap://app/com.jd.quickapp/pages/detail')[0]).toMatchObject({ kind: 'deep-link' });
    // A package that names no shop, a word that only contains a brand, the quick-app settings page.
    expect(findLinks('hap://app/com.example.weather/pages/index')).toEqual([]);
    expect(findLinks('hap://app/com.taobaoish.news/pages/index hap://app/com.jingdongfans.news/pages/a')).toEqual([]);
    expect(findLinks('hap://settings/com.jd.quickapp')).toEqual([]);
  });

  it('a CSS selector that matches links is code, a link written in an attribute is a link', () => {
    expect(findLinks('document.querySelectorAll(\'a[href*="item.taobao.com/item.htm"]\')')).toEqual([]);
    expect(findLinks('a[href^="https://detail.tmall.com/"] { color: red }')).toEqual([]);
    expect(findLinks("$('a[href$='mobile.yangkeduo.com/goods.html']')")).toEqual([]);
    // Near misses: the same hosts as links in HTML, and after a plain assignment.
    expect(sourcesOf('<a href="https://item.taobao.com/item.htm?id=709876543210">')).toEqual([['taobao', false]]);
    expect(sourcesOf('link="https://detail.tmall.com/item.htm?id=709876543210"')).toEqual([['tmall', false]]);
    expect(sourcesOf('url=mobile.yangkeduo.com/goods.html?goods_id=391827465')).toEqual([['pinduoduo', false]]);
  });

  it('an unknown app’s deep link is the shop URL it carries in any parameter, encoded or not', () => {
    expect(
      sourcesOf('"jump":"shopapp://web/Page?title=双十一会场&show=1&pageUrl=https%3A%2F%2Fu.jd.com%2FKx7pQ2a"'),
    ).toEqual([['jd', true]]);
    expect(findLinks('kmall://open?dest=https://item.jd.com/100029384756.html&x=1')[0]).toMatchObject({
      source: 'jd',
      kind: 'deep-link',
    });
    // Near misses: an unknown app's own pages, a non-shop URL inside one, a shop host as an unknown app's host.
    expect(findLinks('"action":"shopapp://mall/WelfarePage?tab=20185&title=拯救干燥季"')).toEqual([]);
    expect(findLinks('shopapp://web?pageUrl=https%3A%2F%2Fexample.com%2Fa')).toEqual([]);
    expect(findLinks('wss://push.m.jd.com/socket git+https://item.jd.com/1.html')).toEqual([]);
  });

  it('a regex literal or string that matches links is a pattern; JSON-escaped links stay links', () => {
    expect(findLinks('const re = /^https:\\/\\/item.jd.com\\/\\d+\\.html.*/')).toEqual([]);
    expect(findLinks('new RegExp("^https:\\/\\/detail.tmall.com\\/item.htm")')).toEqual([]);
    expect(findLinks('/https:\\/\\/u.jd.com\\/\\w+/g.test(s)')).toEqual([]);
    // A regex literal opening with the link, however its path goes on (a group, a class).
    expect(findLinks('m = /https:\\/\\/detail.tmall.com\\/item.htm\\?id=(?<id>[0-9]+)/')).toEqual([]);
    expect(findLinks("awk 'match($0,/http:\\/\\/item.m.jd.com\\/product\\/[0-9]+.html/)'")).toEqual([]);
    // Near misses: escaped slashes in JSON, a JSON string that ends right after the link.
    expect(sourcesOf('{"u":"https:\\/\\/item.jd.com\\/100029384756.html"}')).toEqual([['jd', false]]);
    expect(sourcesOf('"{\\"link\\":\\"https://u.jd.com/Kx7pQ2a\\"}"')).toEqual([['jd', true]]);
  });

  it('a userscript’s match pattern names hosts, it links nowhere; a protocol-relative link does', () => {
    expect(findLinks('// @include     *//i-item.jd.com/*')).toEqual([]);
    expect(findLinks('// @match       *://item.jd.com/*')).toEqual([]);
    expect(sourcesOf('<a href="//item.jd.com/100012043978.html">')).toEqual([['jd', false]]);
    // A manifest's match patterns and a config's globs end in a star where the string closes.
    expect(findLinks('"matches": ["https://haohuo.jinritemai.com/*", "https://item.jd.com/*"],')).toEqual([]);
    expect(findLinks("host_permissions: ['https://*.taobao.com/*', 'https://detail.tmall.com/*']")).toEqual([]);
    // Near misses: stars that are a message's emphasis or a quantity, inside a string or not, are no pattern.
    expect(sourcesOf('**商品链接：https://item.jd.com/100012043978.html**')).toEqual([['jd', false]]);
    expect(sourcesOf('{"text":"**商品链接：https://item.jd.com/100012043978.html**"}')).toEqual([['jd', false]]);
    expect(sourcesOf('msg = "*抢购* https://u.jd.com/AbCdEf1*"')).toEqual([['jd', true]]);
    expect(sourcesOf('"https://item.jd.com/100012043978.html"*2')).toEqual([['jd', false]]);
  });

  it('a `^` after a word is a field separator, not a regex anchor: the link after it is a link', () => {
    expect(sourcesOf('"mu":"5f3a^v2.8^SWC^291^^1428^^4037^https:\\/\\/item.jd.com\\/100029384756.html^e118"')).toEqual([
      ['jd', false],
    ]);
    expect(sourcesOf('id^https://detail.tmall.com/item.htm?id=701234567890')).toEqual([['tmall', false]]);
    // Near misses: an anchor opening a pattern, after a quote, a slash or a bracket.
    expect(findLinks('"^https://item.jd.com/\\d+"')).toEqual([]);
    expect(findLinks('(^https://detail.tmall.com/item.htm)')).toEqual([]);
  });

  it('JSON without links stays silent', () => {
    expect(findLinks('{"main":"dist\\/index.js","types":"dist\\/index.d.ts"}')).toEqual([]);
  });

  it('a link that is a parameter value of a relative URL ends at the next parameter', () => {
    const [found] = findLinks('/share/resolve?target=https://v.kuaishou.com/s/Ab3dE5fG&from=web');
    expect([found?.source, found?.kind]).toEqual(['shortener', 'short-link']);
  });

  it('a link right after a line comment’s slashes', () => {
    expect(sourcesOf('//https://u.jd.com/Kx7pQ2a')).toEqual([['jd', true]]);
    expect(
      sourcesOf('x = 1 //tbopen://m.taobao.com/tbopen/index.html?h5Url=https%3A%2F%2Fs.click.taobao.com%2FAb1Cd2e'),
    ).toEqual([['taobao', true]]);
  });

  it('a link as a shell default, after `:-` or `:+`; not inside a word joined by `-` or `+`', () => {
    expect(findLinks('URL="${1:-https://v.kuaishou.com/Bx7kPq2}"')[0]?.text).toBe('https://v.kuaishou.com/Bx7kPq2');
    expect(sourcesOf('${LINK:+https://u.jd.com/Kx7pQ2a}')).toEqual([['jd', true]]);
    expect(findLinks('x-https://u.jd.com/Kx7pQ2a git+https://item.jd.com/100029384756.html')).toEqual([]);
  });

  it('a shop app’s link to its home is its homepage, its brand’s; its other screens are not goods', () => {
    expect(sourcesOf('"scheme": "vipshop://goHome?tra_from=tra%3Aabc123%3A%3A"')).toEqual([['vipshop', true]]);
    expect(findLinks('vipshop://userCenter')).toEqual([]);
  });

  it('an app link to a login page of the shop is not goods; one that carries a goods page is', () => {
    expect(findLinks('tbopen://m.taobao.com/login/qrlogin.htm?x=1')).toEqual([]);
    expect(
      sourcesOf(
        'tbopen://m.taobao.com/tbopen/index.html?h5Url=https%3A%2F%2Fitem.taobao.com%2Fitem.htm%3Fid%3D701234567890',
      ),
    ).toEqual([['taobao', false]]);
  });

  it('a bot’s `[CQ:…]` segment glued to a link ends it; a `[` in a query does not', () => {
    expect(findLinks('https://u.jd.com/Ab3Cd5E[CQ:image,file=https://img.example.com/a.png]')[0]).toMatchObject({
      source: 'jd',
      text: 'https://u.jd.com/Ab3Cd5E',
    });
    expect(findLinks('[CQ:at,qq=10001] https://m.tb.cn/h.Kp7Lm2Q[CQ:face,id=14]')[0]?.text).toBe(
      'https://m.tb.cn/h.Kp7Lm2Q',
    );
    expect(findLinks('https://search.jd.com/Search?keyword=x&ev=exbrand_%E5%8D%8E%E4%B8%BA[1]')[0]?.text).toBe(
      'https://search.jd.com/Search?keyword=x&ev=exbrand_%E5%8D%8E%E4%B8%BA[1]',
    );
    expect(findLinks('[detail](https://item.jd.com/100012345678.html)')[0]?.text).toBe(
      'https://item.jd.com/100012345678.html',
    );
  });

  it('a line break or tab written as an escape in a code string does not glue the link to the word before', () => {
    expect(sourcesOf("rows = '面膜\\nhttps://mobile.yangkeduo.com/goods.html?goods_id=2938475'")).toEqual([
      ['pinduoduo', false],
    ]);
    expect(sourcesOf('"sku\\thttps://item.jd.com/100012345678.html\\r\\n"')).toEqual([['jd', false]]);
    // Other escapes still end nothing: a regex's \d after a link keeps it a pattern.
    expect(findLinks('/^https:\\/\\/item.jd.com\\/\\d+/')).toEqual([]);
  });

  it('a bare host between quotes is a host name in config; a shop host, a path or a scheme is a link', () => {
    expect(findLinks(`hosts = ['wl.jd.com', "beacon.m.taobao.com", 'cdn.pinduoduo.com']`)).toEqual([]);
    expect(sourcesOf(`{"shop": "gbyl.taobao.com"}`)).toEqual([['taobao', false]]);
    expect(sourcesOf(`'item.jd.com/100012345678.html'`)).toEqual([['jd', false]]);
    expect(findLinks(`'https://www.jd.com'`)[0]?.source).toBe('jd');
    // Unquoted, a subdomain of a brand is still a bare link.
    expect(findLinks('见 pages.tmall.com 会场')[0]?.source).toBe('tmall');
  });

  it('alliance and wrapper hosts quoted alone in code are host names; a shop host quoted alone is a shop', () => {
    expect(findLinks("hosts = ['s.click.taobao.com', 'union-click.jd.com', 'uland.taobao.com']")).toEqual([]);
    expect(findLinks("if (location.host === 'union-click.jd.com') return;")).toEqual([]);
    expect(sourcesOf('{"url":"demo.m.mockuai.com"}')).toEqual([['mokuai', null]]);
    // A template literal quotes as much: a bare host in backticks is a name, a page in backticks a link.
    expect(findLinks('headers: { Host: `act-ug.vip.com`, Referer: `m.vip.com` }')).toEqual([]);
    expect(sourcesOf('fetch(`https://detail.vip.com/detail-1234567-987654321.html`)')).toEqual([['vipshop', false]]);
  });

  it('shop-shaped hosts in a list of strings are host names; the same host alone as a value is a shop', () => {
    expect(findLinks('t = ["item.taobao.com", "list.taobao.com", "tw.taobao.com"]')).toEqual([]);
    expect(findLinks("const sites = ['gbyl.taobao.com', 'mystore.taobao.com'];")).toEqual([]);
    expect(findLinks("hosts = ['gbyl.taobao.com']")).toEqual([]);
    // Near misses: a key's value, an argument or a SQL value after a number are no list elements, and a page in a
    // list is still a link.
    expect(sourcesOf('{"shop": "gbyl.taobao.com", "id": 7}')).toEqual([['taobao', false]]);
    expect(sourcesOf("addShop(7, 'gbyl.taobao.com')")).toEqual([['taobao', false]]);
    expect(sourcesOf("INSERT INTO shops (id, url) VALUES (7, 'gbyl.taobao.com');")).toEqual([['taobao', false]]);
    expect(sourcesOf("urls = ['item.jd.com/100012345678.html', 'x']")).toEqual([['jd', false]]);
  });

  it('a word and a slash before a link are text, not a regex literal', () => {
    expect(sourcesOf('京东/https://item.jd.com/100012345678.html')).toEqual([['jd', false]]);
    expect(sourcesOf('原价199/https://item.jd.com/100012345678.html')).toEqual([['jd', false]]);
    expect(findLinks('s.match(/https:\\/\\/item.jd.com\\/(\\d+)/)')).toEqual([]);
  });

  it('a printf template of a goods page stands for its link', () => {
    expect(sourcesOf('fmt.Sprintf("https://item.jd.com/%d.html", sku)')).toEqual([['jd', null]]);
  });
});
