// Outlines over flagged places: fixed boxes in our shadow root that never catch the pointer, following scroll,
// resize and layout shifts on animation frames. Only places on screen are measured: an IntersectionObserver says
// which (a 2,000-row cart with hundreds of flagged rows costs the few rows in view); a flagged field is measured
// at once so its outline shows in the frame after the paste. Reads come before writes, so one layout serves all.
import { viewportBox, visible, type Box } from './geometry';
import type { Spot } from '../page/scan';
import { el, type UiHost } from './host';

export interface Outlines {
  /**
   * Draw what is flagged now; drop outlines of places that are fixed or gone. With `changed` (the spots re-judged
   * while the others stayed as they were, as a slice of a long cart does), only those are looked at.
   */
  update(spots: readonly Spot[], changed?: readonly Spot[]): void;
  /** Re-measure on the next frame. */
  schedule(): void;
  /** A short highlight on one place. */
  flash(spot: Spot): void;
}

interface Tracked {
  /** The element observed for this place (the page may re-render it). */
  el: HTMLElement;
  box: HTMLElement | null;
  /** Last written geometry, to skip writes that change nothing. */
  painted: string;
}

const FLASH_MS = 1500;
/** Start measuring a little before a row scrolls in. */
const MARGIN = '200px';

export function createOutlines(ui: UiHost, signal: AbortSignal, settleMs = 300): Outlines {
  const doc = ui.host.ownerDocument;
  const win = doc.defaultView!;
  const tracked = new Map<Spot, Tracked>();
  const onScreen = new Set<Element>();
  let frame: number | null = null;

  const observer = win.IntersectionObserver
    ? new win.IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (entry.isIntersecting) onScreen.add(entry.target);
            else onScreen.delete(entry.target);
          }
          schedule();
        },
        { rootMargin: MARGIN },
      )
    : null;

  function paint(t: Tracked, spot: Spot, b: Box | null) {
    if (!b || !visible(b, win.innerWidth, win.innerHeight)) {
      if (t.box && t.painted !== 'none') {
        t.box.style.display = 'none';
        t.painted = 'none';
      }
      return;
    }
    t.box ??= ui.layer.appendChild(el(doc, 'div', ''));
    const cls = `outline ${spot.flag}`;
    if (t.box.className !== cls) t.box.className = cls;
    const geometry = `${b.left - 2},${b.top - 2},${b.width + 4},${b.height + 4}`;
    if (geometry === t.painted) return;
    t.painted = geometry;
    t.box.style.display = '';
    t.box.style.transform = `translate(${b.left - 2}px, ${b.top - 2}px)`;
    t.box.style.width = `${b.width + 4}px`;
    t.box.style.height = `${b.height + 4}px`;
  }

  function positionAll() {
    frame = null;
    if (signal.aborted) return;
    const measured: [Tracked, Spot, Box | null][] = [];
    for (const [spot, t] of tracked) {
      const shows = spot.el.isConnected && (!observer || onScreen.has(spot.el));
      if (shows || t.box) measured.push([t, spot, shows ? viewportBox(spot.el, win) : null]);
    }
    for (const [t, spot, b] of measured) paint(t, spot, b);
  }

  function schedule() {
    if (frame === null && !signal.aborted) frame = win.requestAnimationFrame(positionAll);
  }

  function forget(spot: Spot, t: Tracked) {
    observer?.unobserve(t.el);
    onScreen.delete(t.el);
    t.box?.remove();
    tracked.delete(spot);
  }

  function update(spots: readonly Spot[], changed: readonly Spot[] = spots) {
    for (const spot of changed) {
      let t = tracked.get(spot);
      if (!spot.flag) {
        if (t) forget(spot, t); // fixed
        continue;
      }
      if (t && t.el !== spot.el) {
        forget(spot, t); // re-rendered: observe the new element
        t = undefined;
      }
      if (!t) {
        t = { el: spot.el, box: null, painted: '' };
        tracked.set(spot, t);
        observer?.observe(spot.el);
        // A field the operator is editing is on screen: draw it now rather than after the observer's first report.
        if (spot.kind === 'field') onScreen.add(spot.el);
      } else if (t.box && t.box.className !== `outline ${spot.flag}`) {
        t.painted = ''; // verdict changed: repaint
      }
    }
    if (changed === spots) {
      const present = new Set(spots);
      for (const [spot, t] of tracked) if (!present.has(spot)) forget(spot, t); // gone
    }
    schedule();
  }

  function flash(spot: Spot) {
    const box = ui.layer.appendChild(el(doc, 'div', `outline ${spot.flag ?? 'review'} flash`));
    const b = viewportBox(spot.el, win);
    box.style.transform = `translate(${b.left - 2}px, ${b.top - 2}px)`;
    box.style.width = `${b.width + 4}px`;
    box.style.height = `${b.height + 4}px`;
    win.setTimeout(() => box.remove(), FLASH_MS);
  }

  win.addEventListener('resize', schedule, { passive: true, signal });
  win.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  // Layout shifts fire no event; a cheap periodic check catches them while anything is outlined.
  const settle = win.setInterval(() => tracked.size && schedule(), settleMs);
  signal.addEventListener(
    'abort',
    () => {
      win.clearInterval(settle);
      if (frame !== null) win.cancelAnimationFrame(frame);
      observer?.disconnect();
      tracked.forEach((t) => t.box?.remove());
      tracked.clear();
    },
    { once: true },
  );

  return { update, schedule, flash };
}
