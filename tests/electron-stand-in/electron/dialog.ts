import { BrowserWindow } from './windows';
import { runtime } from './runtime';

/** A dialog's optional first argument is the window it is attached to. */
function split<T>(args: unknown[]): { window: BrowserWindow | null; options: T } {
  if (args[0] instanceof BrowserWindow) return { window: args[0], options: args[1] as T };
  return { window: null, options: args[0] as T };
}

function record(method: string, args: unknown[]): void {
  const { window, options } = split<unknown>(args);
  runtime.report({ type: 'dialog', method, windowId: window?.id ?? null, options });
}

/**
 * dialog: nobody is at the stand-in's screen, so every dialog is answered as if closed
 * (canceled; a message box's first button) and reported to the test with the window it was
 * attached to. A test chooses files by replacing a method through app.evaluate, as it would
 * with the real Electron.
 */
export const dialog = {
  async showOpenDialog(...args: unknown[]) {
    record('showOpenDialog', args);
    return { canceled: true, filePaths: [] as string[] };
  },
  async showSaveDialog(...args: unknown[]) {
    record('showSaveDialog', args);
    return { canceled: true, filePath: '' };
  },
  async showMessageBox(...args: unknown[]) {
    record('showMessageBox', args);
    return { response: 0, checkboxChecked: false };
  },
  showErrorBox(title: string, content: string): void {
    process.stderr.write(`[electron stand-in] error box: ${title}\n${content}\n`);
    runtime.report({ type: 'error-box', title, content });
  },
};
