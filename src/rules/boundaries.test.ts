// Every date in the shipped rules, judged one millisecond before and at the instant it names, as a table a reviewer
// can read against the rule files. The last test fails when a rule or exception gains a date this table lacks.
import { describe, expect, it } from 'vitest';
import { decide } from '../core/decide';
import type { LinkFinding, Platform, Seller, Source, Surface, Verdict } from '../core/types';
import { BUILT_IN_RULES } from './index';

const link = (source: Source, affiliate: boolean | null = false, seller?: Seller): LinkFinding => ({
  text: source,
  start: 0,
  end: source.length,
  source,
  affiliate,
  kind: 'url',
  evidence: 'test',
  ...(seller ? { seller } : {}),
});

type Judged = readonly [Verdict, string | null];
/** At `day` (Beijing midnight): the verdict and deciding rule one millisecond before, and at that instant. */
type Row = readonly [day: string, platform: Platform, surface: Surface, link: LinkFinding, before: Judged, at: Judged];

const none = ['review', null] as const;
const ROWS: readonly Row[] = [
  ['2019-12-01', 'kuaishou', 'live-cart', link('taobao'), none, ['allowed', 'KS-1']],
  ['2021-11-16', 'kuaishou', 'live-cart', link('youzan'), none, ['banned', 'KS-2']],
  ['2021-11-16', 'kuaishou', 'video-cart', link('mokuai'), none, ['allowed', 'KS-2-elsewhere']],
  ['2022-02-24', 'kuaishou', 'live-cart', link('pinduoduo'), none, ['review', 'KS-3']],
  ['2022-03-01', 'kuaishou', 'live-cart', link('taobao', true), ['allowed', 'KS-1'], ['banned', 'KS-4']],
  ['2022-03-01', 'kuaishou', 'live-cart', link('jd', true), none, ['banned', 'KS-5']],
  ['2022-03-01', 'kuaishou', 'profile', link('jd'), none, ['allowed', 'KS-5-elsewhere']],
  ['2022-10-28', 'kuaishou', 'live-cart', link('tmall'), ['banned', 'KS-4'], ['allowed', 'KS-6-tmall']],
  ['2022-10-28', 'kuaishou', 'live-cart', link('taobao', true), ['banned', 'KS-4'], ['review', 'KS-6-alliance']],
  [
    '2022-10-28',
    'kuaishou',
    'live-cart',
    link('jd', true, 'self-operated'),
    ['banned', 'KS-5'],
    ['allowed', 'KS-6-jd'],
  ],
  [
    '2022-12-01',
    'kuaishou',
    'live-cart',
    link('jd', true, 'self-operated'),
    ['allowed', 'KS-6-jd'],
    ['banned', 'KS-5'],
  ],
  ['2023-01-01', 'kuaishou', 'live-cart', link('tmall'), ['allowed', 'KS-6-tmall'], ['banned', 'KS-4']],
  ['2023-01-01', 'kuaishou', 'showcase', link('taobao', true), ['review', 'KS-6-alliance'], ['banned', 'KS-4']],
  ['2019-09-01', 'douyin', 'video-cart', link('jd'), none, ['allowed', 'DY-0']],
  ['2020-07-01', 'douyin', 'video-cart', link('taobao'), ['allowed', 'DY-0'], ['banned', 'DY-0-taobao']],
  ['2020-08-01', 'douyin', 'live-cart', link('jd'), ['allowed', 'DY-0'], ['review', 'DY-1']],
  ['2020-08-20', 'douyin', 'showcase', link('tmall'), ['banned', 'DY-0-taobao'], ['allowed', 'DY-0']],
  ['2020-08-20', 'douyin', 'live-cart', link('jd'), ['review', 'DY-1'], ['allowed', 'DY-2']],
  ['2020-09-06', 'douyin', 'live-cart', link('jd'), ['allowed', 'DY-2'], ['review', 'DY-3']],
  ['2020-10-09', 'douyin', 'live-cart', link('jd'), ['review', 'DY-3'], ['banned', 'DY-4']],
  ['2020-10-09', 'douyin', 'video-cart', link('taobao'), ['allowed', 'DY-0'], ['allowed', 'DY-4-video']],
  ['2025-09-29', 'douyin', 'video-cart', link('taobao'), ['allowed', 'DY-4-video'], ['review', 'DY-6']],
  ['2025-09-29', 'douyin', 'live-cart', link('taobao'), ['banned', 'DY-4'], ['banned', 'DY-4']],
  ['2020-08-01', 'xiaohongshu', 'note', link('taobao'), none, ['allowed', 'XHS-0']],
  ['2020-10-01', 'xiaohongshu', 'note', link('youzan'), none, ['allowed', 'XHS-0-youzan']],
  ['2021-06-01', 'xiaohongshu', 'note', link('weixin'), none, ['review', 'XHS-0-weixin']],
  ['2021-08-02', 'xiaohongshu', 'note', link('taobao'), ['allowed', 'XHS-0'], ['banned', 'XHS-1']],
  ['2021-08-02', 'xiaohongshu', 'note', link('youzan'), ['allowed', 'XHS-0-youzan'], ['banned', 'XHS-1']],
  ['2021-08-02', 'xiaohongshu', 'note', link('weixin'), ['review', 'XHS-0-weixin'], ['banned', 'XHS-1']],
  ['2021-08-02', 'xiaohongshu', 'live-cart', link('taobao'), ['allowed', 'XHS-0'], ['allowed', 'XHS-0']],
  ['2022-05-05', 'xiaohongshu', 'note', link('jd'), ['banned', 'XHS-1'], ['banned', 'XHS-2']],
  ['2022-05-05', 'xiaohongshu', 'note', link('youzan'), ['banned', 'XHS-1'], ['review', 'XHS-2-mini']],
  ['2022-05-05', 'xiaohongshu', 'live-cart', link('jd'), none, ['review', 'XHS-3']],
  ['2025-05-07', 'xiaohongshu', 'ad-link', link('taobao'), ['banned', 'XHS-2'], ['review', 'XHS-4']],
  ['2025-05-07', 'xiaohongshu', 'note', link('taobao'), ['banned', 'XHS-2'], ['banned', 'XHS-2']],
  ['2025-05-29', 'xiaohongshu', 'ad-link', link('jd'), ['banned', 'XHS-2'], ['review', 'XHS-4-jd']],
  ['2025-05-29', 'xiaohongshu', 'note', link('jd'), ['banned', 'XHS-2'], ['banned', 'XHS-2']],
  ['2024-08-25', 'weixin', 'video-cart', link('jd'), none, ['review', 'WX-1']],
  ['2026-06-20', 'weixin', 'live-cart', link('taobao'), ['review', 'WX-1'], ['review', 'WX-2']],
];

const instant = (day: string) => new Date(`${day}T00:00:00+08:00`);
const judged = (row: Row, at: Date): Judged => {
  const { verdict, rule } = decide(row[3], row[1], row[2], at, BUILT_IN_RULES);
  return [verdict, rule];
};

describe('every rule boundary, before and at', () => {
  it.each(ROWS)('%s %s %s %o', (...row) => {
    const at = instant(row[0]);
    expect(judged(row, new Date(at.getTime() - 1))).toEqual(row[4]);
    expect(judged(row, at)).toEqual(row[5]);
  });

  it('has a row for every date of every rule and exception: where it starts deciding, and where it ends', () => {
    const missing: string[] = [];
    for (const rule of BUILT_IN_RULES) {
      for (const span of [rule, ...(rule.exceptions ?? [])]) {
        const starts = ROWS.some((row) => instant(row[0]).getTime() === Date.parse(span.from) && row[5][1] === span.id);
        if (!starts) missing.push(`${span.id} from ${span.from}`);
        if (span.until && !ROWS.some((row) => instant(row[0]).getTime() === Date.parse(span.until!)))
          missing.push(`${span.id} until ${span.until}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
