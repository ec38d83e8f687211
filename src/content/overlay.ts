// Outlines over flagged places and the hover/focus card, all drawn in our shadow root. Outlines are absolutely
// (fixed) positioned boxes that never catch the pointer; they follow scroll, resize and layout shifts on animation
// frames. The page's own elements are only ever read.
import type { NoticeContext } from '../core/notice';
import { buildCard } from './card';
import { viewportBox, visible } from './geometry';
import type { Root } from './roots';
import type { Spot } from './scan';
import { el, type UiHost } from './ui-host';

export interface Overlay {
  /** Draw what is flagged now; drop outlines of places that are fixed or gone. */
  update(spots: readonly Spot[]): void;
  /** Listen for hover and focus in these roots too. */
  watch(roots: readonly Root[]): void;
  /** A short highlight on one place (popup's "show me"). */
  flash(spot: Spot): void;
  /** The card shown now, if any (tests, reveal). */
  card(): HTMLElement | null;
}

export interface OverlayOptions {
  ui: UiHost;
  signal: AbortSignal;
  context(): NoticeContext;
  /** Milliseconds between position checks catching layout shifts that fire no event. */
  settleMs?: number;
}

const HIDE_DELAY_MS = 250;
const FLASH_MS = 1500;
const GAP = 6;

export function createOverlay(options: OverlayOptions): Overlay {
  const { ui, signal } = options;
  const doc = ui.host.ownerDocument;
  const win = doc.defaultView!;
  const outlines = new Map<Spot, HTMLElement>();
  const spotOf = new WeakMap<Element, Spot>();
  let shown: { spot: Spot; card: HTMLElement } | null = null;
  let hideTimer: number | null = null;
  let frame: number | null = null;

  function place(box: HTMLElement, target: Element) {
    const b = viewportBox(target, win);
    if (!visible(b, win.innerWidth, win.innerHeight)) {
      box.style.display = 'none';
      return;
    }
    box.style.display = '';
    box.style.left = `${b.left - 2}px`;
    box.style.top = `${b.top - 2}px`;
    box.style.width = `${b.width + 4}px`;
    box.style.height = `${b.height + 4}px`;
  }

  function placeCard(card: HTMLElement, target: Element) {
    const b = viewportBox(target, win);
    const height = card.offsetHeight || 160;
    const width = card.offsetWidth || 320;
    const below = b.top + b.height + GAP;
    const top = below + height <= win.innerHeight || b.top - GAP - height < 0 ? below : b.top - GAP - height;
    card.style.top = `${Math.max(4, Math.min(top, win.innerHeight - height - 4))}px`;
    card.style.left = `${Math.max(4, Math.min(b.left, win.innerWidth - width - 4))}px`;
  }

  function positionAll() {
    frame = null;
    if (signal.aborted) return;
    for (const [spot, box] of outlines) place(box, spot.el);
    if (shown) placeCard(shown.card, shown.spot.el);
  }

  function schedule() {
    if (frame === null && !signal.aborted) frame = win.requestAnimationFrame(positionAll);
  }

  function hide() {
    if (hideTimer !== null) win.clearTimeout(hideTimer);
    hideTimer = null;
    shown?.card.remove();
    shown = null;
  }

  function hideSoon() {
    if (hideTimer === null) hideTimer = win.setTimeout(hide, HIDE_DELAY_MS);
  }

  function keep() {
    if (hideTimer !== null) win.clearTimeout(hideTimer);
    hideTimer = null;
  }

  function show(spot: Spot) {
    keep();
    if (shown?.spot === spot) return;
    hide();
    if (!spot.flag) return;
    const card = buildCard(doc, spot, options.context());
    card.addEventListener('pointerenter', keep);
    card.addEventListener('pointerleave', hideSoon);
    card.addEventListener('focusin', keep);
    ui.shadow.append(card);
    shown = { spot, card };
    placeCard(card, spot.el);
  }

  /** The flagged place an event happened in (the event's path crosses shadow roots; iframe nodes count too). */
  function spotFrom(event: Event): Spot | null {
    for (const node of event.composedPath()) {
      const spot = (node as Node).nodeType === 1 ? spotOf.get(node as Element) : undefined;
      if (spot) return spot.flag ? spot : null;
    }
    return null;
  }

  function watch(roots: readonly Root[]) {
    for (const root of roots) {
      const opts = { capture: true, passive: true, signal } as const;
      root.addEventListener('pointerover', (event) => {
        if (event.composedPath().includes(ui.host)) return keep(); // moving inside our card
        const spot = spotFrom(event);
        if (spot) show(spot);
        else if (shown) hideSoon();
      }, opts);
      root.addEventListener('focusin', (event) => {
        const spot = spotFrom(event);
        if (spot) show(spot);
      }, opts);
      root.addEventListener('focusout', (event) => {
        if (shown && spotFrom(event) === shown.spot) hideSoon();
      }, opts);
      root.addEventListener('scroll', schedule, opts);
    }
  }

  function update(spots: readonly Spot[]) {
    const flagged = new Set<Spot>();
    for (const spot of spots) {
      spotOf.set(spot.el, spot);
      if (!spot.flag) continue;
      flagged.add(spot);
      let box = outlines.get(spot);
      if (!box) {
        box = el(doc, 'div', '');
        ui.layer.append(box);
        outlines.set(spot, box);
      }
      box.className = `outline ${spot.flag}`;
    }
    for (const [spot, box] of outlines) {
      if (flagged.has(spot)) continue;
      box.remove();
      outlines.delete(spot);
    }
    if (shown) {
      const { spot } = shown;
      // The card tells what is flagged now: rebuild it, or drop it when the place is fixed.
      hide();
      if (flagged.has(spot) && spot.el.isConnected) show(spot);
    }
    schedule();
  }

  function flash(spot: Spot) {
    const box = el(doc, 'div', `outline ${spot.flag ?? 'review'} flash`);
    ui.layer.append(box);
    place(box, spot.el);
    win.setTimeout(() => box.remove(), FLASH_MS);
  }

  win.addEventListener('resize', schedule, { passive: true, signal });
  win.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  const settle = win.setInterval(() => outlines.size && schedule(), options.settleMs ?? 300);
  signal.addEventListener('abort', () => {
    win.clearInterval(settle);
    if (frame !== null) win.cancelAnimationFrame(frame);
    hide();
    outlines.forEach((box) => box.remove());
    outlines.clear();
  }, { once: true });

  return { update, watch, flash, card: () => shown?.card ?? null };
}
