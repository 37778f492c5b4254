import type { BrowserContext } from 'playwright-core';

/**
 * What the launcher decided for this run (tests/electron-stand-in/launch.ts passes it in the
 * environment) and what the test may ask about afterwards.
 */
export interface StandInOptions {
  /** The folder given on the command line, as in `electron <folder>`. */
  appPath: string;
  /** Arguments after the folder (`--workspace=...`). */
  args: string[];
  /** app.isPackaged; process.resourcesPath then is `resourcesPath`. */
  packaged: boolean;
  resourcesPath: string;
  /** Electron's version as the electron package in node_modules names it. */
  electronVersion: string;
  /** What safeStorage reports on Linux: 'basic_text' is a machine without a keyring. */
  keychainBackend: string;
  headless: boolean;
  locale: string;
}

/** Messages to the launcher, so a test can read them even after this process has ended. */
export type Report =
  | { type: 'cdp'; port: number }
  | { type: 'error-box'; title: string; content: string }
  | { type: 'dialog'; method: string; windowId: number | null; options: unknown }
  | { type: 'window'; id: number }
  | { type: 'exit'; code: number };

export interface Runtime {
  options: StandInOptions;
  context: BrowserContext | null;
  /** Every .node file process.dlopen loaded, in order (recorded by host.ts). */
  loadedAddons: string[];
  /** How often main asked safeStorage whether a keychain exists. */
  keychainProbes: number;
  cancelledRequests: string[];
  refusedNavigations: string[];
  deniedWindowOpens: string[];
  report(message: Report): void;
}

export const runtime: Runtime = {
  options: {
    appPath: process.cwd(),
    args: [],
    packaged: false,
    resourcesPath: process.cwd(),
    electronVersion: '0.0.0',
    keychainBackend: 'basic_text',
    headless: true,
    locale: 'ko-KR',
  },
  context: null,
  loadedAddons: [],
  keychainProbes: 0,
  cancelledRequests: [],
  refusedNavigations: [],
  deniedWindowOpens: [],
  report(message) {
    process.send?.(message);
  },
};

/** An event main can cancel, as Electron hands to will-navigate and friends. */
export function cancellableEvent<T extends object>(
  fields: T,
): T & {
  defaultPrevented: boolean;
  preventDefault(): void;
} {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}
