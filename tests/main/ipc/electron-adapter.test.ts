import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/shared/ipc/channels';
import { registerIpc, windowOfCurrentRequest } from '../../../src/main/ipc/electron-adapter';
import type { Router } from '../../../src/main/ipc/router';

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => unknown;

function fakeIpcMain(): { ipcMain: Pick<IpcMain, 'handle'>; handlers: Map<string, Listener> } {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    ipcMain: { handle: (channel: string, listener: Listener) => handlers.set(channel, listener) },
  } as unknown as { ipcMain: Pick<IpcMain, 'handle'>; handlers: Map<string, Listener> };
}

function fakeWindow(name: string): BrowserWindow & { destroyed: boolean } {
  const window = { name, destroyed: false, isDestroyed: () => window.destroyed };
  return window as unknown as BrowserWindow & { destroyed: boolean };
}

function eventFrom(contents: object): IpcMainInvokeEvent {
  const frame = { url: 'app://review-desk/index.html' };
  return {
    sender: { ...contents, mainFrame: frame },
    senderFrame: frame,
  } as unknown as IpcMainInvokeEvent;
}

describe('dialogs open over the window that asked', () => {
  it('every channel is handled, each request running with its own window', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const seen: (BrowserWindow | null)[] = [];
    const router: Router = {
      async handle() {
        await new Promise((resolve) => setTimeout(resolve, 5));
        // After an await, as a handler opening a dialog would be.
        seen.push(windowOfCurrentRequest());
        return { ok: true, value: null };
      },
    };
    const first = fakeWindow('first');
    const second = fakeWindow('second');
    const windows = new Map<string, BrowserWindow>([
      ['a', first],
      ['b', second],
    ]);
    registerIpc(
      ipcMain,
      router,
      () => true,
      (contents) => windows.get((contents as unknown as { id: string }).id) ?? null,
    );
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());

    const invoke = handlers.get(CHANNELS[0]!)!;
    // Two requests in flight at once, from two windows: neither sees the other's window.
    await Promise.all([
      invoke(eventFrom({ id: 'a' }), {}),
      invoke(eventFrom({ id: 'b' }), {}),
      invoke(eventFrom({ id: 'unknown' }), {}),
    ]);
    expect(seen).toHaveLength(3);
    expect(seen).toContain(first);
    expect(seen).toContain(second);
    expect(seen).toContain(null);
    // Outside a request there is no window to attach to.
    expect(windowOfCurrentRequest()).toBeNull();
  });

  it('a window closed while its request runs gets a parentless dialog', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const window = fakeWindow('closing');
    let seen: BrowserWindow | null | undefined;
    const router: Router = {
      async handle() {
        window.destroyed = true;
        seen = windowOfCurrentRequest();
        return { ok: true, value: null };
      },
    };
    registerIpc(
      ipcMain,
      router,
      () => true,
      () => window,
    );
    await handlers.get(CHANNELS[0]!)!(eventFrom({} as WebContents), {});
    expect(seen).toBeNull();
  });
});
