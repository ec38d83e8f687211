// Our own confirmation dialog, in the shadow root: the page's modals and styles stay untouched, and nothing of the
// page's text is parsed as markup. Escape and the backdrop cancel; the safe choice has the focus.
import { el, type UiHost } from './host';

export interface ConfirmText {
  title: string;
  lines: string[];
  confirm: string;
  cancel: string;
}

export function confirmDialog(ui: UiHost, text: ConfirmText, signal: AbortSignal): Promise<boolean> {
  const doc = ui.host.ownerDocument;
  return new Promise((resolve) => {
    const cancel = el(doc, 'button', '', text.cancel);
    const confirm = el(doc, 'button', 'primary', text.confirm);
    cancel.type = confirm.type = 'button';
    const title = el(doc, 'h2', '', text.title);
    title.id = 'cartlint-guard-title';
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
    const finish = (answer: boolean) => {
      backdrop.remove();
      dialog.remove();
      signal.removeEventListener('abort', onAbort);
      resolve(answer);
    };
    const onAbort = () => finish(false);
    cancel.addEventListener('click', () => finish(false));
    confirm.addEventListener('click', () => finish(true));
    backdrop.addEventListener('click', () => finish(false));
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') finish(false);
      event.stopPropagation(); // the page's shortcuts must not act behind the dialog
    });
    signal.addEventListener('abort', onAbort, { once: true });
    ui.shadow.append(backdrop, dialog);
    cancel.focus();
  });
}
