import type { WindowApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the preload (or by the browser tests' binding); use ./client instead. */
    api: WindowApi;
  }
}
