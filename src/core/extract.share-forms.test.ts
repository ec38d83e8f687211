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
  it('Kuaishou share links on every share host are the platform’s short links', () => {
    for (const link of [
      'https://v.kuaishou.com/Bx7kPq',
      'https://v.kuaishouapp.com/s/Lm2Np4Qr',
      'https://www.kuaishou.com/f/X-1aBcD2eFgH3iJk',
      'https://v.m.chenzhongtech.com/s/Gh8Jk9Lz',
      'https://k8s7f2a1.m.chenzhongtech.com/s/Qa1Ws2Ed',
      'https://m.gifshow.com/s/Rt5Yu7Io',
      'http://m.gifshow.com/Kp3Lm8Zq',
    ]) {
      expect(one(link), link).toMatchObject({ source: 'shortener', kind: 'short-link' });
    }
  });

  it('a Kuaishou share link that the text calls 快手小店 goods is the platform’s shop', () => {
    expect(one('快手小店 限时秒杀 https://v.kuaishouapp.com/s/Zx3Cv5Bn 商品详情')).toMatchObject({
      source: 'kuaishou',
    });
  });

  it('Kuaishou video and profile pages on the share hosts are not goods', () => {
    expect(findLinks('https://v.m.chenzhongtech.com/fw/photo/3xq8zv2mrk9w4ya')).toEqual([]);
    expect(findLinks('https://www.kuaishou.com/short-video/3xf9d2kqpz7m6ub')).toEqual([]);
    expect(findLinks('https://m.gifshow.com/fw/photo/3x5kq2mz8ph4yrw')).toEqual([]);
    expect(findLinks('https://m.gifshow.com/user/profile/3xabc123')).toEqual([]);
  });

  it('JD 口令 with the `NN:/` lead, with only an app code, any app code', () => {
    for (const text of [
      '9！Pq3Wr5Ty7Ui！ MF6021',
      '17:/！Zx8Cv6Bn4Ml！ZH1024',
      '京东 3！Hg5Jk7Lp9Qw！ CA7788',
      '0:/ ！Ty2Ui4Op6As！',
    ]) {
      expect(one(text), text).toMatchObject({ source: 'jd', kind: 'token' });
    }
    expect(findLinks('太棒了！Good job！真的')).toEqual([]); // a `！…！` without lead or code is prose
  });

  it('the 淘宝闪购 / 饿了么 share layout', () => {
    expect(one('47 MF2301 2:/✔₤Rk4Tm6Wq8Y₤ 去淘宝闪购看看')).toMatchObject({ source: 'taobao', kind: 'token' });
  });

  it('淘口令 with a space or an emoji inside the body, between any token delimiter', () => {
    for (const text of [
      '￥aB Cd3EfGh4￥',
      '€aB😊Cd3EfGh€ 打开淘宝',
      '₤Xy7 Wq2Rt5Lm₤',
      '复制这段 ¢3kPq🛒🎁Ws8Ezd¢ 去手机淘宝',
      '$Tm4Rq ✨ Zx9Vb$',
      '(￥Hb6 Nz3 Qw8Lp￥)',
    ]) {
      expect(one(text), text).toMatchObject({ source: 'taobao', kind: 'token' });
    }
  });

  it('words and numbers with spaces between signs are not tokens', () => {
    for (const text of [
      '￥12 包邮￥',
      '$ 5 $',
      '￥99 元 到手价 ￥79',
      '原价￥128 现价￥99',
      'pay $10 discount now$ please',
      '$USD 25 Price$',
      '€I have 1000000€',
      '$Hello 😊 World$',
      '¥ 2024 12 01 ¥',
    ]) {
      expect(findLinks(text), text).toEqual([]);
    }
  });

  it('near misses stay silent: prices, words and amounts between signs', () => {
    for (const text of ['合计 ￥199 ￥', '￥ Apple iPhone￥', '€ 12 34 €', 'cost $ 45 off$', '单价¥12.9 元 ¥9.9 元']) {
      expect(findLinks(text), text).toEqual([]);
    }
    expect(sourcesOf('￥Pk7Lm9Nb2Vc￥ 打开淘宝')).toEqual([['taobao', null]]);
  });
});
