// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JudgedLink } from '../core/types';
import { controlLabel, createGuard } from './guard';
import { decision, link } from '../../test/support/dom';
import { createUiHost } from './ui/host';

let control = new AbortController();
afterEach(() => control.abort());

/** Our UI host; happy-dom lays nothing out, so the dialog counts as on screen unless a test says the page hides it. */
const uiHost = (visible = () => true) => ({ ...createUiHost(document, control.signal), shows: visible });

const BANNED: JudgedLink = {
  link: link('https://s.click.taobao.com/rioMXxu', 'taobao'),
  decision: decision('banned', '2022-03-01T00:00:00+08:00'),
};

function setup(banned: JudgedLink[]) {
  control = new AbortController();
  document.body.replaceChildren();
  const app = document.createElement('div');
  const submit = document.createElement('button');
  const label = document.createElement('span');
  label.textContent = '确认添加';
  submit.append(label);
  const other = document.createElement('button');
  other.textContent = '取消';
  app.append(submit, other);
  document.body.append(app);
  const clicks: string[] = [];
  // The page's own handler, delegated to its root like React's.
  app.addEventListener('click', (event) => clicks.push((event.target as Element).closest('button')!.textContent!));
  const ui = uiHost(() => state.visible);
  const state = { banned, visible: true };
  createGuard({
    submitLabels: ['确认添加', '添加'],
    ui,
    signal: control.signal,
    state: () => ({ banned: state.banned, lang: 'en', platform: 'kuaishou', surface: 'live-cart' }),
  }).watch([document]);
  const dialog = () => ui.shadow.querySelector<HTMLElement>('.dialog');
  return { submit, label, other, clicks, dialog, state };
}

describe('before-submit guard', () => {
  it('never touches the click when nothing is banned', () => {
    const { label, clicks, dialog } = setup([]);
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    label.dispatchEvent(event);
    expect(clicks).toEqual(['确认添加']);
    expect(event.defaultPrevented).toBe(false);
    expect(dialog()).toBeNull();
  });

  // Red team L5: 0.1.0 replayed an untrusted click on "go ahead", which `isTrusted` handlers ignore.
  it('holds the click, asks, and on "go ahead" lets the next real click through instead of replaying one', async () => {
    const { label, clicks, dialog } = setup([BANNED]);
    label.click();
    expect(clicks).toEqual([]);
    const text = dialog()!.textContent!;
    expect(text).toContain('banned on Kuaishou live-room cart');
    expect(text).toContain('since 2022-03-01');
    expect(text).toContain('确认添加 anyway? Then press it again.');
    dialog()!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await Promise.resolve();
    expect(clicks).toEqual([]); // nothing dispatched by us
    expect(dialog()).toBeNull();
    label.click(); // the operator's own press, as trusted as the page wants it
    expect(clicks).toEqual(['确认添加']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The pass was for that one gesture: the next is asked again.
    label.click();
    expect(clicks).toEqual(['确认添加']);
    expect(dialog()).not.toBeNull();
  });

  // Red team M2: a control acting on mousedown ran before the click was held; an icon 7 levels deep was missed.
  it('holds a press on a submit control too, and finds the control however deep the icon pressed', () => {
    const { submit, clicks, dialog } = setup([BANNED]);
    let icon: Element = submit;
    for (let i = 0; i < 9; i++) icon = icon.appendChild(document.createElement('span'));
    const presses: string[] = [];
    submit.addEventListener('mousedown', () => presses.push('mousedown'));
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true });
    icon.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    expect(presses).toEqual([]);
    expect(dialog()).not.toBeNull();
    icon.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    expect(clicks).toEqual([]); // the same gesture's click waits with it
  });

  // Red team M8: 0.1.0 cancelled the click while its dialog was hidden or detached: the submit silently did nothing.
  it('never waits on a question nobody sees: the browser’s alert warns and the next press goes through', async () => {
    const alerts: string[] = [];
    vi.stubGlobal('alert', (text: unknown) => void alerts.push(String(text))); // happy-dom has none
    const { label, clicks, dialog, state } = setup([BANNED]);
    state.visible = false; // the page hides or covers our dialog
    label.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(dialog()).toBeNull();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('banned on Kuaishou live-room cart');
    expect(alerts[0]).toContain(BANNED.link.text);
    expect(alerts[0]).toContain('press it again');
    label.click();
    expect(clicks).toEqual(['确认添加']);
    vi.unstubAllGlobals();
  });

  it('stops waiting when the page takes the dialog away while it is open', async () => {
    vi.stubGlobal('alert', () => undefined);
    const { label, clicks, dialog, state } = setup([BANNED]);
    label.click();
    expect(dialog()).not.toBeNull();
    state.visible = false;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dialog()).toBeNull();
    label.click();
    expect(clicks).toEqual(['确认添加']);
    vi.unstubAllGlobals();
  });

  it('lets the page handler not run when the operator goes back', async () => {
    const { submit, clicks, dialog } = setup([BANNED]);
    submit.click();
    dialog()!.querySelector<HTMLButtonElement>('button:not(.primary)')!.click();
    await Promise.resolve();
    expect(clicks).toEqual([]);
    expect(dialog()).toBeNull();
  });

  it('leaves other controls alone even with a banned link', () => {
    const { other, clicks, dialog } = setup([BANNED]);
    other.click();
    expect(clicks).toEqual(['取消']);
    expect(dialog()).toBeNull();
  });

  it('stops listening when the page life ends', () => {
    const { submit, clicks } = setup([BANNED]);
    control.abort();
    submit.click();
    expect(clicks).toEqual(['确认添加']);
    expect(document.querySelector('[data-cartlint-ui]')).toBeNull();
  });

  it('reads labels the way pages print them: counts, brackets, spaces, a leading plus', () => {
    const button = document.createElement('button');
    for (const label of [
      ' 确认添加 (3) ',
      '确认添加（1件）',
      '确认添加【新】',
      '确认 添加 2件',
      '+ 确认添加',
      '确认添加[12]',
    ]) {
      button.textContent = label;
      expect(controlLabel(button), label).toBe('确认添加');
    }
  });
});

