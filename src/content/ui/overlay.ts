// What the operator sees of a flagged place: its outline (outlines.ts) and, on hover or focus (or when the field in
// focus becomes flagged), the card, all in our shadow root; Escape closes the card. The page's own elements are only ever read.
import type { NoticeContext } from '../../core/notice';
import { holdsFocus } from './active';
import { buildCard, type AskNotice } from './card';
import { viewportBox } from './geometry';
import { createOutlines } from './outlines';
import type { Root } from '../page/roots';
import type { Spot } from '../page/scan';
import { guarded } from '../page/schedule';
import type { UiHost } from './host';

export interface Overlay {
  /** Draw what is flagged now; drop outlines of places that are fixed or gone. `changed`: as the scanner's. */
  update(spots: readonly Spot[], changed?: readonly Spot[]): void;
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
  askNotice: AskNotice;
  /** Milliseconds between position checks catching layout shifts that fire no event. */
  settleMs?: number;
}

const HIDE_DELAY_MS = 250;
const GAP = 6;

export function createOverlay(options: OverlayOptions): Overlay {
  const { ui, signal } = options;
  const doc = ui.host.ownerDocument;
  const win = doc.defaultView!;
  const outlines = createOutlines(ui, signal, options.settleMs);
  const spotOf = new WeakMap<Element, Spot>();
  /** Each place's flag at the last update: spots are updated in place, so the change is seen only here. */
  const lastFlag = new WeakMap<Spot, Spot['flag']>();
  /** The card on screen, and the verdicts it was built from. */
  let shown: { spot: Spot; card: HTMLElement; judged: Spot['judged'] } | null = null;
  let hideTimer: number | null = null;

  // Above the field first: dashboards put their confirm / add buttons below or beside a link field (the card opens
  // on paste, and must not sit over the button the operator reaches for next); then to its right; then below.
  function placeCard(card: HTMLElement, target: Element) {
    const b = viewportBox(target, win);
    const height = card.offsetHeight || 160;
    const width = card.offsetWidth || 320;
    const above = b.top - GAP - height;
    const right = b.left + b.width + GAP;
    let top: number;
    let left = b.left;
    if (above >= 4) top = above;
    else if (right + width <= win.innerWidth - 4) [top, left] = [b.top, right];
    else top = b.top + b.height + GAP;
    card.style.top = `${Math.max(4, Math.min(top, win.innerHeight - height - 4))}px`;
    card.style.left = `${Math.max(4, Math.min(left, win.innerWidth - width - 4))}px`;
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
    const card = buildCard(doc, spot, options.context(), options.askNotice);
    card.addEventListener('pointerenter', keep);
    card.addEventListener('pointerleave', hideSoon);
    card.addEventListener('focusin', keep);
    ui.shadow.append(card);
    shown = { spot, card, judged: spot.judged };
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
      root.addEventListener(
        'pointerover',
        (event) => {
          if (event.composedPath().includes(ui.host)) return keep(); // moving inside our card
          const spot = spotFrom(event);
          if (spot) show(spot);
          else if (shown) hideSoon();
        },
        opts,
      );
      root.addEventListener(
        'focusin',
        (event) => {
          const spot = spotFrom(event);
          if (spot) show(spot);
        },
        opts,
      );
      root.addEventListener(
        'focusout',
        (event) => {
          if (shown && spotFrom(event) === shown.spot) hideSoon();
        },
        opts,
      );
      // Escape puts the card away (it may cover the page's own buttons); the page still gets the key.
      root.addEventListener(
        'keydown',
        (event) => {
          if ((event as KeyboardEvent).key === 'Escape' && shown) hide();
        },
        opts,
      );
      // Scrolls in shadow roots and frames never reach the window; the top document's already reach the window
      // listeners below and in outlines.ts, and placing the card twice per scroll would force a second layout.
      if (root === doc) continue;
      root.addEventListener(
        'scroll',
        () => {
          outlines.schedule();
          if (shown) placeCard(shown.card, shown.spot.el);
        },
        opts,
      );
    }
  }

  function update(spots: readonly Spot[], changed: readonly Spot[] = spots) {
    let flaggedInFocus: Spot | null = null;
    for (const spot of changed) {
      spotOf.set(spot.el, spot);
      // Flagged while the operator is in it (a link just pasted): no focusin will come, so the card opens now.
      if (spot.flag && !lastFlag.get(spot) && spot.el.isConnected && holdsFocus(spot.el, doc)) flaggedInFocus = spot;
      lastFlag.set(spot, spot.flag);
    }
    outlines.update(spots, changed);
    if (shown && shown.judged !== shown.spot.judged) {
      // The card tells what is flagged now: rebuild it, or drop it when the place is fixed. Unchanged places keep
      // their card, so a long list judged in slices does not rebuild it under the operator's pointer.
      const { spot } = shown;
      hide();
      if (spot.flag && spot.el.isConnected) show(spot);
    } else if (shown && (!shown.spot.el.isConnected || !spots.includes(shown.spot))) {
      hide(); // the place is gone
    }
    if (flaggedInFocus) showNextFrame(flaggedInFocus);
  }

  /**
   * The card of a field flagged while the operator is in it (a paste): drawn on the next frame, after the outline.
   * Laying out a page's first card waits for its fonts (30 ms and more on a browser just started); the outline and
   * the field's mark must not wait with it. Only draws: the focus stays where the operator put it.
   */
  let pending = 0;
  function showNextFrame(spot: Spot) {
    win.cancelAnimationFrame(pending);
    pending = win.requestAnimationFrame(() =>
      guarded(signal, () => {
        if (spot.flag && spot.el.isConnected && holdsFocus(spot.el, doc)) show(spot);
      }),
    );
  }

  const follow = () => shown && placeCard(shown.card, shown.spot.el);
  win.addEventListener('resize', follow, { passive: true, signal });
  win.addEventListener('scroll', follow, { capture: true, passive: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      win.cancelAnimationFrame(pending);
      hide();
    },
    { once: true },
  );

  return { update, watch, flash: outlines.flash, card: () => shown?.card ?? null };
}
