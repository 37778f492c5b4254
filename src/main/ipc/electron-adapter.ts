import { AsyncLocalStorage } from 'node:async_hooks';
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Router } from './router';
import type { IpcSender } from './sender';

/**
 * Not a contract channel: only the preload sends it, with the path Electron gives for a File
 * that was really dropped on the window, so main may read that file when asked to.
 */
export const DROPPED_PATH_CHANNEL = 'desktop:dropped-path';

/** The only place the router meets Electron: an invoke event becomes an IpcSender. */
export function senderOf(
  event: IpcMainInvokeEvent,
  isOwnWindow: (contents: WebContents) => boolean,
): IpcSender {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? '',
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    isOwnWindow: isOwnWindow(event.sender),
  };
}

/**
 * The window whose page made the IPC request being handled, carried through every await of
 * its handler, so a dialog it opens is attached to that window (not to whichever has focus
 * by then). The router never sees it: it stays free of Electron.
 */
const requestingWindow = new AsyncLocalStorage<BrowserWindow | null>();

/** The window that asked, while a request is handled; null outside one or once it is closed. */
export function windowOfCurrentRequest(): BrowserWindow | null {
  const window = requestingWindow.getStore() ?? null;
  return window !== null && !window.isDestroyed() ? window : null;
}

/**
 * One ipcMain handler per contract channel. windowOf is BrowserWindow.fromWebContents,
 * handed in so this module loads without Electron in unit tests.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  router: Router,
  isOwnWindow: (contents: WebContents) => boolean,
  windowOf: (contents: WebContents) => BrowserWindow | null,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      requestingWindow.run(windowOf(event.sender), () =>
        router.handle(senderOf(event, isOwnWindow), channel, payload),
      ),
    );
  }
}
