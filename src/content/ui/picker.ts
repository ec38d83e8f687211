// The element picker (after uBlock Origin's): started from the popup, it lets the operator show cartlint a text
// field, an editor or a list (then one of its rows) on a page our adapters do not know, and saves that as a watch
// rule (src/dashboards/watch.ts). Hover highlights, click picks, Esc cancels. While it runs, the page's own clicks
// are held back (capture phase), so picking never presses the page's buttons. All of its UI is in its own shadow
// root; page text enters it only as textContent.
import { platformName, surfaceName } from '../../core/names';
import { PLATFORMS, SURFACES, type Lang, type Platform, type SurfaceOrUnknown } from '../../core/types';
import { t } from '../../i18n';
import { nextWatchId, type WatchRule } from '../../dashboards/watch';
import { FIELD_SELECTOR } from '../page/places';
import { listOf, rowOf, rowSelector, stableSelector } from '../page/selectors';
import { createUiHost, el } from './host';

export interface PickerOptions {
  doc: Document;
  lang: Lang;
  /** What the page is, when an adapter said so; the operator chooses otherwise. */
  platform: Platform | null;
  surface: SurfaceOrUnknown;
  /** Ids already used, for the new rule's id. */
  taken: readonly { id: string }[];
  /** Saves the rule (through the background); rejects with the reason shown to the operator. */
  save(rule: WatchRule): Promise<void>;
  signal: AbortSignal;
}

const STYLE = `
.picker-box { position: fixed; pointer-events: none; border: 2px solid #1f5fbf; background: rgba(31,95,191,.12);
  border-radius: 3px; display: none; }
.picker-panel { position: fixed; left: 50%; top: 12px; transform: translateX(-50%); max-width: 560px;
  pointer-events: auto; background: #fff; color: #1d2129; border: 1px solid #d5d8de; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.2); padding: 8px 12px; font: 13px/1.45 system-ui, sans-serif; }
.picker-panel p { margin: 2px 0; }
.picker-panel code { font: 12px ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
.picker-panel label { margin-right: 8px; }
.picker-panel button { margin: 4px 6px 0 0; font: inherit; padding: 2px 10px; }
.picker-error { color: #b3261e; }
`;

/** Our host or anything in it, its shadow root included (`contains` does not look inside a shadow root). */
const isOurs = (node: unknown, host: Element) =>
  node instanceof Node && (host.contains(node) || (node.getRootNode() as ShadowRoot).host === host);

