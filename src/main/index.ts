import { app, BrowserWindow, dialog, ipcMain, session, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseFile, chooseFiles, chooseSavePath } from './app/dialogs';
import { electronNativeBindingPath } from './app/native-binding';
import { osKeychainProtector } from './app/key-protector';
import { installMenu } from './app/menu';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app/protocol';
import { lockDownContents, lockDownSession } from './app/security';
import { createMainWindow, preloadPathFrom } from './app/window';
import { DROPPED_PATH_CHANNEL, registerIpc, senderOf } from './ipc/electron-adapter';
import { PathGrants } from './ipc/path-grants';
import { createHandlers, type Platform } from './ipc/handlers';
import { createRouter } from './ipc/router';
import { originOf, trustOrigins } from './ipc/sender';
import { DATABASE_FILE_NAME, openWorkspace } from './services/open-workspace';

const mainDir = dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? null : (process.env['ELECTRON_RENDERER_URL'] ?? null);
const devServerOrigin = devServerUrl ? originOf(devServerUrl) : null;
const ownOrigins = devServerOrigin ? [APP_ORIGIN, devServerOrigin] : [APP_ORIGIN];

const isOwnUrl = (url: string): boolean => ownOrigins.includes(originOf(url) ?? '');

// Lets the Electron end-to-end specs run against a throwaway workspace.
const userDataOverride = process.env['REVIEW_DESK_USER_DATA'];
if (userDataOverride) app.setPath('userData', userDataOverride);

/**
 * Another workspace folder than userData (the one `review-desk demo` writes, a copy from
 * another laptop): --workspace=<dir> or REVIEW_DESK_WORKSPACE=<dir>. It must already hold a
 * workspace, so a mistyped path stops with a message instead of starting an empty workspace.
 */
function chosenWorkspaceDir(): string | null {
  const chosen =
    app.commandLine.getSwitchValue('workspace') || process.env['REVIEW_DESK_WORKSPACE'] || '';
  if (!chosen) return null;
  const dir = resolve(chosen);
  if (!existsSync(join(dir, DATABASE_FILE_NAME)))
    throw new Error(
      `${dir} (--workspace or REVIEW_DESK_WORKSPACE) is not a Review Desk workspace: it has no ${DATABASE_FILE_NAME}`,
    );
  return dir;
}

registerAppScheme();
app.enableSandbox();

function nativeBinding(): string {
  const file = electronNativeBindingPath(app.getAppPath(), process.versions.electron);
  if (!existsSync(file)) {
    throw new Error(
      `The Electron build of better-sqlite3 is missing at ${file}; run npm start, which makes it.`,
    );
  }
  return file;
}

const ownWindows = new Set<number>();
const isOwnWindow = (contents: WebContents): boolean => ownWindows.has(contents.id);

app.on('web-contents-created', (_event, contents) => lockDownContents(contents, isOwnUrl));

void app.whenReady().then(() => {
  lockDownSession(session.defaultSession, devServerOrigin);
  serveRenderer(join(mainDir, '../renderer'));
  installMenu(devServerUrl !== null);

  let workspaceDir: string;
  try {
    workspaceDir = chosenWorkspaceDir() ?? app.getPath('userData');
  } catch (error) {
    console.error((error as Error).message);
    dialog.showErrorBox('Review Desk', (error as Error).message);
    app.exit(1);
    return;
  }
  const workspace = openWorkspace(workspaceDir, {
    nativeBinding: nativeBinding(),
    actor: userInfo().username,
  });
  workspace.emit = (event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (isOwnWindow(window.webContents)) window.webContents.send(event, payload);
    }
  };
  const platform: Platform = {
    appVersion: app.getVersion(),
    resourcesDir: join(app.getAppPath(), 'resources'),
    chooseFile,
    chooseFiles,
    chooseSavePath,
    // Only where safeStorage has a real keychain; key files then may be sealed by it.
    keyProtector: osKeychainProtector() ?? undefined,
  };
  const grants = new PathGrants();
  // The preload reports the path of a file really dropped on our window (see preload/index.ts).
  ipcMain.on(DROPPED_PATH_CHANNEL, (event, path: unknown) => {
    const sender = senderOf(event as unknown as Electron.IpcMainInvokeEvent, isOwnWindow);
    if (typeof path === 'string' && trustOrigins(ownOrigins)(sender)) grants.grant(path);
  });
  const router = createRouter(createHandlers(workspace, platform, undefined, grants), {
    isTrustedSender: trustOrigins(ownOrigins),
    logError: (error, channel) => console.error(`[ipc ${channel}]`, error),
  });
  registerIpc(ipcMain, router, isOwnWindow);

  const open = (): void => {
    const window = createMainWindow(
      preloadPathFrom(mainDir),
      devServerUrl ?? `${APP_ORIGIN}/index.html`,
    );
    const id = window.webContents.id;
    ownWindows.add(id);
    window.on('closed', () => ownWindows.delete(id));
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('will-quit', () => workspace.db.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
