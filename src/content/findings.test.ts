// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_LISTED } from '../protocol';
import { spotOfFinding, toFindings } from './findings';
import type { Spot } from './page/scan';
import { decision, link } from '../../test/support/dom';

const el = () => document.createElement('div');
const spots: Spot[] = [
  {
    key: 'field #paste',
    kind: 'field',
    el: el(),
    label: '粘贴商品链接',
    row: null,
    text: '',
    flag: 'banned',
    judged: [
      { link: link('a', 'taobao', 0), decision: decision('banned') },
      { link: link('b', 'jd', 5), decision: decision('review') },
    ],
  },
  { key: 'field input', kind: 'field', el: el(), label: null, row: null, text: '', flag: null, judged: [] },
  {
    key: 'row 12',
    kind: 'row',
    el: el(),
    label: null,
    row: 12,
    text: '',
    flag: 'review',
    judged: [{ link: link('京东', 'jd', 3), decision: decision('review') }],
  },
];

describe('findings of a page', () => {
  it('lists the banned, then the review links, with a stable id and where they were seen, in the UI language', () => {
    expect(toFindings(spots, 'en').findings.map((f) => [f.id, f.where])).toEqual([
      ['field #paste@0', '粘贴商品链接'],
      ['field #paste@5', '粘贴商品链接'],
      ['row 12@3', 'goods list · row 12'],
    ]);
    expect(toFindings(spots, 'zh').findings.at(-1)!.where).toBe('商品列表 · 第 12 行');
  });

  // 0.1.0 sent every judged link, allowed ones too, and the background refused a report of more than 5,000 whole.
  it('counts allowed links without listing them, and caps the list banned first while counting everything', () => {
    const row = (i: number, verdict: 'banned' | 'review' | 'allowed'): Spot => ({
      key: `row ${i}`,
      kind: 'row',
      el: el(),
      label: null,
      row: i,
      text: '',
      flag: verdict === 'allowed' ? null : verdict,
      judged: [{ link: link(`商品 ${i}`, 'kuaishou'), decision: decision(verdict) }],
    });
    const cart = Array.from({ length: 8000 }, (_, i) =>
      row(i, i === 7999 ? 'banned' : i % 10 === 0 ? 'review' : 'allowed'),
    );
    const { findings, counts } = toFindings(cart, 'en');
    expect(counts).toEqual({ banned: 1, review: 800, allowed: 7199 });
    expect(findings).toHaveLength(MAX_LISTED);
    expect(findings[0]!.id).toBe('row 7999@0'); // the one banned link is listed although it comes last
    expect(findings.every((f) => f.decision.verdict !== 'allowed')).toBe(true);
    expect(toFindings(cart.slice(0, 100), 'en')).toMatchObject({ counts: { banned: 0, review: 10, allowed: 90 } });
    expect(toFindings(cart.slice(0, 100), 'en').findings).toHaveLength(10);
  });

  it('finds the place of a finding id again', () => {
    expect(spotOfFinding(spots, 'row 12@3')).toBe(spots[2]);
    expect(spotOfFinding(spots, 'field #paste@5')).toBe(spots[0]);
    expect(spotOfFinding(spots, 'row 99@0')).toBeUndefined();
  });
});
