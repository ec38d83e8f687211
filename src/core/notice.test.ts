import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from '../rules/index';
import { decide } from './decide';
import { combinedNotice, notice, readableUrl, type NoticeContext } from './notice';
import type { JudgedLink, LinkFinding, Source } from './types';

/** A link pasted into a Kuaishou live cart at `when`, judged as the notice's context (`ks`) judges it. */
function judged(text: string, source: Source, when: string, affiliate: boolean | null = true): JudgedLink {
  const link: LinkFinding = { text, start: 0, end: text.length, source, affiliate, kind: 'url', evidence: 'test' };
  return { link, decision: decide(link, 'kuaishou', 'live-cart', new Date(when), BUILT_IN_RULES) };
}

const ks = (lang: 'zh' | 'en'): NoticeContext => ({
  platform: 'kuaishou',
  surface: 'live-cart',
  rules: BUILT_IN_RULES,
  lang,
});
const taobaoLink = 'https://s.click.taobao.com/t?e=m%3D2%26s%3Dabc';

describe('notice', () => {
  const banned = judged(taobaoLink, 'taobao', '2024-05-01T10:00:00+08:00');

  it('gives a merchant the rule, its date, the link, what to do and where it was reported, in 简体中文', () => {
    const text = notice(banned, ks('zh'));
    expect(text.split('\n')[0]).toBe('【平台规则提醒】快手 · 直播间购物车（小黄车）');
    expect(text).toContain(`链接：${taobaoLink}（淘宝）`);
    expect(text).toContain('结论：禁止 — 规则 KS-4');
    expect(text).toContain('规则内容：自2022年3月1日0时起，淘宝联盟商品链接不能在快手直播间购物车');
    expect(text).toContain('生效时间：2022-03-01（北京时间）');
    expect(text).toContain('建议做法：改为上架快手小店商品');
    expect(text).toContain('公告：快手电商：淘宝联盟、京东联盟商品链接发布调整公告（据报道，原文未见），2022-02-22');
    expect(text).toContain('- equalocean.com 2022-02-25 https://equalocean.com/analysis/2022022517049');
    expect(text).toContain('- sevcc.org 2022-02-24 https://sevcc.org/');
    expect(text).toContain(
      '依据新旧：最近一次报道：2022-10-20（comparemela.com (ChinaStarMarket)），此后未见报道。推断：双11窗口结束后',
    );
    expect(text).toContain('规则最后核实：2026-12-03');
    expect(text).not.toMatch(/\$[A-Z_]+\$|undefined/);
  });

  it('cites at most three reports, newest first, so it stays short enough for a chat message', () => {
    const ks4 = BUILT_IN_RULES.find((rule) => rule.id === 'KS-4')!;
    expect(ks4.announcement.reports.length).toBeGreaterThan(3);
    const lines = notice(banned, ks('en')).split('\n');
    const reports = lines.slice(lines.indexOf('Reported by:') + 1).filter((line) => line.startsWith('- '));
    expect(reports).toEqual([
      '- equalocean.com 2022-02-25 https://equalocean.com/analysis/2022022517049',
      expect.stringMatching(/^- sevcc\.org 2022-02-24 /),
      '- 电商报 dsb.cn：分道扬镳！快手切断外链，脱钩淘宝、京东',
    ]);
  });

  it('writes report addresses decoded, as a merchant reads them', () => {
    expect(readableUrl('http://pandaily.com/hi/%e0%a4%a4%e0%a5%8d')).toBe('http://pandaily.com/hi/त्');
    expect(readableUrl('https://a.cn/%E4%B8%AD%20x')).toBe('https://a.cn/中%20x');
    expect(readableUrl('https://a.cn/%E4%B8')).toBe('https://a.cn/%E4%B8');
  });

  const short = judged('https://dwz.cn/abc', 'shortener', '2024-01-01T00:00:00+08:00', null);

  it.each([
    [
      'speaks English when asked',
      banned,
      'en',
      [
        '[Platform rule] Kuaishou · live-room cart (小黄车)',
        'Verdict: Banned — rule KS-4',
        'In force since: 2022-03-01 (Beijing time)',
        'What to do instead: List Kuaishou shop',
        'Reported by:',
      ],
    ],
    [
      'cites the exception and its own announcement inside a window',
      judged('https://detail.tmall.com/item.htm?id=1', 'tmall', '2022-11-11T20:00:00+08:00', false),
      'en',
      [
        'Verdict: Allowed — rule KS-6-tmall',
        'Exception in force: For Double 11 2022',
        'In force since: 2022-10-28 (Beijing time)',
        'hcinfonews.com (The Paper)',
        'Coming change: from 2023-01-01 (Beijing time) this link is Banned under KS-4.',
      ],
    ],
    ['explains a review without a rule by its reason', short, 'zh', ['结论：待核实', '原因：短链接看不出指向哪个平台']],
  ] as const)('%s', (_name, link, lang, parts) => {
    const text = notice(link, ks(lang));
    for (const part of parts) expect(text).toContain(part);
  });

  it('claims no verification date when no rule decided', () => {
    expect(notice(short, ks('zh'))).not.toContain('规则最后核实');
  });

  it('warns before a rule takes effect', () => {
    const before = judged(taobaoLink, 'taobao', '2022-02-28T23:59:59+08:00');
    expect(notice(before, ks('zh'))).toContain('即将变化：自2022-03-01（北京时间）起，依据 KS-4 该链接为“禁止”。');
  });
});

