import { describe, expect, it } from 'vitest';
import { aLink } from '../../test/support/rules';
import { BUILT_IN_RULES, mergeRules } from '../rules/index';
import { decide, decider, findRule } from './decide';
import type { LinkFinding, Platform, Rule, Seller, Source, SurfaceOrUnknown, Verdict } from './types';

const link = (source: Source, affiliate: boolean | null = false, seller?: Seller): LinkFinding =>
  aLink(`https://example.invalid/${source}`, source, affiliate, seller);

const at = (iso: string) => new Date(iso);
/** How `finding` is judged on a Kuaishou live cart at `when`, by the built-in rules. */
const onKuaishouLiveCart = (finding: LinkFinding, when: string) =>
  decide(finding, 'kuaishou', 'live-cart', at(when), BUILT_IN_RULES);

type Case = [name: string, LinkFinding, Platform, SurfaceOrUnknown, string, Verdict, string | null];

const cases: Case[] = [
  [
    '淘宝联盟 link, Kuaishou live cart, last second of February',
    link('taobao', true),
    'kuaishou',
    'live-cart',
    '2022-02-28T23:59:59+08:00',
    'allowed',
    'KS-1',
  ],
  [
    '淘宝联盟 link, Kuaishou live cart, first second of March',
    link('taobao', true),
    'kuaishou',
    'live-cart',
    '2022-03-01T00:00:00+08:00',
    'banned',
    'KS-4',
  ],
  [
    'Taobao link in the Kuaishou short-video cart',
    link('taobao'),
    'kuaishou',
    'video-cart',
    '2022-06-01T12:00:00+08:00',
    'banned',
    'KS-4',
  ],
  [
    'Douyin shop link in a Douyin live cart',
    link('douyin'),
    'douyin',
    'live-cart',
    '2024-01-01T00:00:00+08:00',
    'allowed',
    null,
  ],
  [
    'Taobao link in a Douyin live cart',
    link('taobao'),
    'douyin',
    'live-cart',
    '2024-01-01T00:00:00+08:00',
    'banned',
    'DY-4',
  ],
  [
    "Kuaishou's own shop in a Douyin live cart",
    link('kuaishou'),
    'douyin',
    'live-cart',
    '2024-01-01T00:00:00+08:00',
    'banned',
    'DY-4',
  ],
  [
    'Taobao link in a Douyin short-video cart',
    link('taobao'),
    'douyin',
    'video-cart',
    '2024-01-01T00:00:00+08:00',
    'allowed',
    'DY-4-video',
  ],
  [
    'Douyin live cart the day before the cut',
    link('jd'),
    'douyin',
    'live-cart',
    '2020-10-08T23:59:59+08:00',
    'review',
    'DY-3',
  ],
  [
    'JD link in a Kuaishou live cart',
    link('jd', true),
    'kuaishou',
    'live-cart',
    '2022-06-01T00:00:00+08:00',
    'banned',
    'KS-5',
  ],
  [
    'JD link in a Kuaishou short-video cart',
    link('jd', true),
    'kuaishou',
    'video-cart',
    '2022-06-01T00:00:00+08:00',
    'allowed',
    'KS-5-elsewhere',
  ],
  [
    'Youzan in a Kuaishou live cart at 2021-11-15 24:00 minus a second',
    link('youzan'),
    'kuaishou',
    'live-cart',
    '2021-11-15T23:59:59+08:00',
    'review',
    null,
  ],
  [
    'Youzan in a Kuaishou live cart at 2021-11-16 00:00',
    link('youzan'),
    'kuaishou',
    'live-cart',
    '2021-11-16T00:00:00+08:00',
    'banned',
    'KS-2',
  ],
  [
    'Mokuai on a Kuaishou profile after the cut',
    link('mokuai'),
    'kuaishou',
    'profile',
    '2021-12-01T00:00:00+08:00',
    'allowed',
    'KS-2-elsewhere',
  ],
  [
    'Tmall inside the Double-11 window',
    link('tmall'),
    'kuaishou',
    'live-cart',
    '2022-11-11T20:00:00+08:00',
    'allowed',
    'KS-6-tmall',
  ],
  [
    'plain Taobao C-shop link inside the window',
    link('taobao', false),
    'kuaishou',
    'live-cart',
    '2022-11-11T20:00:00+08:00',
    'banned',
    'KS-4',
  ],
  [
    '淘口令 inside the window (Tmall or C-shop?)',
    link('taobao', true),
    'kuaishou',
    'live-cart',
    '2022-11-11T20:00:00+08:00',
    'review',
    'KS-6-alliance',
  ],
  [
    'Tmall on the last second of the window',
    link('tmall'),
    'kuaishou',
    'live-cart',
    '2022-12-31T23:59:59+08:00',
    'allowed',
    'KS-6-tmall',
  ],
  [
    'Tmall once the window closed',
    link('tmall'),
    'kuaishou',
    'live-cart',
    '2023-01-01T00:00:00+08:00',
    'banned',
    'KS-4',
  ],
  [
    'JD, seller unknown, inside the JD window',
    link('jd', true),
    'kuaishou',
    'live-cart',
    '2022-11-11T00:00:00+08:00',
    'review',
    'KS-6-jd',
  ],
  [
    'JD self-operated inside the JD window',
    link('jd', true, 'self-operated'),
    'kuaishou',
    'live-cart',
    '2022-11-11T00:00:00+08:00',
    'allowed',
    'KS-6-jd',
  ],
  [
    'JD marketplace inside the JD window',
    link('jd', true, 'marketplace'),
    'kuaishou',
    'live-cart',
    '2022-11-11T00:00:00+08:00',
    'banned',
    'KS-5',
  ],
  [
    'JD self-operated after the JD window',
    link('jd', true, 'self-operated'),
    'kuaishou',
    'live-cart',
    '2022-12-01T00:00:00+08:00',
    'banned',
    'KS-5',
  ],
  [
    'a short link anywhere',
    link('shortener', null),
    'kuaishou',
    'live-cart',
    '2024-01-01T00:00:00+08:00',
    'review',
    null,
  ],
  ['a source no rule speaks of', link('vipshop'), 'kuaishou', 'live-cart', '2024-01-01T00:00:00+08:00', 'review', null],
  [
    'Taobao in a Xiaohongshu note, 2021',
    link('taobao'),
    'xiaohongshu',
    'note',
    '2021-09-01T00:00:00+08:00',
    'banned',
    'XHS-1',
  ],
  [
    'Taobao in a Xiaohongshu note, 2023',
    link('taobao'),
    'xiaohongshu',
    'note',
    '2023-01-01T00:00:00+08:00',
    'banned',
    'XHS-2',
  ],
  [
    'Taobao in the text of a Xiaohongshu note after the Red Cat Plan',
    link('taobao'),
    'xiaohongshu',
    'note',
    '2025-06-01T00:00:00+08:00',
    'banned',
    'XHS-2',
  ],
  [
    'Taobao in the ad link area of a promoted Xiaohongshu note after the Red Cat Plan',
    link('taobao'),
    'xiaohongshu',
    'ad-link',
    '2025-06-01T00:00:00+08:00',
    'review',
    'XHS-4',
  ],
  [
    'JD in a Xiaohongshu note on 2025-05-11',
    link('jd'),
    'xiaohongshu',
    'note',
    '2025-05-11T00:00:00+08:00',
    'banned',
    'XHS-2',
  ],
  [
    'JD in a Xiaohongshu ad link area on 2025-05-29, when 红京 went live',
    link('jd'),
    'xiaohongshu',
    'ad-link',
    '2025-05-29T00:00:00+08:00',
    'review',
    'XHS-4-jd',
  ],
  [
    'Pinduoduo in a Xiaohongshu note',
    link('pinduoduo'),
    'xiaohongshu',
    'note',
    '2025-06-01T00:00:00+08:00',
    'banned',
    'XHS-2',
  ],
  [
    'Taobao goods on Taobao Live',
    link('tmall'),
    'taobao-live',
    'live-cart',
    '2024-01-01T00:00:00+08:00',
    'allowed',
    null,
  ],
  [
    'JD on Taobao Live (nothing known)',
    link('jd'),
    'taobao-live',
    'live-cart',
    '2024-01-01T00:00:00+08:00',
    'review',
    null,
  ],
  [
    'Taobao in a WeChat Channels live cart',
    link('taobao'),
    'weixin',
    'live-cart',
    '2025-01-01T00:00:00+08:00',
    'review',
    'WX-1',
  ],
  [
    'Taobao on a Douyin page of unknown surface',
    link('taobao'),
    'douyin',
    'unknown',
    '2024-01-01T00:00:00+08:00',
    'review',
    'DY-4',
  ],
  [
    'Taobao on a Kuaishou page of unknown surface',
    link('taobao'),
    'kuaishou',
    'unknown',
    '2024-01-01T00:00:00+08:00',
    'banned',
    'KS-4',
  ],
  [
    'Douyin shop on a Douyin page of unknown surface',
    link('douyin'),
    'douyin',
    'unknown',
    '2024-01-01T00:00:00+08:00',
    'allowed',
    null,
  ],
];