export function startPicker(options: PickerOptions): { stop(): void } {
  const { doc, lang } = options;
  const win = doc.defaultView!;
  const control = new AbortController();
  options.signal.addEventListener('abort', () => control.abort(), { once: true, signal: control.signal });
  const { signal } = control;
  const ui = createUiHost(doc, signal);
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = el(doc, 'div', 'picker-box');
  const panel = el(doc, 'div', 'picker-panel');
  panel.setAttribute('role', 'dialog');
  ui.shadow.append(style, box, panel);

  let step: 'field-or-list' | 'row' | 'details' = 'field-or-list';
  let list: Element | null = null;

  const say = (...lines: (Node | string)[]) => panel.replaceChildren(...lines);
  const hint = (key: 'picker_hint_pick' | 'picker_hint_row', problem?: string) =>
    say(el(doc, 'p', '', t(lang, key)), ...(problem ? [el(doc, 'p', 'picker-error', problem)] : []));
  hint('picker_hint_pick');

  /** The element under the pointer, outside our UI (composedPath sees into the page's open shadow roots). */
  const targetOf = (event: Event): Element | null => {
    const first = event.composedPath()[0];
    if (!(first instanceof Element) || isOurs(first, ui.host)) return null;
    return first;
  };
  const candidate = (target: Element): Element | null => {
    if (step === 'row') return list ? rowOf(list, target) : null;
    return target.closest(FIELD_SELECTOR) ?? listOf(target);
  };

  const onMove = (event: MouseEvent) => {
    const target = step === 'details' ? null : targetOf(event);
    const shown = target && candidate(target);
    if (!shown) return void (box.style.display = 'none');
    const rect = shown.getBoundingClientRect();
    Object.assign(box.style, {
      display: 'block',
      left: `${rect.left}px`,
      top: `${rect.top}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
    });
  };

  /** Holds back the page's own reaction to a click while picking (capture phase, before its listeners). */
  const hold = (event: Event) => {
    if (step === 'details' || !targetOf(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const onClick = (event: MouseEvent) => {
    const target = targetOf(event);
    if (step === 'details' || !target) return;
    hold(event);
    const picked = candidate(target);
    if (!picked) return hint('picker_hint_row', t(lang, 'picker_no_stable'));
    if (step === 'field-or-list' && picked.matches(FIELD_SELECTOR)) {
      const selector = stableSelector(picked, doc);
      if (!selector) return hint('picker_hint_pick', t(lang, 'picker_no_stable'));
      return details({ fields: [selector], rows: [] });
    }
    if (step === 'field-or-list') {
      list = picked;
      step = 'row';
      return hint('picker_hint_row');
    }
    const selector = rowSelector(list!, picked, doc);
    if (!selector) return hint('picker_hint_row', t(lang, 'picker_no_stable'));
    details({ fields: [], rows: [selector] });
  };

  function select<T extends string>(
    id: string,
    label: string,
    choices: readonly T[],
    name: (c: T) => string,
    value: T,
  ) {
    const control = el(doc, 'select', '');
    control.id = id;
    for (const choice of choices) {
      const option = el(doc, 'option', '', name(choice));
      option.value = choice;
      control.append(option);
    }
    control.value = value;
    const wrap = el(doc, 'label', '', `${label} `, control);
    return { wrap, control };
  }

  function details(found: { fields: string[]; rows: string[] }) {
    step = 'details';
    box.style.display = 'none';
    const lines = [
      ...found.fields.map((selector) => t(lang, 'picker_field', selector)),
      ...found.rows.map((selector) => t(lang, 'picker_rows', selector, doc.querySelectorAll(selector).length)),
    ].map((line) => el(doc, 'p', '', el(doc, 'code', '', line)));
    const platform = select(
      'picker-platform',
      t(lang, 'picker_platform'),
      PLATFORMS,
      (p) => platformName(lang, p),
      options.platform ?? 'kuaishou',
    );
    const surface = select(
      'picker-surface',
      t(lang, 'picker_surface'),
      [...SURFACES, 'unknown'] as SurfaceOrUnknown[],
      (s) => surfaceName(lang, s),
      options.surface,
    );
    const save = el(doc, 'button', 'picker-save', t(lang, 'picker_save'));
    const cancel = el(doc, 'button', 'picker-cancel', t(lang, 'picker_cancel'));
    save.type = cancel.type = 'button';
    const status = el(doc, 'p', '');
    status.setAttribute('role', 'status');
    cancel.addEventListener('click', () => control.abort(), { signal });
    save.addEventListener(
      'click',
      () => {
        const rule: WatchRule = {
          id: nextWatchId(win.location.hostname, options.taken),
          host: win.location.hostname,
          path: win.location.pathname,
          platform: platform.control.value as Platform,
          surface: surface.control.value as SurfaceOrUnknown,
          ...found,
        };
        save.disabled = true;
        options.save(rule).then(
          () => {
            status.className = '';
            status.textContent = t(lang, 'picker_saved');
            win.setTimeout(() => control.abort(), 1500);
          },
          (error: unknown) => {
            save.disabled = false;
            status.className = 'picker-error';
            status.textContent = t(lang, 'picker_failed', error instanceof Error ? error.message : String(error));
          },
        );
      },
      { signal },
    );
    say(...lines, el(doc, 'p', '', platform.wrap, surface.wrap), el(doc, 'p', '', save, cancel), status);
    save.focus();
  }

  const capture = { capture: true, signal };
  doc.addEventListener('mousemove', onMove, capture);
  doc.addEventListener('click', onClick, capture);
  for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick'] as const) {
    doc.addEventListener(type, hold, capture);
  }
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      control.abort();
    },
    capture,
  );
  return { stop: () => control.abort() };
}