describe('combinedNotice', () => {
  it('gathers the links to check under their rule when asked for the review group', () => {
    const pdd = judged(
      'https://mobile.yangkeduo.com/goods.html?goods_id=1',
      'pinduoduo',
      '2024-05-01T10:00:00+08:00',
      null,
    );
    expect(pdd.decision.verdict).toBe('review');
    const text = combinedNotice([pdd], ks('en'), 'review');
    expect(text.split('\n')[0]).toBe('[Platform rule] Kuaishou · live-room cart (小黄车)');
    expect(text).toContain('Verdict: Check — rule KS-3');
    expect(text).toContain('- https://mobile.yangkeduo.com/goods.html?goods_id=1 (Pinduoduo)');
    expect(combinedNotice([pdd], ks('en'))).toContain('no banned links found');
  });

  const when = '2024-05-01T10:00:00+08:00';
  const list = [
    judged(taobaoLink, 'taobao', when),
    judged('https://item.jd.com/100.html', 'jd', when),
    judged('https://detail.tmall.com/item.htm?id=2', 'tmall', when),
    judged(taobaoLink, 'taobao', when),
    judged('https://v.kuaishou.com/x', 'kuaishou', when),
    judged('https://dwz.cn/abc', 'shortener', when, null),
  ];

  it('groups the banned links of a page by rule, once each', () => {
    const text = combinedNotice(list, ks('zh'));
    expect(text.split('\n')[0]).toBe('【平台规则提醒】快手 · 直播间购物车（小黄车）：发现 3 个禁止使用的链接');
    expect(text).toContain('规则 KS-4（2022-03-01（北京时间）起生效）');
    expect(text).toContain('规则 KS-5（2022-03-01（北京时间）起生效）');
    expect(text.split(taobaoLink)).toHaveLength(2);
    expect(text).toContain('- https://detail.tmall.com/item.htm?id=2（天猫）');
    expect(text).not.toContain('v.kuaishou.com');
    expect(text).not.toContain('dwz.cn');
    expect(text.indexOf('KS-4')).toBeLessThan(text.indexOf('KS-5'));
  });

  it('says so when nothing is banned', () => {
    expect(combinedNotice(list.slice(4), ks('en'))).toBe(
      '[Platform rule] Kuaishou · live-room cart (小黄车): no banned links found.',
    );
  });
});
