// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { JudgedLink } from '../core/types';
import { controlLabel, createGuard } from './guard';
import { decision, link } from './testing';
import { createUiHost } from './ui-host';

let control = new AbortController();
afterEach(() => control.abort());

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
  const ui = createUiHost(document, control.signal);
  const state = { banned };
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

  it('holds the click while a banned link is on the page, asks, and re-dispatches it on confirm', async () => {
    const { label, clicks, dialog } = setup([BANNED]);
    label.click();
    expect(clicks).toEqual([]);
    const text = dialog()!.textContent!;
    expect(text).toContain('banned on Kuaishou live-room cart');
    expect(text).toContain('since 2022-03-01');
    expect(text).toContain('确认添加 anyway?');
    dialog()!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await Promise.resolve();
    expect(clicks).toEqual(['确认添加']);
    expect(dialog()).toBeNull();
    // The allowance was for that one click: the next is asked again.
    label.click();
    expect(clicks).toEqual(['确认添加']);
    expect(dialog()).not.toBeNull();
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
    expect(document.querySelector('cartlint-ui')).toBeNull();
  });

  it('reads labels the way pages print them', () => {
    const button = document.createElement('button');
    button.textContent = ' 确认添加 (3) ';
    expect(controlLabel(button)).toBe('确认添加');
  });
});

describe('before-submit guard in Chinese', () => {
  it('names the place the way the platform does: 快手直播间购物车', () => {
    control = new AbortController();
    document.body.replaceChildren();
    const submit = document.createElement('button');
    submit.textContent = '确认添加';
    document.body.append(submit);
    const ui = createUiHost(document, control.signal);
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
