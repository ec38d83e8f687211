// Before the page's own confirm / add / publish control acts while a banned link is in the form: hold that gesture,
// ask in our dialog, and on "go ahead" let the operator's next real gesture on that control or form through
// unasked. Nothing is replayed: a replayed event is untrusted, and pages that check `isTrusted` ignore it, so the
// confirmation would do nothing (red team L5). The gestures held: a press (mousedown, for controls that act on it)
// or click on a control with a submit label, a form's submit event (Enter, a control whose label we do not know),
// and an Enter that would submit a form. The verdicts are the form's values at that moment, judged again then,
// whatever set them (a script, a paste in the same task). Nothing banned → no event is ever touched.
import { beijingDateTime } from '../core/beijing-time';
import { platformName, sourceName, surfaceName } from '../core/names';
import type { JudgedLink, Lang, Platform, SurfaceOrUnknown } from '../core/types';
import { t } from '../i18n';
import { confirmDialog } from './ui/dialog';
import type { Root } from './page/roots';
import type { UiHost } from './ui/host';
import { ellipsis } from '../core/ellipsis';
import { logged } from './logged';

export interface GuardOptions {
  submitLabels: readonly string[];
  ui: UiHost;
  signal: AbortSignal;
  /** Read at the gesture: the banned links on the page now (judged again), and where the page is. */
  state(): { banned: readonly JudgedLink[]; lang: Lang; platform: Platform; surface: SurfaceOrUnknown };
}

export interface Guard {
  watch(roots: readonly Root[]): void;
}

const MAX_LABEL = 20;
/** How long "go ahead" lets the next gesture on that control or form through. */
const PASS_MS = 60_000;
const LINK_CHARS = 60;

/** "确认添加 (3)", "确认添加（1件）", "【发布】", "+ 添加 3 件" and " 发布 " read as their label: spaces, bracketed parts,
 *  a leading plus and a trailing count are not part of it. */
export function controlLabel(el: Element): string {
  const raw = el.localName === 'input' ? (el as HTMLInputElement).value : (el.textContent ?? '');
  return raw
    .replace(/\s+/g, '')
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/^[+＋]|\d+[件个条项]?$/g, '');
}

function isControl(el: Element): boolean {
  return (
    el.localName === 'button' ||
    el.localName === 'a' ||
    el.getAttribute('role') === 'button' ||
    (el.localName === 'input' && /^(submit|button)$/i.test(el.getAttribute('type') ?? ''))
  );
}

