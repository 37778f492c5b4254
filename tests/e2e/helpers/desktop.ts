import { expect, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchStandIn, type LaunchOptions, type StandInApp } from '../../electron-stand-in/launch';
import { TEST_PASSPHRASE } from '../../helpers/workspace-key';

/**
 * The app as a person starts it, for the end-to-end specs: the BUILT main bundle and preload
 * (out/main, out/preload) under the Electron stand-in, the built renderer in its window.
 * Everything between a click and SQLite is the app's own code: renderer → preload →
 * ipcRenderer → main's ipcMain handlers → router → services.
 */
export interface Desktop {
  app: StandInApp;
  /** The main window. */
  page: Page;
  /** Requests main's session cancelled because they left the machine. */
  blockedRequests(): Promise<string[]>;
  /** Browser console errors and uncaught page errors (CSP violations show up here). */
  consoleErrors: string[];
  /**
   * The answers the next file dialogs give, in order: a path, several paths (open dialogs with
   * several files) or null (the person closed the dialog). Set in main, as with the real app.
   */
  answerDialogs(answers: (string | string[] | null)[]): Promise<void>;
  /** The window each dialog so far was attached to (BrowserWindow id, or null for none). */
  dialogOwners(): Promise<(number | null)[]>;
  /** Quits the app and starts it again on the same workspace; `page` is the new window. */
  restart(): Promise<void>;
  /** Quits the app; fails if it did not end with code 0. Once only: later calls do nothing. */
  close(): Promise<void>;
  /**
   * The end of every spec: the app is still running (else how it ended, with its output), it
   * fetched nothing from anywhere but itself, the page logged no error (the strict CSP did not
   * bite); then it quits, with code 0.
   */
  finish(): Promise<void>;
}

export interface DesktopOptions extends LaunchOptions {
  /**
   * What to do at the vault gate the app opens to: `open` (default) makes the workspace with
   * TEST_PASSPHRASE the first time, or unlocks it with that passphrase, on every start and
   * restart; `stay` leaves the gate for the spec to handle.
   */
  vault?: 'open' | 'stay';
  /**
   * A workspace folder that already holds review-desk.db (opened with --workspace, as
   * `review-desk demo` output is); otherwise the app starts on an empty user-data folder.
   */
  workspaceDir?: string;
}

/**
 * Opens the workspace at the vault gate as a person would: makes it with TEST_PASSPHRASE (and
 * acknowledges the recovery code) when there is none, else types the passphrase.
 */
export async function passVaultGate(page: Page, passphrase = TEST_PASSPHRASE): Promise<void> {
  const create = page.getByTestId('vault-create');
  const unlock = page.getByTestId('vault-unlock');
  const shell = page.getByTestId('top-bar');
  await expect(create.or(unlock).or(shell)).toBeVisible({ timeout: 30_000 });
  if (await create.isVisible()) {
    await page.getByTestId('vault-create-passphrase').fill(passphrase);
    await page.getByTestId('vault-create-confirm').fill(passphrase);
    await page.getByTestId('vault-create-submit').click();
    await expect(page.getByTestId('vault-recovery-code')).toBeVisible();
    await page.getByTestId('vault-recovery-ack').check();
    await page.getByTestId('vault-recovery-continue').click();
  } else if (await unlock.isVisible()) {
    await page.getByTestId('vault-unlock-passphrase').fill(passphrase);
    await page.getByTestId('vault-unlock-submit').click();
  }
  await expect(shell).toBeVisible();
}

export async function openDesktop(options: DesktopOptions = {}): Promise<Desktop> {
  const scratch = mkdtempSync(join(tmpdir(), 'review-desk-desktop-'));
  const workspace =
    options.workspaceDir && existsSync(join(options.workspaceDir, 'review-desk.db'))
      ? { REVIEW_DESK_WORKSPACE: options.workspaceDir }
      : {};
  const launchOptions: LaunchOptions = {
    ...options,
    env: {
      REVIEW_DESK_USER_DATA: options.workspaceDir ?? join(scratch, 'user-data'),
      ...workspace,
      ...options.env,
    },
  };
  const consoleErrors: string[] = [];
  const start = async (): Promise<{ app: StandInApp; page: Page }> => {
    const app = await launchStandIn(launchOptions);
    const page = await app.firstWindow();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
    if (options.vault !== 'stay') await passVaultGate(page);
    return { app, page };
  };
  const quit = async (app: StandInApp): Promise<void> => {
    await app.close();
    const { code } = await app.exited;
    if (code !== 0) throw new Error(`the app ended with code ${code}:\n${app.output()}`);
  };

  let current = await start();
  let closed = false;
  const ended = (): boolean => {
    const child = current.app.process();
    return child.exitCode !== null || child.signalCode !== null;
  };
  const desktop: Desktop = {
    get app() {
      return current.app;
    },
    get page() {
      return current.page;
    },
    consoleErrors,
    blockedRequests: () =>
      current.app.evaluate(({ __standIn }) => [...__standIn.runtime.cancelledRequests]),
    async answerDialogs(answers) {
      await current.app.evaluate(({ dialog }, queued) => {
        const store = globalThis as {
          dialogAnswers?: (string | string[] | null)[];
          dialogOwners?: (number | null)[];
        };
        store.dialogAnswers = [...(store.dialogAnswers ?? []), ...queued];
        store.dialogOwners ??= [];
        const next = (owner: unknown) => {
          store.dialogOwners!.push(
            owner && typeof owner === 'object' && 'id' in owner ? (owner.id as number) : null,
          );
          return store.dialogAnswers!.shift() ?? null;
        };
        dialog.showOpenDialog = (async (owner: unknown) => {
          const answer = next(owner);
          const filePaths = answer === null ? [] : Array.isArray(answer) ? answer : [answer];
          return { canceled: filePaths.length === 0, filePaths };
        }) as typeof dialog.showOpenDialog;
        dialog.showSaveDialog = (async (owner: unknown) => {
          const answer = next(owner);
          return typeof answer === 'string'
            ? { canceled: false, filePath: answer }
            : { canceled: true, filePath: '' };
        }) as typeof dialog.showSaveDialog;
      }, answers);
    },
    dialogOwners: () =>
      current.app.evaluate(
        () => (globalThis as { dialogOwners?: (number | null)[] }).dialogOwners ?? [],
      ),
    async restart() {
      await quit(current.app);
      current = await start();
    },
    async close() {
      if (closed) return;
      closed = true;
      // An app that had already ended is reported by finish(), with its signal; not again here.
      const endedBefore = ended();
      try {
        await quit(current.app);
      } catch (error) {
        if (!endedBefore) throw error;
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
    async finish() {
      try {
        if (ended()) {
          const child = current.app.process();
          throw new Error(
            `the app ended during the test (exit code ${child.exitCode}, signal ${child.signalCode}); its output:\n${current.app.output()}`,
          );
        }
        expect(await desktop.blockedRequests()).toEqual([]);
        expect(consoleErrors).toEqual([]);
      } finally {
        await desktop.close();
      }
    },
  };
  return desktop;
}
