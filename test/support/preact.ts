// Test support for the popup and options components: the real typed client over a recorded transport, and
// helpers that render and interact inside preact's act() so effects and promises have settled when they return.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { createClient, type Request, type RequestType } from '../../src/protocol';

/**
 * A typed client over `send` (usually the real background's handler on fake browser ports, see fake-browser.ts),
 * recording every request in `sent`. Replies cross a JSON copy, as messages between contexts do.
 */
export function recordingClient(send: (message: unknown) => Promise<unknown> | undefined) {
  const sent: Request[] = [];
  const client = createClient(async (message) => {
    sent.push(message as Request);
    const reply = await send(message);
    return reply === undefined ? undefined : JSON.parse(JSON.stringify(reply));
  });
  const sentOf = <K extends RequestType>(type: K) => sent.filter((r) => r.type === type) as Request<K>[];
  return { client, sent, sentOf };
}

/** Lets pending promises, timers of 0 ms and the re-renders they cause run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

export async function mount(vnode: ComponentChild): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => render(vnode, container));
  await settle();
  return container;
}

export async function unmountAll(): Promise<void> {
  for (const container of [...document.body.children]) {
    await act(() => render(null, container));
    container.remove();
  }
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  await act(() => element.click());
  await settle();
}

/** Sets a form control's value and fires the event preact listens to. */
export async function change(
  element: Element | null | undefined,
  value: string,
  event: 'change' | 'input' = 'change',
): Promise<void> {
  if (
    !(
      element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement
    )
  ) {
    throw new Error('not a form control');
  }
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event(event, { bubbles: true }));
  });
  await settle();
}

/** Every button whose visible text contains `text`. */
export const buttonsWithText = (root: ParentNode, text: string): HTMLButtonElement[] =>
  [...root.querySelectorAll('button')].filter((b) => b.textContent?.includes(text));

export function buttonWithText(root: ParentNode, text: string): HTMLButtonElement {
  const [button] = buttonsWithText(root, text);
  if (!button) throw new Error(`no button "${text}"`);
  return button;
}

/**
 * A stand-in for the pages' `onConfigChanged` (storage.onChanged in the browser): `fire(n)` is n changes made
 * elsewhere in one burst, `listening` how many listeners are still attached.
 */
export function fakeConfigChanges() {
  const listeners = new Set<() => void>();
  return {
    onConfigChanged(listener: () => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async fire(times = 1): Promise<void> {
      await act(() => {
        for (let i = 0; i < times; i++) listeners.forEach((listener) => listener());
      });
      await settle();
    },
    get listening(): number {
      return listeners.size;
    },
  };
}
