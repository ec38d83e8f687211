import { describe, expect, it, vi } from 'vitest';
import { nativeRuntime } from './runtime';

function fakeApi(id = 'ext') {
  const listeners: ((message: unknown, sender?: { id?: string }) => unknown)[] = [];
  return {
    listeners,
    runtime: {
      id,
      sendMessage: vi.fn(async (message: unknown) => ({ echoed: message })),
      onMessage: { addListener: (l: (typeof listeners)[number]) => void listeners.push(l) },
    },
  };
}

describe('content runtime without the polyfill', () => {
  it('is null outside an extension', () => {
    expect(nativeRuntime({})).toBeNull();
  });

  it('prefers Firefox’s browser over chrome', async () => {
    const firefox = fakeApi('ff');
    const chromium = fakeApi('cr');
    const runtime = nativeRuntime({ browser: firefox, chrome: chromium })!;
    expect(runtime.id()).toBe('ff');
    await expect(runtime.sendMessage({ type: 'config/get' })).resolves.toEqual({ echoed: { type: 'config/get' } });
    expect(chromium.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('is not fooled by a page element named "browser" showing through as a global', () => {
    const chromium = fakeApi('cr');
    const clobbered = { runtime: { localName: 'input' } }; // <form id="browser"><input name="runtime">
    expect(nativeRuntime({ browser: clobbered, chrome: chromium })!.id()).toBe('cr');
  });

  it('uses chrome where there is no browser, and hands messages over with the sender id, answering nothing', () => {
    const chromium = fakeApi('cr');
    const runtime = nativeRuntime({ chrome: chromium })!;
    const seen: [unknown, string | undefined][] = [];
    runtime.onMessage((message, senderId) => seen.push([message, senderId]));
    const returned = chromium.listeners[0]!({ type: 'config/changed' }, { id: 'cr' });
    expect(returned).toBeUndefined(); // no promise, no `true`: Chrome would keep a port open for either
    expect(seen).toEqual([[{ type: 'config/changed' }, 'cr']]);
  });

  it('turns a synchronous throw of an invalidated context into a rejection, and a throwing id into undefined', async () => {
    const api = {
      runtime: {
        get id(): string {
          throw new Error('Extension context invalidated.');
        },
        sendMessage: () => {
          throw new Error('Extension context invalidated.');
        },
        onMessage: { addListener: () => undefined },
      },
    };
    const runtime = nativeRuntime({ chrome: api })!;
    expect(runtime.id()).toBeUndefined();
    await expect(runtime.sendMessage({})).rejects.toThrow('invalidated');
  });

  it('reads storage.local straight, without the worker, from the same API as the runtime', async () => {
    const chromium = {
      ...fakeApi('cr'),
      storage: { local: { get: vi.fn(async (key: string) => ({ [key]: { kept: true } })) } },
    };
    const runtime = nativeRuntime({ chrome: chromium })!;
    await expect(runtime.stored('configSnapshot')).resolves.toEqual({ kept: true });
    expect(chromium.storage.local.get).toHaveBeenCalledWith('configSnapshot');
    expect(chromium.runtime.sendMessage).not.toHaveBeenCalled();
  });
});