/** The page's submit control this click is on, by its label, however deep the icon clicked; null for other clicks. */
export function submitControl(path: readonly EventTarget[], labels: ReadonlySet<string>): Element | null {
  for (const node of path) {
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
  const text = ellipsis(link.text, LINK_CHARS);
  // A banned verdict always comes from a rule or exception, and each has the day it took effect.
  const lines = [
    t(lang, 'guard_message', text, sourceName(lang, link.source), place, beijingDateTime(decision.since!)),
  ];
  if (banned.length > 1) lines.push(t(lang, 'guard_more', banned.length - 1));
  lines.push(t(lang, 'guard_question', action));
  return {
    title: t(lang, 'guard_title'),
    lines,
    confirm: t(lang, 'guard_confirm', action),
    cancel: t(lang, 'guard_cancel'),
  };
}

/** Input types that submit their form on Enter ("implicit submission"), and that count as its blocking fields. */
const SINGLE_LINE = /^(|text|search|url|tel|email|password|number|date|month|week|time|datetime-local)$/;

function isSingleLine(node: EventTarget | undefined): node is HTMLInputElement {
  const el = node as Element | undefined;
  return el?.localName === 'input' && SINGLE_LINE.test((el.getAttribute('type') ?? '').toLowerCase());
}

function isSubmitButton(el: Element): el is HTMLButtonElement | HTMLInputElement {
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  return el.localName === 'button'
    ? type === '' || type === 'submit'
    : el.localName === 'input' && /^(submit|image)$/.test(type);
}

/** What Enter in a field of `form` does, per HTML's implicit submission: click the default button (none when it is
 *  disabled), or with no submit button, submit when the field is the form's only single-line one; else nothing. */
export function implicitSubmit(form: HTMLFormElement): { button: HTMLButtonElement | HTMLInputElement | null } | null {
  const controls = Array.from(form.elements);
  const button = controls.find(isSubmitButton);
  if (button) return button.disabled ? null : { button };
  return controls.filter(isSingleLine).length === 1 ? { button: null } : null;
}

export function createGuard(options: GuardOptions): Guard {
  const { ui, signal } = options;
  const labels = new Set(options.submitLabels.map((label) => label.replace(/\s+/g, '')));
  const seen = new WeakSet<Event>();
  let asking = false;
  /** After "go ahead": the control or form whose next gesture goes through, and until when. */
  let pass: { on: Node; until: number } | null = null;

  /** Events are judged once, though one crosses the document and each shadow root it passes through. */
  const fresh = (event: Event) => {
    if (seen.has(event)) return false;
    seen.add(event);
    return true;
  };

  /** With a banned link in the form now: hold the gesture and ask; "go ahead" lets the next one on `on` through. The
   *  first click, submit or Enter that goes through ends the pass (a press does not: its click follows). Never held
   *  without a question on screen: when the page hides, covers or removes our dialog, the browser's own alert (which
   *  no page can style or remove) warns instead, and the next gesture goes through. */
  function hold(event: Event, on: Node, action: (lang: Lang) => string) {
    if (pass && pass.until > Date.now() && pass.on.contains(on)) {
      if (event.type !== 'mousedown') setTimeout(() => (pass = null)); // after this gesture's own submit event
      return;
    }
    const state = options.state();
    if (state.banned.length === 0) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (asking) return;
    asking = true;
    const text = question(state.banned, action(state.lang), state);
    void confirmDialog(ui, text, signal).then((answer) => {
      asking = false;
      if (answer === 'back' || signal.aborted) return;
      pass = { on, until: Date.now() + PASS_MS };
      if (answer === 'unseen') alert([text.title, ...text.lines].join('\n\n'));
    });
  }

  const guarded = (handle: (event: Event) => void) => (event: Event) => {
    if (!fresh(event)) return;
    try {
      handle(event);
    } catch (error) {
      logged('guard')(error);
    }
  };

  /** A press or click on a submit control: the pass is for its form when it has one (its submit event follows). */
  const onPress = guarded((event) => {
    const control = submitControl(event.composedPath(), labels);
    if (control) hold(event, (control as HTMLButtonElement).form ?? control, () => controlLabel(control));
  });

  /** A labelled submitter reads as its label ("确认添加"); anything else as "Submit". */
  const actionOf = (submitter: Element | null | undefined) => (lang: Lang) => {
    const label = submitter && isSubmitButton(submitter) ? controlLabel(submitter) : '';
    return label && label.length <= MAX_LABEL ? label : t(lang, 'guard_action_submit');
  };

  const onSubmit = guarded((event) => {
    const form = event.target as Element;
    if (form.localName === 'form') hold(event, form, actionOf((event as SubmitEvent).submitter));
  });

  const onKeydown = guarded((event) => {
    const key = event as KeyboardEvent;
    // An Enter that ends an IME composition picks characters (every Chinese operator types through one).
    if (key.isComposing || key.keyCode === 229) return;
    if (key.shiftKey || key.ctrlKey || key.altKey || key.metaKey) return;
    const target = event.composedPath()[0];
    const form = isSingleLine(target) ? target.form : null;
    const submits = form && implicitSubmit(form);
    if (form && submits) hold(event, form, actionOf(submits.button));
  });

  return {
    watch(roots) {
      for (const root of roots) {
        root.addEventListener('mousedown', onPress, { capture: true, signal });
        root.addEventListener('click', onPress, { capture: true, signal });
        root.addEventListener('submit', onSubmit, { capture: true, signal });
        // Every keystroke passes here: only Enter goes any further.
        root.addEventListener('keydown', (event) => (event as KeyboardEvent).key === 'Enter' && onKeydown(event), {
          capture: true,
          signal,
        });
      }
    },
  };
}