describe('before-submit guard in Chinese', () => {
  it('names the place the way the platform does: 快手直播间购物车', () => {
    control = new AbortController();
    document.body.replaceChildren();
    const submit = document.createElement('button');
    submit.textContent = '确认添加';
    document.body.append(submit);
    const ui = uiHost();
    createGuard({
      submitLabels: ['确认添加'],
      ui,
      signal: control.signal,
      state: () => ({ banned: [BANNED], lang: 'zh', platform: 'kuaishou', surface: 'live-cart' }),
    }).watch([document]);
    submit.click();
    const text = ui.shadow.querySelector('.dialog')!.textContent!;
    expect(text).toContain('自 2022-03-01 起在快手直播间购物车');
    expect(text).toContain('仍要“确认添加”吗？');
  });
});

describe('before-submit guard on forms: submit events and Enter', () => {
  /** A page form: a field, an optional second field, a submit button, and the page's own handlers logging. */
  function formPage(banned: JudgedLink[], { button = '确认添加' as string | null, fields = 1, shadow = false } = {}) {
    control = new AbortController();
    document.body.replaceChildren();
    let root: Document | ShadowRoot = document;
    if (shadow) {
      const host = document.createElement('div');
      document.body.append(host);
      root = host.attachShadow({ mode: 'open' });
    }
    const form = document.createElement('form');
    const inputs = Array.from({ length: fields }, () => document.createElement('input'));
    form.append(...inputs);
    const submit = button === null ? null : document.createElement('button');
    if (submit) {
      submit.textContent = button;
      form.append(submit);
    }
    const log: string[] = [];
    form.addEventListener('keydown', (event) => log.push(`keydown ${(event as KeyboardEvent).keyCode}`));
    submit?.addEventListener('click', () => log.push('click'));
    form.addEventListener('submit', (event) => {
      event.preventDefault(); // a single-page app sends it itself
      log.push(`submit ${(event.submitter as Element | null)?.localName ?? 'none'}`);
    });
    if (root === document) document.body.append(form);
    else root.append(form);
    const ui = uiHost();
    const state = { banned, reads: 0 };
    createGuard({
      submitLabels: ['确认添加'],
      ui,
      signal: control.signal,
      state: () => (state.reads++, { banned: state.banned, lang: 'en', platform: 'kuaishou', surface: 'live-cart' }),
    }).watch([root]);
    const dialog = () => ui.shadow.querySelector<HTMLElement>('.dialog');
    const answer = async (go: boolean) => {
      dialog()!
        .querySelector<HTMLButtonElement>(go ? 'button.primary' : 'button:not(.primary)')!
        .click();
      await Promise.resolve();
    };
    const enter = (init: KeyboardEventInit = {}, target: Element = inputs[0]!) => {
      const event = new KeyboardEvent('keydown', {
        key: 'Enter',
        bubbles: true,
        cancelable: true,
        composed: true,
        ...init,
      });
      target.dispatchEvent(event);
      return event;
    };
    return { form, inputs, submit, log, dialog, answer, enter, state };
  }

  it('never touches a submit or an Enter when nothing is banned', () => {
    const { form, log, dialog, enter } = formPage([], { button: '保存' });
    expect(enter().defaultPrevented).toBe(false);
    form.requestSubmit();
    expect(log).toEqual(['keydown 0', expect.stringMatching(/^submit/)]);
    expect(dialog()).toBeNull();
  });

  it('holds a form submitted by a control it does not know, asks, and lets the next submit of that form through', async () => {
    const { submit, log, dialog, answer } = formPage([BANNED], { button: '保存' });
    submit!.click();
    expect(log).toEqual(['click']); // the page's click ran; its submit waits
    expect(dialog()!.textContent).toContain('保存 anyway?');
    await answer(true);
    expect(log).toEqual(['click']);
    expect(dialog()).toBeNull();
    submit!.click();
    expect(log).toEqual(['click', 'click', 'submit button']);
  });

  it('drops the submit when the operator goes back', async () => {
    const { submit, log, answer } = formPage([BANNED], { button: '保存' });
    submit!.click();
    await answer(false);
    expect(log).toEqual(['click']);
  });

  it('asks once for a known control in a form: the next click and its submit both go through', async () => {
    const { submit, log, dialog, answer } = formPage([BANNED]);
    submit!.click();
    expect(log).toEqual([]);
    await answer(true);
    submit!.click();
    expect(log).toEqual(['click', 'submit button']);
    expect(dialog()).toBeNull();
  });

  it('holds Enter in a field of a form with a submit button; after "go ahead" the next Enter reaches the page', async () => {
    const { log, dialog, answer, enter } = formPage([BANNED]);
    const event = enter({ keyCode: 13 } as KeyboardEventInit);
    expect(event.defaultPrevented).toBe(true);
    expect(log).toEqual([]); // the page's own Enter handler has not seen it
    expect(dialog()!.textContent).toContain('确认添加 anyway?');
    await answer(true);
    expect(enter({ keyCode: 13 } as KeyboardEventInit).defaultPrevented).toBe(false);
    expect(log).toEqual(['keydown 13']);
  });

  it('names the action "Submit" for a form without a button, and lets its next submit through', async () => {
    const { form, log, dialog, answer, enter, state } = formPage([BANNED], { button: null });
    enter();
    expect(dialog()!.textContent).toContain('Submit anyway?');
    expect(state.reads).toBe(1); // the page's links are gathered once per held gesture, not again for its wording
    await answer(true);
    form.requestSubmit();
    expect(log).toEqual([expect.stringMatching(/^submit/)]);
  });

  it('leaves alone Enter that would submit nothing, ends an IME composition, comes with a modifier, or is in a textarea', () => {
    const { log, dialog, enter, form } = formPage([BANNED], { button: null, fields: 2 });
    expect(enter().defaultPrevented).toBe(false); // two fields, no button: Enter submits nothing
    const again = formPage([BANNED]);
    expect(again.enter({ isComposing: true }).defaultPrevented).toBe(false);
    expect(again.enter({ shiftKey: true }).defaultPrevented).toBe(false);
    const area = document.createElement('textarea');
    again.form.prepend(area);
    expect(again.enter({}, area).defaultPrevented).toBe(false);
    expect(again.log).toEqual(['keydown 0', 'keydown 0', 'keydown 0']);
    expect(again.dialog()).toBeNull();
    expect(log).toEqual(['keydown 0']);
    expect(dialog()).toBeNull();
    expect(form.isConnected).toBe(false);
  });

  it('leaves Enter alone when the form’s default button is disabled', () => {
    const { submit, enter, dialog } = formPage([BANNED]);
    submit!.disabled = true;
    expect(enter().defaultPrevented).toBe(false);
    expect(dialog()).toBeNull();
  });

  it('holds a submit inside an open shadow root it watches', async () => {
    const { form, log, dialog, answer } = formPage([BANNED], { button: null, shadow: true });
    expect(form.getRootNode()).not.toBe(document);
    form.requestSubmit();
    expect(log).toEqual([]);
    expect(dialog()).not.toBeNull();
    await answer(true);
    form.requestSubmit();
    expect(log).toEqual([expect.stringMatching(/^submit/)]);
  });
});
