// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notice } from '../../core/notice';
import type { JudgedLink } from '../../core/types';
import { createOverlay } from './overlay';
import type { Spot } from '../page/scan';
import { decision, link } from '../../../test/support/dom';
import { createUiHost } from './host';

const EVIL = '<img src=x onerror="window.__pwned=1">https://s.click.taobao.com/x';

let control = new AbortController();
afterEach(() => control.abort());

function setup() {
  control = new AbortController();
  document.body.replaceChildren();
  const input = document.createElement('input');
  input.value = EVIL;
  // happy-dom does no layout: give the field a place on screen.
  input.getBoundingClientRect = () => ({
    left: 10,
    top: 20,
    width: 200,
    height: 30,
    right: 210,
    bottom: 50,
    x: 10,
    y: 20,
    toJSON: () => ({}),
  });
  document.body.append(input);
  const ui = createUiHost(document, control.signal);
  const overlay = createOverlay({
    ui,
    signal: control.signal,
    context: () => ({ platform: 'kuaishou', surface: 'live-cart', rules: [], lang: 'en' }),
    askNotice: async (judged) => notice(judged, { platform: 'kuaishou', surface: 'live-cart', rules: [], lang: 'en' }),
  });
  overlay.watch([document]);
  const judged: JudgedLink[] = [
    { link: link(EVIL, 'taobao'), decision: decision('banned', '2022-03-01T00:00:00+08:00') },
  ];
  const spot: Spot = {
    key: 'field input',
    kind: 'field',
    el: input,
    label: null,
    row: null,
    text: EVIL,
    judged,
    flag: 'banned',
  };
  return { ui, overlay, input, spot };
}

