// Before the page's own confirm / add / publish control runs while a banned link is on the page: hold that click,
// ask in our dialog, and on "go ahead" dispatch the click again so the page's handler runs as if we were not there.
// Forms are sent without such a click too: Enter in a text field, or a control whose label we do not know. So a
// form's submit event, and an Enter that would submit a form, are held and asked about the same way, and replayed
// on "go ahead". Nothing banned → no event is ever touched.
import { beijingDateTime } from '../core/beijing-time';
import { platformName, sourceName, surfaceName } from '../core/names';
import type { JudgedLink, Lang, Platform, SurfaceOrUnknown } from '../core/types';
import { t } from '../i18n';
import { confirmDialog } from './ui/dialog';
import type { Root } from './page/roots';
import type { UiHost } from './ui/host';
import { ellipsis } from '../core/ellipsis';

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
  const raw = el.localName === 'input' ? (el as HTMLInputElement).value : (el.textContent ?? '');
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
  const text = ellipsis(link.text, LINK_CHARS);
  const lines = [
    decision.since
      ? t(lang, 'guard_message', text, sourceName(lang, link.source), place, beijingDateTime(decision.since))
      : t(lang, 'guard_message_undated', text, sourceName(lang, link.source), place),
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

/** A keydown Enter as the page's own handlers would see it, legacy keyCode included (older pages test for 13). */
function enterAgain(like: KeyboardEvent): KeyboardEvent {
  const init = { key: 'Enter', code: like.code, bubbles: true, cancelable: true, composed: true };
  const again = new KeyboardEvent('keydown', init);
  for (const name of ['keyCode', 'which']) Object.defineProperty(again, name, { value: 13 });
  return again;
}

export function createGuard(options: GuardOptions): Guard {
  const { ui, signal } = options;
  const labels = new Set(options.submitLabels.map((label) => label.replace(/\s+/g, '')));
  const seen = new WeakSet<Event>();
  /** True while our own replay after "go ahead" runs (synchronously): what it dispatches passes once. */
  let passing = false;
  let asking = false;

  /** Events are judged once, though one crosses the document and each shadow root it passes through. */
  const fresh = (event: Event) => {
    if (seen.has(event) || passing) return false;
    seen.add(event);
    return true;
  };

  /** With a banned link on the page: hold the event, ask, and on "go ahead" replay it. Never held without a question
   *  on screen: when the page hides, covers or removes our dialog, the event goes ahead, after the browser's own
   *  alert (which no page can style or remove) has told the operator. */
  function hold(event: Event, action: () => string, replay: () => void) {
    const state = options.state();
    if (state.banned.length === 0) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (asking) return;
    asking = true;
    const text = question(state.banned, action(), state);
    void confirmDialog(ui, text, signal).then((answer) => {
      asking = false;
      if (answer === 'back' || signal.aborted) return;
      // The warning without its question: the submit goes on once it is read.
      if (answer === 'unseen')
        ui.host.ownerDocument.defaultView!.alert([text.title, ...text.lines.slice(0, -1)].join('\n\n'));
      passing = true;
      try {
        replay();
      } catch (error) {
        console.debug('cartlint: replay failed', error);
      } finally {
        passing = false;
      }
    });
  }

  const guarded = (handle: (event: Event) => void) => (event: Event) => {
    if (!fresh(event)) return;
    try {
      handle(event);
    } catch (error) {
      console.debug('cartlint: guard failed', error); // never break the host page
    }
  };

  const onClick = guarded((event) => {
    const path = event.composedPath();
    const control = submitControl(path, labels);
    if (!control) return;
    const target = path[0] as Element;
    hold(
      event,
      () => controlLabel(control),
      () => {
        if (target.isConnected)
          target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
      },
    );
  });

  /** A labelled submitter reads as its label ("确认添加"); anything else as "Submit". */
  const actionOf = (submitter: Element | null | undefined) => () => {
    const label = submitter && isSubmitButton(submitter) ? controlLabel(submitter) : '';
    return label && label.length <= MAX_LABEL ? label : t(options.state().lang, 'guard_action_submit');
  };

  const onSubmit = guarded((event) => {
    const form = event.target as Element;
    if (form.localName !== 'form') return;
    const submitter = (event as SubmitEvent).submitter;
    hold(event, actionOf(submitter), () => {
      if (!form.isConnected) return;
      const again = submitter?.isConnected && (submitter as HTMLButtonElement).form === form ? submitter : null;
      (form as HTMLFormElement).requestSubmit(again);
    });
  });

  const onKeydown = guarded((event) => {
    const key = event as KeyboardEvent;
    // An Enter that ends an IME composition picks characters (every Chinese operator types through one).
    if (key.isComposing || key.keyCode === 229) return;
    if (key.shiftKey || key.ctrlKey || key.altKey || key.metaKey) return;
    const target = event.composedPath()[0];
    const field = isSingleLine(target) ? target : null;
    const form = field?.form;
    const submits = form && implicitSubmit(form);
    if (!field || !form || !submits) return;
    hold(event, actionOf(submits.button), () => {
      if (!field.isConnected) return;
      // The page's own Enter handlers run first; unless one of them cancels, the browser's default follows.
      const again = enterAgain(key);
      field.dispatchEvent(again);
      if (again.defaultPrevented || !form.isConnected) return;
      if (submits.button) submits.button.click();
      else form.requestSubmit();
    });
  });

  return {
    watch(roots) {
      for (const root of roots) {
        root.addEventListener('click', onClick, { capture: true, signal });
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
