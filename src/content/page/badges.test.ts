// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findBadges } from './badges';

function row(...parts: (string | [tag: string, text: string])[]): HTMLElement {
  const el = document.createElement('div');
  for (const part of parts) {
    if (typeof part === 'string') el.append(part);
    else el.append(Object.assign(document.createElement(part[0]), { textContent: part[1] }));
  }
  return el;
}

describe('source badges in a goods row', () => {
  it('reads short leaf labels as badges, with offsets into the row text', () => {
    const el = row(['span', '三只松鼠 面包'], ['span', ' 淘宝联盟 '], ['b', '京东']);
    const text = el.textContent!;
    const found = findBadges(el, text);
    expect(found.map((b) => [b.text, b.source, b.affiliate, text.slice(b.start, b.end)])).toEqual([
      ['淘宝联盟', 'taobao', true, '淘宝联盟'],
      ['京东', 'jd', null, '京东'],
    ]);
  });

  it('ignores titles that merely mention a source, and labels that are not leaves', () => {
    const nested = document.createElement('span');
    nested.append('淘宝', document.createElement('i'));
    const el = row(['span', '同款淘宝爆款 京东发货'], 'loose 天猫');
    el.append(nested);
    expect(findBadges(el, el.textContent!)).toEqual([]);
  });
});
