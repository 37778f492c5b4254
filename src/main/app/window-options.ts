import type { BrowserWindowConstructorOptions } from 'electron';

export const MAIN_WINDOW_TITLE = 'Review Desk · 1015 피해지원 협의체';

/**
 * The main window's settings. Kept apart from window.ts (which needs Electron itself) so a
 * test reads exactly what the window is made with: an isolated, sandboxed page with no Node,
 * no webviews, and DevTools only where the app is not packaged.
 */
export function mainWindowOptions(
  preloadPath: string,
  options: { devTools: boolean },
): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: MAIN_WINDOW_TITLE,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: options.devTools,
      spellcheck: false,
    },
  };
}
