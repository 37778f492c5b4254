import type { Desktop } from './desktop';

/**
 * A save dialog the person keeps open until the test lets go: main's dialog.showSaveDialog is
 * replaced, as Desktop.answerDialogs replaces it, by one that notes it was asked and answers
 * `path` only on release(). A spec sees what the window shows while the dialog is open.
 * Only the next save dialog is held; the one before it comes back afterwards.
 */
export interface HeldSaveDialog {
  /** Whether main has asked for the dialog (it is open now, or was). */
  isOpen(): Promise<boolean>;
  /** The person picks the path and presses Save. */
  release(): Promise<void>;
}

interface HeldState {
  asked: boolean;
  release: (() => void) | null;
}

export async function holdNextSaveDialog(desktop: Desktop, path: string): Promise<HeldSaveDialog> {
  await desktop.app.evaluate(({ dialog }, answer) => {
    const held: HeldState = { asked: false, release: null };
    (globalThis as { heldSaveDialog?: HeldState }).heldSaveDialog = held;
    const before = dialog.showSaveDialog;
    dialog.showSaveDialog = (async () => {
      dialog.showSaveDialog = before;
      held.asked = true;
      await new Promise<void>((resolve) => (held.release = resolve));
      return { canceled: false, filePath: answer };
    }) as typeof dialog.showSaveDialog;
  }, path);
  return {
    isOpen: () =>
      desktop.app.evaluate(
        () => (globalThis as { heldSaveDialog?: HeldState }).heldSaveDialog?.asked ?? false,
      ),
    release: () =>
      desktop.app.evaluate(() => {
        const held = (globalThis as { heldSaveDialog?: HeldState }).heldSaveDialog;
        if (!held?.release) throw new Error('the save dialog is not open');
        held.release();
      }),
  };
}
