import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  powerMonitor,
  session,
  type WebContents,
} from 'electron';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseFile, chooseFiles, chooseSavePath } from './app/dialogs';
import { lazyOsKeychainProtector } from './app/key-protector';
import { installMenu } from './app/menu';
import type { NativeBuildTarget } from './app/native-binding';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app/protocol';
import { lockDownContents, lockDownSession } from './app/security';
import { describeStartupFailure, type StartupContext } from './app/startup-failure';
import {
  chosenWorkspaceDir,
  nativeBindingFile,
  resourcesDir,
  userDataDir,
  type AppLocation,
} from './app/startup-paths';
import { bringToFront, createMainWindow, preloadPathFrom } from './app/window';
import { DROPPED_PATH_CHANNEL, registerIpc, senderOf } from './ipc/electron-adapter';
import { PathGrants } from './ipc/path-grants';
import type { Platform } from './services/platform';
import type { ServiceContext } from './services/context';
import { createIpc } from './ipc/create-ipc';
import { originOf, trustOrigins } from './ipc/sender';
import { watchForLockMoments } from './app/auto-lock';
import { scheduleAutomaticBackups } from './app/backup-schedule';
import { WorkspaceSession } from './services/vault/session';

const mainDir = dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? null : (process.env['ELECTRON_RENDERER_URL'] ?? null);
const devServerOrigin = devServerUrl ? originOf(devServerUrl) : null;
const ownOrigins = devServerOrigin ? [APP_ORIGIN, devServerOrigin] : [APP_ORIGIN];

const isOwnUrl = (url: string): boolean => ownOrigins.includes(originOf(url) ?? '');

/** Our windows, first opened first; their web contents ids for the IPC sender check. */
const windows: BrowserWindow[] = [];
const ownWindows = new Set<number>();
const isOwnWindow = (contents: WebContents): boolean => ownWindows.has(contents.id);

/** What the start had reached, so a failure message names the folder or file involved. */
const startup: StartupContext = {};
let workspace: WorkspaceSession | null = null;
let failed = false;

/**
 * Every failure while starting ends here: one message box saying what is wrong and what to do
 * (startup-failure.ts), then exit code 1. Nothing is left running without a window.
 */
