import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
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

export function registerIpc(
  ipcMain: IpcMain,
  router: Router,
  isOwnWindow: (contents: WebContents) => boolean,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      router.handle(senderOf(event, isOwnWindow), channel, payload),
    );
  }
}
