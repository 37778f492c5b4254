/**
 * The renderer half of the stand-in, run in each window's main frame before the page's own
 * scripts (Playwright addInitScript). It gives the built preload what a sandboxed Electron
 * preload gets from `require('electron')`: contextBridge, ipcRenderer and webUtils, with
 * ipcRenderer carried to main over one Playwright binding.
 *
 * Not modelled: the isolated world. The preload runs in the page's own world, so this cannot
 * show that page scripts are unable to reach the preload's variables (contextIsolation is
 * checked as a webPreferences value instead). The binding is taken off `window` before the page
 * runs, so page scripts reach main only through what the preload exposes.
 */
import { decode, encode } from '../codec';

export const IPC_BINDING = '__electronStandInIpc';
export const RUNTIME_KEY = 'electron-stand-in';

type Listener = (event: { sender: unknown }, ...args: unknown[]) => void;
type Wire = (
  kind: 'invoke' | 'send' | 'window-open',
  channel: string,
  args: unknown,
) => Promise<unknown>;

interface Runtime {
  deliver(channel: string, encodedArgs: unknown): void;
  dropFile(file: File, path: string): void;
}

/** Function values are proxied; everything else is copied and frozen (Electron's contextBridge). */
function bridgeCopy(value: unknown): unknown {
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => fn(...args);
  }
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return Object.freeze(value.map(bridgeCopy));
  return Object.freeze(
    Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bridgeCopy(item)])),
  );
}

/** Returns the preload's `require`, or null in a subframe (preloads run in the main frame only). */
export function installRendererRuntime(): ((id: string) => unknown) | null {
  if (window.top !== window) return null;
  const host = window as unknown as Record<string, unknown>;
  const wire = host[IPC_BINDING] as Wire;
  delete host[IPC_BINDING];

  const listeners = new Map<string, Set<Listener>>();
  const droppedPaths = new WeakMap<File, string>();
  const ipcRenderer = {
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      const reply = decode(await wire('invoke', String(channel), encode(args))) as
        { ok: true; value: unknown } | { ok: false; error: string };
      if (!reply.ok) throw new Error(`Error invoking remote method '${channel}': ${reply.error}`);
      return reply.value;
    },
    send(channel: string, ...args: unknown[]): void {
      void wire('send', String(channel), encode(args));
    },
    on(channel: string, listener: Listener) {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set.add(listener));
      return ipcRenderer;
    },
    removeListener(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    removeAllListeners(channel: string) {
      listeners.delete(channel);
      return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown): void {
      if (key in window) {
        throw new Error(`Cannot bind an API on top of an existing property on the window object`);
      }
      Object.defineProperty(window, key, {
        value: bridgeCopy(api),
        enumerable: true,
        writable: false,
        configurable: false,
      });
    },
  };
  // A File has a path only when it came from a real drop (the stand-in's dropFile, below).
  const webUtils = { getPathForFile: (file: File): string => droppedPaths.get(file) ?? '' };

  const runtime: Runtime = {
    deliver(channel, encodedArgs) {
      const args = decode(encodedArgs) as unknown[];
      for (const listener of listeners.get(channel) ?? [])
        listener({ sender: ipcRenderer }, ...args);
    },
    dropFile(file, path) {
      droppedPaths.set(file, path);
    },
  };
  Object.defineProperty(window, Symbol.for(RUNTIME_KEY), { value: runtime });
  // Electron asks main's window-open handler before any window exists. Here main is asked
  // instead of Chromium opening a popup; the page always gets null back (a denied open's
  // answer; an allowed one opens as a page without a BrowserWindow, which the app never does).
  window.open = (url?: string | URL, target?: string, features?: string) => {
    const resolved = new URL(String(url ?? ''), location.href).href;
    void wire('window-open', resolved, encode([String(target ?? ''), String(features ?? '')]));
    return null;
  };

  return (id: string) => {
    if (id === 'electron') return { contextBridge, ipcRenderer, webUtils };
    throw new Error(`module not found: ${id}`);
  };
}
