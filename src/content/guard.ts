// Before the page's own confirm / add / publish control runs while a banned link is on the page: hold that click,
// ask in our dialog, and on "go ahead" dispatch the click again so the page's handler runs as if we were not there.
// Nothing banned → the click is never touched.
import { beijingDateTime } from '../core/beijing-time';
import { platformName, sourceName, surfaceName } from '../core/names';
import type { JudgedLink, Lang, Platform, SurfaceOrUnknown } from '../core/types';
import { t } from '../ui/i18n';
import { confirmDialog } from './dialog';
import type { Root } from './roots';
import type { UiHost } from './ui-host';

export interface GuardOptions {
  submitLabels: readonly string[];
  ui: UiHost;
  signal: AbortSignal;
  /** Read at click time: the banned links on the page now, and where the page is. */
  state(): { banned: readonly JudgedLink[]; lang: Lang; platform: Platform; surface: SurfaceOrUnknown };
}

export interface Guard {
  watch(roots: readonly Root[]): void;
}

/** How far up from the clicked node a control's label is looked for (icon inside span inside button). */
const PATH_DEPTH = 6;
const MAX_LABEL = 20;
const LINK_CHARS = 60;

/** "确认添加 (3)" and " 发布 " read as their label. */
export function controlLabel(el: Element): string {
  const raw = el.localName === 'input' ? (el as HTMLInputElement).value : el.textContent ?? '';
  return raw.replace(/\s+/g, '').replace(/[(（]\d+[)）]$/, '');
}

function isControl(el: Element): boolean {
  return (
    el.localName === 'button' ||
    el.localName === 'a' ||
    el.getAttribute('role') === 'button' ||
    (el.localName === 'input' && /^(submit|button)$/i.test(el.getAttribute('type') ?? ''))
  );
}

/** The page's submit control this click is on, by its label; null for every other click. */
export function submitControl(path: readonly EventTarget[], labels: ReadonlySet<string>): Element | null {
  for (const node of path.slice(0, PATH_DEPTH)) {
    if ((node as Node).nodeType !== 1) continue;
    const el = node as Element;
    const text = controlLabel(el);
    if (text.length <= MAX_LABEL && labels.has(text)) return el;
    if (isControl(el)) return null; // a control with another label: not a submit we check
  }
  return null;
}

function question(banned: readonly JudgedLink[], action: string, s: ReturnType<GuardOptions['state']>) {
  const { lang } = s;
  const { link, decision } = banned[0]!;
  const place = t(lang, 'guard_place', platformName(lang, s.platform), surfaceName(lang, s.surface));
  const text = link.text.length > LINK_CHARS ? `${link.text.slice(0, LINK_CHARS - 1)}\u2026` : link.text;
  const lines = [
    decision.since
      ? t(lang, 'guard_message', text, sourceName(lang, link.source), place, beijingDateTime(decision.since))
      : t(lang, 'guard_message_undated', text, sourceName(lang, link.source), place),
  ];
  if (banned.length > 1) lines.push(t(lang, 'guard_more', banned.length - 1));
  lines.push(t(lang, 'guard_question', action));
  return { title: t(lang, 'guard_title'), lines, confirm: t(lang, 'guard_confirm', action), cancel: t(lang, 'guard_cancel') };
}

export function createGuard(options: GuardOptions): Guard {
  const { ui, signal } = options;
  const labels = new Set(options.submitLabels.map((label) => label.replace(/\s+/g, '')));
  const seen = new WeakSet<Event>();
  /** The click we dispatch ourselves after "go ahead": it passes once. */
  let allowed: Event | null = null;
  let asking = false;

  const onClick = (event: Event) => {
    // One click crosses the document and the shadow roots it passes through: judge it once.
    if (seen.has(event)) return;
    seen.add(event);
    if (event === allowed) {
      allowed = null;
      return;
    }
    try {
      const path = event.composedPath();
      const control = submitControl(path, labels);
      if (!control) return;
      const state = options.state();
      if (state.banned.length === 0) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (asking) return;
      asking = true;
      const target = path[0] as Element;
      void confirmDialog(ui, question(state.banned, controlLabel(control), state), signal).then((go) => {
        asking = false;
        if (!go || signal.aborted || !target.isConnected) return;
        const again = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
        allowed = again;
        target.dispatchEvent(again);
        allowed = null;
      });
    } catch (error) {
      console.debug('cartlint: guard failed', error); // never break the host page
    }
  };

  return {
    watch(roots) {
      for (const root of roots) root.addEventListener('click', onClick, { capture: true, signal });
    },
  };
}
