import type { WindowApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the preload (or by the browser tests' binding); use `api` from ./client instead. */
    api: WindowApi;
    /** The app's preload only: the path of a file dropped on the page (not IPC, no main call). */
    desktop?: { pathForFile(file: File): string };
  }
}
