// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WatchRule } from '../../dashboards/watch';
import { rowOf, rowSelector, stableSelector } from '../page/selectors';
import { startPicker } from './picker';

const PAGE = `
<form id="f"><textarea name="goodsNote" placeholder="粘贴商品链接"></textarea>
<input class="css-1x2y3z4"></form>
<div class="goodsList--Ab3Cd"><div data-virtuoso-scroller="true"><div>
  <div class="goodsRow--Zq9Xw" data-index="0"><span class="title">A</span><button id="buy0">上车</button></div>
  <div class="goodsRow--Zq9Xw" data-index="1"><span class="title">B</span></div>
</div></div></div>`;

let control = new AbortController();
afterEach(() => control.abort());

function setup() {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    'https://zs.kwaixiaodian.com/page/goods-pool',
  );
  document.body.innerHTML = PAGE;
  control = new AbortController();
  const saved: WatchRule[] = [];
  const save = vi.fn(async (rule: WatchRule) => void saved.push(rule));
  const pageClicks = vi.fn();
  document.body.addEventListener('click', pageClicks);
  const picker = startPicker({
    doc: document,
    lang: 'en',
    platform: null,
    surface: 'unknown',
    taken: [],
    save,
    signal: control.signal,
  });
  const shadow = () => document.querySelector('[data-cartlint-ui]')!.shadowRoot!;
  const click = (target: Element) => target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  return { saved, save, pageClicks, picker, shadow, click };
}

describe('stable selectors', () => {
  it('names an element by its attributes or class stem, never by position', () => {
    document.body.innerHTML = PAGE;
    expect(stableSelector(document.querySelector('textarea')!, document)).toBe('textarea[name="goodsNote"]');
    const list = document.querySelector('.goodsList--Ab3Cd')!;
    expect(stableSelector(list, document)).toBe('div[class^="goodsList"]');
    const row = rowOf(list, document.querySelector('#buy0')!)!;
    expect(row.getAttribute('data-index')).toBe('0');
    expect(rowSelector(list, row, document)).toBe('div[class^="goodsList"] div[class^="goodsRow"]');
    // A hashed class and no attribute: held by its stable ancestor.
    expect(stableSelector(document.querySelector('input')!, document)).toBe('#f input');
  });
});

describe('the picker', () => {
  it('picks a field by click, holding the page’s own click back, and saves it as a watch rule', async () => {
    const { saved, pageClicks, shadow, click } = setup();
    expect(shadow().textContent).toContain('click the text field, editor or list');
    click(document.querySelector('textarea')!);
    expect(pageClicks).not.toHaveBeenCalled();
    expect(shadow().textContent).toContain('Field: textarea[name="goodsNote"]');
    (shadow().querySelector('#picker-surface') as HTMLSelectElement).value = 'live-cart';
    (shadow().querySelector('.picker-save') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      id: 'W-zs.kwaixiaodian.com-1',
      host: 'zs.kwaixiaodian.com',
      path: '/page/goods-pool',
      platform: 'kuaishou',
      surface: 'live-cart',
      fields: ['textarea[name="goodsNote"]'],
      rows: [],
    });
    await vi.waitFor(() => expect(shadow().textContent).toContain('Saved.'));
  });

  it('picks a list area, then one of its rows, and counts the rows it matches', () => {
    const { shadow, click, picker } = setup();
    click(document.querySelector('.goodsList--Ab3Cd')!);
    expect(shadow().textContent).toContain('Now click one row');
    click(document.querySelector('#buy0')!);
    expect(shadow().textContent).toContain('Rows: div[class^="goodsList"] div[class^="goodsRow"] (2 on the page now)');
    picker.stop();
  });

  it('takes a click on a row’s text in the first step for its list, as an operator clicks a list', () => {
    const { shadow, click } = setup();
    click(document.querySelector('.goodsRow--Zq9Xw .title')!);
    expect(shadow().textContent).toContain('Now click one row');
    click(document.querySelectorAll('.goodsRow--Zq9Xw')[1]!);
    expect(shadow().textContent).toContain('(2 on the page now)');
  });

  it('shows why a save was refused and lets the operator try again', async () => {
    const { save, shadow, click } = setup();
    save.mockRejectedValueOnce(new Error('No picker was started'));
    click(document.querySelector('textarea')!);
    (shadow().querySelector('.picker-save') as HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(shadow().querySelector('.picker-error')!.textContent).toBe('Not saved: No picker was started'),
    );
    expect((shadow().querySelector('.picker-save') as HTMLButtonElement).disabled).toBe(false);
  });

  it('cancels on Esc, taking its UI away and giving the page its clicks back', () => {
    const { pageClicks, click } = setup();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.querySelector('[data-cartlint-ui]')).toBeNull();
    click(document.querySelector('textarea')!);
    expect(pageClicks).toHaveBeenCalledTimes(1);
  });
});
