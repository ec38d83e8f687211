// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ADAPTERS } from '../../dashboards';
import { fieldLabel, findFields, findRows, labelTexts, placeSelectors, rowText } from './places';

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
  it('prefers placeholder, then aria-label, then the first <label>, then title', () => {
    const roots = page(`<label for="a">商品链接</label><input id="a" title="t"><label for="a">第二个</label>
      <label>备注 <textarea id="b"></textarea></label><input id="c" title="标题"><input id="d" placeholder="粘贴">`);
    const labels = labelTexts(roots);
    expect(fieldLabel(document.getElementById('a')!, labels)).toBe('商品链接');
    expect(fieldLabel(document.getElementById('b')!, labels)).toBe('备注');
    expect(fieldLabel(document.getElementById('c')!, labels)).toBe('标题');
    expect(fieldLabel(document.getElementById('d')!, labels)).toBe('粘贴');
  });

  it('finds labels in one pass over them, never through el.labels (a walk of the whole document per field)', () => {
    const roots = page(`${'<input>'.repeat(50)}<label for="x">链接</label><input id="x">`);
    const reads = vi.fn();
    const own = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'labels');
    Object.defineProperty(HTMLInputElement.prototype, 'labels', {
      configurable: true,
      get() {
        reads();
        return own?.get?.call(this);
      },
    });
    try {
      expect(findFields(roots, selectors).at(-1)?.label).toBe('链接');
    } finally {
      if (own) Object.defineProperty(HTMLInputElement.prototype, 'labels', own);
    }
    expect(reads).not.toHaveBeenCalled();
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