describe('decide', () => {
  it.each(cases)('%s', (_, finding, platform, surface, when, verdict, rule) => {
    const decision = decide(finding, platform, surface, at(when), BUILT_IN_RULES);
    expect({ verdict: decision.verdict, rule: decision.rule }).toEqual({ verdict, rule });
    expect(decision.reason.zh.length).toBeGreaterThan(0);
    expect(decision.reason.en).not.toMatch(/\$[A-Z_]+\$|undefined/);
  });

  it('explains a ban with the rule, its start and its summary, in both languages', () => {
    const decision = onKuaishouLiveCart(link('taobao', true), '2022-03-01T00:00:00+08:00');
    expect(decision.since).toBe('2022-03-01T00:00:00+08:00');
    expect(decision.reason.en).toMatch(/^Banned by KS-4 since 2022-03-01 \(Beijing time\): From 00:00 on 1 March 2022/);
    expect(decision.reason.zh).toMatch(/^依据 KS-4，自2022-03-01（北京时间）起禁止：自2022年3月1日0时起/);
  });

  it('names the banned surfaces when the surface is unknown', () => {
    const decision = decide(link('jd'), 'kuaishou', 'unknown', at('2024-01-01T00:00:00+08:00'), BUILT_IN_RULES);
    expect(decision.verdict).toBe('review');
    expect(decision.reason.en).toContain('banned on live-room cart (小黄车) (KS-5)');
    expect(decision.reason.zh).toContain('在直播间购物车（小黄车）被禁止（KS-5）');
  });

  it('reports a rule that takes effect later as upcoming', () => {
    const decision = onKuaishouLiveCart(link('taobao', true), '2022-02-28T23:59:59+08:00');
    expect(decision.upcoming).toMatchObject({ rule: 'KS-4', verdict: 'banned', from: '2022-03-01T00:00:00+08:00' });
    expect(decision.upcoming!.reason.en).toContain('KS-4');
  });

  it('reports the end of an exception window as upcoming, and nothing when nothing changes', () => {
    const inWindow = onKuaishouLiveCart(link('tmall'), '2022-12-01T00:00:00+08:00');
    expect(inWindow.upcoming).toMatchObject({ rule: 'KS-4', verdict: 'banned', from: '2023-01-01T00:00:00+08:00' });
    const today = onKuaishouLiveCart(link('tmall'), '2026-11-23T00:00:00+08:00');
    expect(today.upcoming).toBeUndefined();
  });

  it('skips rules the user switched off', () => {
    const rules = mergeRules(BUILT_IN_RULES, [], [], new Set(['DY-4']));
    const decision = decide(link('taobao'), 'douyin', 'live-cart', at('2024-01-01T00:00:00+08:00'), rules);
    expect(decision.rule).toBe('DY-0');
    expect(decision.verdict).toBe('allowed');
  });

  it('treats an allowing rule that only may cover a link as silent', () => {
    const rules: Rule[] = [
      {
        ...BUILT_IN_RULES.find((r) => r.id === 'KS-5-elsewhere')!,
        links: [{ source: 'jd', affiliate: true }],
      },
    ];
    const decision = decide(link('jd', null), 'kuaishou', 'video-cart', at('2024-01-01T00:00:00+08:00'), rules);
    expect(decision).toMatchObject({ verdict: 'review', rule: null });
  });

  it('makes a banning rule that needs an unknown fact a review', () => {
    const rules: Rule[] = [
      { ...BUILT_IN_RULES.find((r) => r.id === 'KS-5')!, links: [{ source: 'jd', affiliate: true }], exceptions: [] },
    ];
    const decision = decide(link('jd', null), 'kuaishou', 'live-cart', at('2024-01-01T00:00:00+08:00'), rules);
    expect(decision).toMatchObject({ verdict: 'review', rule: 'KS-5' });
    expect(decision.reason.en).toMatch(
      /^KS-5 may apply, but the link does not show whether it comes through an alliance/,
    );
  });
});