function failStartup(error: unknown): void {
  if (failed) return;
  failed = true;
  const { title, message } = describeStartupFailure(error, startup);
  console.error(`${title}\n${message}\n`, error);
  try {
    if (workspace?.isOpen) workspace.lock('person');
  } catch {
    // Already on the way out; the message below is what matters.
  }
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function appLocation(): AppLocation {
  return {
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  };
}

/** What the checkout's Electron-ABI build of better-sqlite3 must match (native-binding.ts). */
function nativeBuildTarget(): NativeBuildTarget {
  const requireHere = createRequire(import.meta.url);
  const { version } = requireHere('better-sqlite3-multiple-ciphers/package.json') as {
    version: string;
  };
  return {
    betterSqlite3Version: version,
    electronVersion: process.versions.electron,
    abi: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
  };
}

function openWindow(): void {
  const window = createMainWindow(
    preloadPathFrom(mainDir),
    devServerUrl ?? `${APP_ORIGIN}/index.html`,
    { devTools: !app.isPackaged },
  );
  const id = window.webContents.id;
  windows.push(window);
  ownWindows.add(id);
  window.on('closed', () => {
    ownWindows.delete(id);
    const at = windows.indexOf(window);
    if (at >= 0) windows.splice(at, 1);
  });
}

/**
 * File → 백업…: the window's Settings takes it from there (progress, the result). While the
 * workspace is locked there is nothing it may back up, so the person is told, not ignored.
 */
function requestBackupFromMenu(): void {
  if (workspace?.isOpen) {
    for (const window of windows) window.webContents.send('backup:requested', {});
    return;
  }
  const options: Electron.MessageBoxOptions = {
    type: 'info',
    message: '작업 공간이 잠겨 있습니다 / The workspace is locked',
    detail: '잠금을 푼 다음 다시 백업하세요. / Unlock it, then back up.',
  };
  const owner = windows[0];
  void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
}

/** After ready: opens the workspace, wires IPC and opens the window. Any throw is a failed start. */
function start(): void {
  lockDownSession(session.defaultSession, devServerOrigin);
  serveRenderer(join(mainDir, '../renderer'));
  installMenu(devServerUrl !== null, requestBackupFromMenu);

  startup.workspaceDir =
    chosenWorkspaceDir(app.commandLine.getSwitchValue('workspace')) ?? app.getPath('userData');
  startup.nativeBinding = nativeBindingFile(appLocation(), nativeBuildTarget);
  // Probed when a key is first made or opened, not before: on Linux it may prompt or wait.
  const keyProtector = lazyOsKeychainProtector();
  const emit: ServiceContext['emit'] = (event, payload) => {
    for (const window of windows) window.webContents.send(event, payload);
  };
  // The workspace stays locked until a person opens it (the window's unlock screen), except
  // where this computer's keychain holds its key: then it opens at once, as Signal does.
  const vault = new WorkspaceSession({
    dataDir: startup.workspaceDir,
    nativeBinding: startup.nativeBinding,
    keyProtector,
    onLocked: (reason) => emit('vault:locked', { reason }),
  });
  workspace = vault;
  const ctx = vault.ctx;
  ctx.emit = emit;
  vault.tryKeychain();
  const platform: Platform = {
    appVersion: app.getVersion(),
    resourcesDir: resourcesDir(appLocation()),
    chooseFile,
    chooseFiles,
    chooseSavePath,
    keyProtector,
  };
  const grants = new PathGrants();
  // The preload reports the path of a file really dropped on our window (see preload/index.ts).
  ipcMain.on(DROPPED_PATH_CHANNEL, (event, path: unknown) => {
    const sender = senderOf(event as unknown as Electron.IpcMainInvokeEvent, isOwnWindow);
    if (typeof path === 'string' && trustOrigins(ownOrigins)(sender)) grants.grant(path);
  });
  const { router, runner } = createIpc(ctx, platform, {
    vault,
    grants,
    isTrustedSender: trustOrigins(ownOrigins),
    logError: (error, channel) => console.error(`[ipc ${channel}]`, error),
  });
  registerIpc(ipcMain, router, isOwnWindow, (contents) => BrowserWindow.fromWebContents(contents));

  openWindow();
  app.on('activate', () => {
    if (windows.length === 0) openWindow();
  });
  watchForLockMoments(powerMonitor, vault, () => runner.cancel());
  const backups = scheduleAutomaticBackups(vault);
  // Closing makes the automatic backup first (when a folder is chosen): quitting waits for it.
  let backedUpAtQuit = false;
  app.on('before-quit', (event) => {
    if (backedUpAtQuit || !vault.isOpen) return;
    event.preventDefault();
    backedUpAtQuit = true;
    void backups.backUpNow().finally(() => app.quit());
  });
  app.on('will-quit', () => {
    backups.stop();
    vault.lock('person');
  });
}

function main(): void {
  // Before anything reads userData (the single-instance lock lives there too): the CLI's
  // workspace folder, whatever the app's productName. setPath needs the folder to exist.
  const userData = userDataDir();
  startup.workspaceDir = userData;
  mkdirSync(userData, { recursive: true });
  app.setPath('userData', userData);

  // One app per user-data folder. A second start wakes the first (its 'second-instance') and
  // leaves at once, with exit code 0: nothing failed, the app the person wanted is in front.
  if (!app.requestSingleInstanceLock()) {
    app.exit(0);
    return;
  }
  app.on('second-instance', () => {
    const first = windows[0];
    if (first) bringToFront(first);
    else if (workspace) openWindow();
  });

  registerAppScheme();
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, isOwnUrl));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failStartup(error));
}

try {
  main();
} catch (error) {
  failStartup(error);
}
