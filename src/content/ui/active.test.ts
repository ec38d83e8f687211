// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { activeChain, holdsFocus } from './active';

beforeEach(() => document.body.replaceChildren());

describe('active element across shadow roots and frames', () => {
  it('is empty when only the body has focus', () => {
    document.body.append(document.createElement('input'));
    expect(activeChain(document)).toEqual([]);
    expect(holdsFocus(document.body.firstElementChild!, document)).toBe(false);
  });

  it('finds the focused field in the document, and the element containing it', () => {
    const wrap = document.createElement('div');
    const input = document.createElement('input');
    const other = document.createElement('input');
    wrap.append(input);
    document.body.append(wrap, other);
    input.focus();
    expect(activeChain(document)).toEqual([input]);
    expect(holdsFocus(input, document)).toBe(true);
    expect(holdsFocus(wrap, document)).toBe(true);
    expect(holdsFocus(other, document)).toBe(false);
  });

  it('follows an open shadow root down to the focused field', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const input = document.createElement('input');
    shadow.append(input);
    document.body.append(host);
    input.focus();
    expect(activeChain(document)).toEqual([host, input]);
    expect(holdsFocus(input, document)).toBe(true);
    expect(holdsFocus(host, document)).toBe(true);
  });
});
