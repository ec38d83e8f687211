// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../dashboards';
import { fieldLabel, findFields, findRows, placeSelectors, rowText } from './places';

const selectors = placeSelectors(ADAPTERS.find((a) => a.id === 'kuaishou-live-helper')!);

function page(html: string) {
  document.body.innerHTML = html;
  return [document];
}

describe('findFields', () => {
  it('keys fields by id, name or label, numbering repeats, and skips non-text inputs', () => {
    const roots = page(`
      <input id="paste"><input name="title"><input placeholder="链接"><input placeholder="链接">
      <input type="checkbox"><input type="url" aria-label="网址"><textarea></textarea>`);
    expect(findFields(roots, selectors).map((f) => f.key)).toEqual([
      'field #paste',
      'field input[name=title]',
      'field input "链接"',
      'field input "链接" 2',
      'field input "网址"',
      'field textarea',
    ]);
  });

  it('reads a nested editable as part of its outer field, not as a second one', () => {
    const roots = page('<div contenteditable="true"><p>a</p><span contenteditable="true">b</span></div>');
    expect(findFields(roots, selectors).map((f) => f.el.localName)).toEqual(['div']);
  });
});

describe('fieldLabel', () => {
  it('prefers placeholder, then aria-label, then a <label>, then title', () => {
    page(`<label for="a">商品链接</label><input id="a" title="t">
      <label>备注 <textarea id="b"></textarea></label><input id="c" title="标题">`);
    expect(fieldLabel(document.getElementById('a')!)).toBe('商品链接');
    expect(fieldLabel(document.getElementById('b')!)).toBe('备注');
    expect(fieldLabel(document.getElementById('c')!)).toBe('标题');
  });
});

describe('findRows', () => {
  it('numbers rows by their data-index when the page gives one, else by position', () => {
    const roots = page(`<div class="list-container--a">
      <div class="list-item--b" data-index="40">x</div><div data-index="41"><div class="list-item--b">y</div></div>
      </div><div class="list-container--a"><div class="list-item--b">z</div></div>`);
    expect(findRows(roots, selectors).map((r) => [r.key, r.row])).toEqual([
      ['row 41', 41],
      ['row 42', 42],
      ['row 3', 3],
    ]);
  });

  it("reads a row's text with its link targets, not its in-page anchors", () => {
    page('<div id="r">商品<a href="https://s.click.taobao.com/x">去看看</a><a href="#top">顶部</a></div>');
    expect(rowText(document.getElementById('r')!)).toBe('商品去看看顶部\nhttps://s.click.taobao.com/x');
  });
});