describe('decider', () => {
  const kinds: LinkFinding[] = (['taobao', 'jd', 'pinduoduo', 'shortener', 'kuaishou'] as Source[]).flatMap((source) =>
    [true, false, null].flatMap((affiliate) =>
      [undefined, 'self-operated', 'marketplace'].map((seller) =>
        link(source, affiliate, seller as Seller | undefined),
      ),
    ),
  );

  it.each(['live-cart', 'unknown'] as SurfaceOrUnknown[])(
    'decides every kind of link as decide does (%s)',
    (surface) => {
      const decideLink = decider('kuaishou', surface, at('2024-11-05'), BUILT_IN_RULES);
      for (const one of kinds)
        expect(decideLink(one)).toEqual(decide(one, 'kuaishou', surface, at('2024-11-05'), BUILT_IN_RULES));
    },
  );

  it('decides a kind of link once, whatever its text', () => {
    const decideLink = decider('kuaishou', 'live-cart', at('2024-11-05'), BUILT_IN_RULES);
    const first = decideLink({ ...link('taobao', true), text: 'https://s.click.taobao.com/a' });
    expect(decideLink({ ...link('taobao', true), text: 'https://s.click.taobao.com/b', start: 7 })).toBe(first);
    expect(decideLink(link('taobao', false))).not.toBe(first);
  });
});

describe('findRule', () => {
  it('finds rules and exceptions with their parent', () => {
    expect(findRule(BUILT_IN_RULES, 'KS-4')?.rule.id).toBe('KS-4');
    const found = findRule(BUILT_IN_RULES, 'KS-6-jd');
    expect(found?.rule.id).toBe('KS-5');
    expect(found?.exception?.id).toBe('KS-6-jd');
    expect(findRule(BUILT_IN_RULES, 'nope')).toBeUndefined();
  });
});
