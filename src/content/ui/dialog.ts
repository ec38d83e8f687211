// Our own confirmation dialog, in the shadow root: the page's modals and styles stay untouched, and nothing of the
// page's text is parsed as markup. Escape and the backdrop cancel; the safe choice has the focus. A dialog the
// operator cannot see is no question: when the page hides, covers or removes it (at once or while it waits), it is
// taken down and the answer is 'unseen'.
import { el, type UiHost } from './host';

export interface ConfirmText {
  title: string;
  lines: string[];
  confirm: string;
  cancel: string;
}

export type Answer = 'go' | 'back' | 'unseen';

/** How often an open dialog checks that it is still on screen. */
const SEEN_EVERY_MS = 250;

export function confirmDialog(ui: UiHost, text: ConfirmText, signal: AbortSignal): Promise<Answer> {
  const doc = ui.host.ownerDocument;
  return new Promise((resolve) => {
    const cancel = el(doc, 'button', '', text.cancel);
    const confirm = el(doc, 'button', 'primary', text.confirm);
    cancel.type = confirm.type = 'button';
    const title = el(doc, 'h2', '', text.title);
    title.id = 't';
    const dialog = el(
      doc,
      'div',
      'dialog',
      title,
      ...text.lines.map((line) => el(doc, 'p', '', line)),
      el(doc, 'div', 'actions', cancel, confirm),
    );
    dialog.setAttribute('role', 'alertdialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', title.id);
    const backdrop = el(doc, 'div', 'backdrop');
    const seen = () => ui.shows(dialog) || finish('unseen');
    const watch = doc.defaultView!.setInterval(seen, SEEN_EVERY_MS);
    const finish = (answer: Answer) => {
      clearInterval(watch);
      backdrop.remove();
      dialog.remove();
      signal.removeEventListener('abort', onAbort);
      resolve(answer);
    };
    const onAbort = () => finish('back');
    cancel.addEventListener('click', () => finish('back'));
    confirm.addEventListener('click', () => finish('go'));
    backdrop.addEventListener('click', () => finish('back'));
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') finish('back');
      event.stopPropagation(); // the page's shortcuts must not act behind the dialog
    });
    ui.raise();
    ui.shadow.append(backdrop, dialog);
    signal.addEventListener('abort', onAbort, { once: true });
    cancel.focus();
    seen();
  });
}