describe('overlay', () => {
  it('puts the card where the page’s own buttons are not: above the field, else beside it, never over what follows', () => {
    const { overlay, input, spot } = setup();
    overlay.update([spot]);
    const place = (top: number) => {
      input.getBoundingClientRect = () => ({
        left: 10,
        top,
        width: 200,
        height: 30,
        right: 210,
        bottom: top + 30,
        x: 10,
        y: top,
        toJSON: () => ({}),
      });
      input.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      window.dispatchEvent(new Event('resize')); // the card follows its field when the layout moves
      const card = overlay.card()!;
      return { top: parseFloat(card.style.top), left: parseFloat(card.style.left) };
    };
    const roomAbove = place(400);
    expect(roomAbove.top).toBeLessThan(400); // card's bottom edge sits above the field
    const atTheTop = place(20);
    expect(atTheTop).toEqual({ top: 20, left: expect.any(Number) });
    expect(atTheTop.left).toBeGreaterThanOrEqual(210); // to the right of the field, not below it
  });

  it('outlines a flagged field in our shadow root and shows its card on focus, page text as text only', async () => {
    const { ui, overlay, input, spot } = setup();
    overlay.update([spot]);
    await vi.waitFor(() => expect(ui.shadow.querySelectorAll('.outline.banned')).toHaveLength(1));
    expect((ui.shadow.querySelector('.outline') as HTMLElement).style.transform).toBe('translate(8px, 18px)');
    expect(input.getAttribute('style')).toBeNull(); // the page's element is never restyled

    input.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    const card = overlay.card()!;
    expect(card).not.toBeNull();
    expect(card.textContent).toContain(EVIL);
    expect(card.textContent).toContain('Banned');
    expect(card.textContent).toContain('Source: Taobao');
    expect(ui.shadow.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('tells banned and review apart by class and by word', async () => {
    const { ui, overlay, input, spot } = setup();
    const review: Spot = { ...spot, judged: [{ ...spot.judged[0]!, decision: decision('review') }], flag: 'review' };
    overlay.update([review]);
    await vi.waitFor(() => expect(ui.shadow.querySelector('.outline')?.className).toBe('outline review'));
    input.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    const verdict = overlay.card()!.querySelector('.verdict')!;
    expect(verdict.className).toBe('verdict review');
    expect(verdict.textContent).toContain('Check');
  });

  it('drops the outline and the card when the place is fixed', () => {
    const { ui, overlay, input, spot } = setup();
    overlay.update([spot]);
    input.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    overlay.update([{ ...spot, judged: [], flag: null }]);
    expect(ui.shadow.querySelectorAll('.outline')).toHaveLength(0);
    expect(overlay.card()).toBeNull();
  });

  it('copies the notice to the clipboard, or leaves it selected when the clipboard refuses', async () => {
    const { overlay, input, spot } = setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    overlay.update([spot]);
    input.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    overlay.card()!.querySelector('button')!.click();
    await vi.waitFor(() => expect(overlay.card()!.textContent).toContain('Notice copied'));
    expect(writeText.mock.calls[0]![0]).toContain(EVIL);

    writeText.mockRejectedValue(new Error('denied'));
    overlay.card()!.querySelector('button')!.click();
    await vi.waitFor(() => expect(overlay.card()!.querySelector('textarea')).not.toBeNull());
    expect(overlay.card()!.querySelector('textarea')!.value).toContain(EVIL);
  });

  it('removes all of its UI when the page life ends', () => {
    const { overlay, spot } = setup();
    overlay.update([spot]);
    expect(document.querySelector('[data-cartlint-ui]')).not.toBeNull();
    control.abort();
    expect(document.querySelector('[data-cartlint-ui]')).toBeNull();
  });
});

describe('overlay hover', () => {
  it('keeps the card while the pointer moves inside it, and hides it after the pointer leaves both', async () => {
    const { overlay, input, spot } = setup();
    overlay.update([spot]);
    input.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    const card = overlay.card()!;
    card.querySelector('.rule')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(overlay.card()).toBe(card);
    document.body.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await vi.waitFor(() => expect(overlay.card()).toBeNull());
  });
});

describe('overlay card updates', () => {
  it('keeps the same card while its place is unchanged, and rebuilds it when the verdicts change', () => {
    const { overlay, input, spot } = setup();
    overlay.update([spot]);
    input.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    const card = overlay.card();
    overlay.update([spot]); // another place changed, not this one
    expect(overlay.card()).toBe(card);
    spot.judged = [{ ...spot.judged[0]!, decision: decision('review') }];
    spot.flag = 'review';
    overlay.update([spot]);
    expect(overlay.card()).not.toBe(card);
    expect(overlay.card()!.textContent).toContain('Check');
  });
});

describe('overlay card for the field in focus', () => {
  it('opens the card when the focused field becomes flagged, and leaves the focus where it was', async () => {
    const { overlay, input, spot } = setup();
    const clean: Spot = { ...spot, judged: [], flag: null };
    overlay.update([clean]);
    input.focus();
    expect(overlay.card()).toBeNull();
    clean.judged = spot.judged; // the operator pasted a banned link: judged in place, no focus event follows
    clean.flag = 'banned';
    overlay.update([clean]);
    expect(overlay.card()).toBeNull(); // the outline first; the card on the next frame
    await vi.waitFor(() => expect(overlay.card()!.textContent).toContain('Banned'));
    expect(document.activeElement).toBe(input);
  });

  it('opens nothing when the flagged field is not the one in focus', async () => {
    const { overlay, input, spot } = setup();
    const other = document.createElement('input');
    document.body.append(other);
    other.focus();
    const clean: Spot = { ...spot, judged: [], flag: null };
    overlay.update([clean]);
    Object.assign(clean, { judged: spot.judged, flag: 'banned' });
    overlay.update([clean]);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(overlay.card()).toBeNull();
    expect(input.isConnected).toBe(true);
  });

  it('does not reopen a card for a field that was already flagged', async () => {
    const { overlay, input, spot } = setup();
    input.focus();
    overlay.update([spot]); // flagged at first sight while focused: shown
    await vi.waitFor(() => expect(overlay.card()).not.toBeNull());
    document.body.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    overlay.update([spot]);
    return vi.waitFor(() => expect(overlay.card()).toBeNull());
  });

  it('closes the card on Escape, keeping the focus and letting the page see the key', async () => {
    const { overlay, input, spot } = setup();
    input.focus();
    overlay.update([spot]);
    await vi.waitFor(() => expect(overlay.card()).not.toBeNull());
    const escapeKey = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, composed: true });
    input.dispatchEvent(escapeKey);
    expect(overlay.card()).toBeNull();
    expect(escapeKey.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(input);
  });

  it('finds the focused field inside an open shadow root', async () => {
    const { overlay, spot } = setup();
    const host = document.createElement('div');
    const inner = document.createElement('input');
    inner.getBoundingClientRect = spot.el.getBoundingClientRect;
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(host);
    const clean: Spot = { ...spot, el: inner, judged: [], flag: null };
    overlay.update([clean]);
    inner.focus();
    Object.assign(clean, { judged: spot.judged, flag: 'review' });
    overlay.update([clean]);
    await vi.waitFor(() => expect(overlay.card()).not.toBeNull());
    expect(host.shadowRoot!.activeElement).toBe(inner);
  });
});
