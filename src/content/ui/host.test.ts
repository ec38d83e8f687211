// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { collectRoots, isOurs } from '../page/roots';
import { createUiHost } from './host';

let control = new AbortController();
afterEach(() => {
  control.abort();
  control = new AbortController();
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const ours = () => [...document.documentElement.children].filter((el) => el.hasAttribute('data-cartlint-ui'));

// Red team H5/M8: 0.1.0 created <cartlint-ui> by a fixed name with an inline style a page rule could beat.
describe('our UI host on a hostile page', () => {
  it('starts where the page defined a custom element of the old name: the name is drawn anew each time', () => {
    customElements.define(
      'cartlint-ui',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'closed' });
        }
      },
    );
    const a = createUiHost(document, control.signal);
    const b = createUiHost(document, control.signal);
    expect(a.host.localName).toMatch(/^cartlint-[0-9a-f]{8}$/);
    expect(a.host.localName).not.toBe(b.host.localName);
    expect(a.shadow.querySelector('.layer')).not.toBeNull();
  });

  it('holds every property that could hide it inline with !important (all: initial, then its place)', () => {
    const { host } = createUiHost(document, control.signal);
    const style = host.getAttribute('style')!;
    expect(style).toMatch(/^all:initial!important;/);
    for (const part of ['position:fixed!important', 'z-index:2147483647!important']) expect(style).toContain(part);
  });

  it('comes back when the page removes it or restyles it', async () => {
    const { host } = createUiHost(document, control.signal);
    host.remove();
    await settle();
    expect(host.isConnected).toBe(true);
    host.style.setProperty('display', 'none');
    await settle();
    expect(host.getAttribute('style')).toMatch(/^all:initial!important;/);
  });

  it('stops putting itself back against a page that removes it every time, instead of spinning with it', async () => {
    const { host } = createUiHost(document, control.signal);
    let removals = 0;
    const page = new MutationObserver(() => {
      if (host.isConnected) {
        removals++;
        host.remove();
      }
    });
    page.observe(document.documentElement, { childList: true });
    host.remove();
    for (let i = 0; i < 120; i++) await settle();
    page.disconnect();
    expect(removals).toBeLessThanOrEqual(50);
    expect(host.isConnected).toBe(false);
  });

  it('is skipped by identity: a page element of any name, and the fields in its shadow root, are the page’s', () => {
    const { host } = createUiHost(document, control.signal);
    const theirs = document.createElement(host.localName); // even our very name, once the page has read it
    document.body.append(theirs);
    const field = document.createElement('input');
    const shadow = theirs.attachShadow({ mode: 'open' });
    shadow.append(field);
    expect(isOurs(host)).toBe(true);
    expect(isOurs(theirs)).toBe(false);
    expect(isOurs(field)).toBe(false);
    expect(collectRoots(document)).not.toContain(host.shadowRoot);
    expect(collectRoots(document)).toContain(shadow);
  });

  it('goes away with its page life', () => {
    createUiHost(document, control.signal);
    expect(ours()).toHaveLength(1);
    control.abort();
    expect(ours()).toHaveLength(0);
  });
});
