// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
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
  it('lists every judged link with a stable id and where it was seen, in the UI language', () => {
    expect(toFindings(spots, 'en').map((f) => [f.id, f.where])).toEqual([
      ['field #paste@0', '粘贴商品链接'],
      ['field #paste@5', '粘贴商品链接'],
      ['row 12@3', 'goods list · row 12'],
    ]);
    expect(toFindings(spots, 'zh').at(-1)!.where).toBe('商品列表 · 第 12 行');
  });

  it('finds the place of a finding id again', () => {
    expect(spotOfFinding(spots, 'row 12@3')).toBe(spots[2]);
    expect(spotOfFinding(spots, 'field #paste@5')).toBe(spots[0]);
    expect(spotOfFinding(spots, 'row 99@0')).toBeUndefined();
  });
});
