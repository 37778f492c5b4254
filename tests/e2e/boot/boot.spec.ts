import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { CHANNELS } from '../../../src/shared/ipc/channels';
import { makeTempDir } from '../../helpers/temp-workspace';
import { launchStandIn, type StandInApp } from '../../electron-stand-in/launch';
import { screenshot } from '../helpers/decision-steps';
import { openDesktop, passVaultGate, type Desktop } from '../helpers/desktop';
import { openRawDatabase, openTestWorkspace, TEST_PASSPHRASE } from '../../helpers/workspace-key';

/*
 * The built main bundle and preload as Electron would start them (under the stand-in): the
 * window's security, the page's CSP, what main refuses, which handlers and which native addon
 * it has, and how it ends when it cannot start.
 */

test.describe('a normal start', () => {
  let desktop: Desktop;
  test.beforeEach(async () => {
    desktop = await openDesktop();
  });
  test.afterEach(() => desktop.finish());

  test('the window is sandboxed and isolated, without Node, with web security on', async () => {
    const preferences = await desktop.app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((window) => window.webContents.getLastWebPreferences()),
    );
    expect(preferences).toHaveLength(1);
    expect(preferences[0]).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    // Unpackaged, DevTools may open (the stand-in runs the checkout, not an installed app).
    expect(preferences[0]!['devTools']).not.toBe(false);
    const page = desktop.page;
    // The page has what the preload exposes and nothing of Node or of ipcRenderer.
    const seen = await page.evaluate(() => {
      const host = window as unknown as Record<string, unknown>;
      const api = host['api'] as Record<string, Record<string, unknown>>;
      const functions = Object.entries(api).flatMap(([area, verbs]) =>
        typeof verbs === 'object' ? Object.keys(verbs).map((verb) => `${area}:${verb}`) : [area],
      );
      return {
        require: typeof host['require'],
        process: typeof host['process'],
        ipcBinding: typeof host['__electronStandInIpc'],
        functions,
        frozen: Object.isFrozen(api),
        desktop: Object.keys(host['desktop'] as object),
      };
    });
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
    expect(seen.ipcBinding).toBe('undefined');
    expect(seen.frozen).toBe(true);
    expect(seen.functions.filter((name) => name !== 'on').sort()).toEqual([...CHANNELS].sort());
    expect(seen.desktop).toEqual(['pathForFile']);
    await screenshot(page, '00-boot-first-window');
  });

  test('the page carries a CSP with a fresh style nonce in its header and its meta tag', async () => {
    const page = desktop.page;
    const nonces: string[] = [];
    for (let load = 0; load < 2; load += 1) {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/index.html')),
        page.reload(),
      ]);
      const header = (await response.allHeaders())['content-security-policy'] ?? '';
      expect(header).toContain("default-src 'none'");
      expect(header).toContain("script-src 'self'");
      expect(header).toContain("frame-ancestors 'none'");
      expect(header).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      const nonce = /'nonce-([A-Za-z0-9+/=]{22,})'/.exec(header)?.[1];
      expect(nonce).toBeDefined();
      nonces.push(nonce!);
      const inPage = await page.evaluate(() => ({
        meta:
          document
            .querySelector('meta[http-equiv="Content-Security-Policy"]')
            ?.getAttribute('content') ?? '',
        styleNonce:
          document.querySelector('meta[name="style-nonce"]')?.getAttribute('content') ?? '',
      }));
      expect(inPage.meta).toContain(`'nonce-${nonce}'`);
      expect(inPage.styleNonce).toBe(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test('app:// answers any spelling of the page with a nonce, a bad escape with 400, a missing file with 404', async () => {
    const answers = await desktop.page.evaluate(async () => {
      const ask = async (path: string) => {
        const response = await fetch(path);
        const body = await response.text();
        return {
          status: response.status,
          csp: response.headers.get('content-security-policy') ?? '',
          placeholder: body.includes('__STYLE_NONCE__'),
        };
      };
      return {
        upper: await ask('/INDEX.HTML'),
        malformed: await ask('/%E0%A4%A'),
        missing: await ask('/no-such-file.js'),
      };
    });
    // Never the page without its nonce. On Linux's case-sensitive disks INDEX.HTML is another,
    // missing file; on Windows and macOS it is the page, which must get the nonce treatment.
    expect(answers.upper.placeholder).toBe(false);
    if (process.platform === 'linux') expect(answers.upper.status).toBe(404);
    else expect(answers.upper.csp).toMatch(/'nonce-[A-Za-z0-9+/=]{22,}'/);
    expect(answers.malformed.status).toBe(400);
    expect(answers.missing.status).toBe(404);
    for (const answer of Object.values(answers)) expect(answer.csp).toContain("default-src 'none'");
    // The page logs each refused fetch; those are what this test asked for.
    const refused = /Failed to load resource: the server responded with a status of (400|404)/;
    desktop.consoleErrors.splice(
      0,
      Infinity,
      ...desktop.consoleErrors.filter((e) => !refused.test(e)),
    );
  });

  test('navigation away, new windows and webviews are refused; nothing leaves the machine', async () => {
    const page = desktop.page;
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    await page.evaluate(() => window.open('https://example.com/popup', '_blank'));
    await expect
      .poll(() => desktop.app.evaluate(({ __standIn }) => __standIn.runtime.deniedWindowOpens))
      .toEqual(['https://example.com/popup']);
    const runtime = await desktop.app.evaluate(({ __standIn }) => ({
      refused: __standIn.runtime.refusedNavigations,
      cancelled: __standIn.runtime.cancelledRequests,
    }));
    expect(runtime.refused).toEqual(['https://example.com/']);
    expect(runtime.cancelled).toEqual([]);
    expect(desktop.app.windows()).toHaveLength(1);

    // The page's CSP stops its own requests first; main's session is the lock behind it.
    const urls = {
      'https://example.com/x.js': true,
      'http://127.0.0.1:8080/': true,
      'ws://localhost:5173/': true,
      'file:///etc/passwd': true,
      'ftp://example.com/': true,
      'app://review-desk/index.html': false,
      'blob:app://review-desk/0b1c': false,
      'data:image/png;base64,AAAA': false,
    };
    const cancels = await desktop.app.evaluate(async ({ __standIn }, list) => {
      const result: Record<string, boolean> = {};
      for (const url of list) result[url] = await __standIn.cancels(url);
      return result;
    }, Object.keys(urls));
    expect(cancels).toEqual(urls);

    // Events no page of ours can raise here are raised as Electron would, and refused by main.
    const refusals = await desktop.app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      const event = () => ({
        defaultPrevented: false,
        preventDefault() {
          this.defaultPrevented = true;
        },
      });
      const frame = event();
      contents.emit(
        'will-frame-navigate',
        Object.assign(frame, { url: 'https://example.com/', isMainFrame: false }),
      );
      const webview = event();
      contents.emit('will-attach-webview', webview, {}, { src: 'https://example.com/' });
      const own = event();
      contents.emit(
        'will-frame-navigate',
        Object.assign(own, { url: 'app://review-desk/index.html', isMainFrame: false }),
      );
      return {
        frame: frame.defaultPrevented,
        webview: webview.defaultPrevented,
        own: own.defaultPrevented,
      };
    });
    expect(refusals).toEqual({ frame: true, webview: true, own: false });
  });

  test('every permission a page could ask for is refused', async () => {
    const permissions = [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'midiSysex',
      'pointerLock',
      'fullscreen',
      'openExternal',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'idle-detection',
      'window-management',
      'hid',
      'serial',
      'usb',
    ];
    const answers = await desktop.app.evaluate(async ({ __standIn }, names) => {
      const result: Record<string, [boolean, boolean]> = {};
      for (const name of names) {
        result[name] = [
          await __standIn.requestPermission(name),
          __standIn.checkPermission(name, 'app://review-desk'),
        ];
      }
      return result;
    }, permissions);
    for (const name of permissions) expect(answers[name], name).toEqual([false, false]);
  });

  test('main has one handler per contract channel and none else, and asks about the keychain once', async () => {
    const handled = await desktop.app.evaluate(({ __standIn }) => __standIn.handledChannels());
    expect([...handled].sort()).toEqual([...CHANNELS].sort());
    expect(new Set(handled).size).toBe(handled.length);
    // At start, to open the workspace without typing where the keychain is real: is there one,
    // and (on Linux) which backend. The answer is kept: the gate's own questions ask no more.
    const probes = () => desktop.app.evaluate(({ __standIn }) => __standIn.runtime.keychainProbes);
    expect(await probes()).toBe(2);
    await desktop.page.getByTestId('vault-lock-now').click();
    await expect(desktop.page.getByTestId('vault-unlock')).toBeVisible();
    expect(await probes()).toBe(2);
    await passVaultGate(desktop.page);
  });

  test('every native addon loaded is the nativeBinding one, also while an import runs', async () => {
    const page = desktop.page;
    await page.getByRole('button', { name: '데모 묶음 불러오기', exact: true }).click();
    await expect(
      page.getByRole('region', { name: /^가져오기 결과 \(신청 묶음 #\d+\)$/ }),
    ).toBeVisible({ timeout: 30_000 });
    const loaded = await desktop.app.evaluate(({ __standIn }) => __standIn.runtime.loadedAddons);
    expect(loaded.length).toBeGreaterThan(0);
    expect(new Set(loaded)).toEqual(new Set([desktop.app.nativeBinding]));
  });

  test('a file dialog is attached to the window that asked, not the focused one', async () => {
    const page = desktop.page;
    const asking = await desktop.app.evaluate(({ BrowserWindow }) => {
      const first = BrowserWindow.getAllWindows()[0]!;
      // Another window takes the focus, as a second window or a dialog of the OS would.
      const other = new BrowserWindow({
        show: true,
        webPreferences: { sandbox: true, contextIsolation: true },
      });
      other.focus();
      return { first: first.id, focused: BrowserWindow.getFocusedWindow()?.id ?? null };
    });
    expect(asking.focused).not.toBe(asking.first);
    await desktop.answerDialogs([null]);
    await page.getByRole('button', { name: '파일 가져오기', exact: true }).click();
    await page.getByRole('button', { name: '파일 선택…', exact: true }).click();
    await expect.poll(() => desktop.dialogOwners()).toEqual([asking.first]);
  });

  test('a crashed renderer is reloaded once; a second crash within a minute asks the person', async () => {
    // The stand-in cannot bring a crashed Chromium tab back (Playwright drops a crashed page),
    // so the crash is the event Electron sends main, raised on the real window's web contents.
    const page = desktop.page;
    const crash = (reason: string) =>
      desktop.app.evaluate(({ BrowserWindow }, why) => {
        const contents = BrowserWindow.getAllWindows()[0]!.webContents;
        contents.emit(
          'render-process-gone',
          { preventDefault() {} },
          { reason: why, exitCode: 139 },
        );
        return BrowserWindow.getAllWindows()[0]!.id;
      }, reason);
    const reloaded = page.waitForEvent('load');
    const windowId = await crash('crashed');
    await reloaded;
    await expect(
      page
        .getByRole('navigation', { name: '주 메뉴', exact: true })
        .getByRole('button', { name: '심사', exact: true }),
    ).toBeVisible();
    expect(desktop.app.dialogs.filter((d) => d.method === 'showMessageBox')).toEqual([]);

    await crash('clean-exit');
    const reloadedAgain = page.waitForEvent('load');
    await crash('oom');
    await expect
      .poll(() => desktop.app.dialogs.filter((d) => d.method === 'showMessageBox').length)
      .toBe(1);
    const asked = desktop.app.dialogs.find((d) => d.method === 'showMessageBox')!;
    expect(asked.windowId).toBe(windowId);
    expect(JSON.stringify(asked.options)).toContain('다시 불러오기');
    // Nobody is at the stand-in's screen: its message box answers with the first button (reload).
    await reloadedAgain;
    await expect(
      page
        .getByRole('navigation', { name: '주 메뉴', exact: true })
        .getByRole('button', { name: '심사', exact: true }),
    ).toBeVisible();
  });
});

test.describe('when it cannot start', () => {
  let temp: ReturnType<typeof makeTempDir>;
  test.beforeEach(() => {
    temp = makeTempDir('review-desk-boot-');
  });
  test.afterEach(() => temp.cleanup());

  async function endsWithErrorBox(app: StandInApp): Promise<string> {
    const { code } = await app.exited;
    expect(code, app.output()).not.toBe(0);
    expect(code).not.toBeNull();
    expect(app.errorBoxes, app.output()).toHaveLength(1);
    expect(app.windowsOpened).toEqual([]);
    return `${app.errorBoxes[0]!.title}\n${app.errorBoxes[0]!.content}`;
  }

  /** The database opens when the person unlocks it: what stops it is said at the unlock. */
  async function unlockRefusal(): Promise<string> {
    const desktop = await openDesktop({ workspaceDir: temp.dir, vault: 'stay' });
    try {
      const { page } = desktop;
      await page.getByTestId('vault-unlock-passphrase').fill(TEST_PASSPHRASE);
      await page.getByTestId('vault-unlock-submit').click();
      const refusal = page.getByTestId('vault-unlock-error');
      // A database another program holds answers after SQLite's busy timeout (5 s).
      await expect(refusal).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId('top-bar')).toHaveCount(0);
      return (await refusal.textContent()) ?? '';
    } finally {
      await desktop.close();
    }
  }

  test('a database from a newer version: the unlock says so and opens nothing', async () => {
    const workspace = openTestWorkspace(temp.dir, {});
    workspace.db.pragma('user_version = 999');
    workspace.db.close();
    const text = await unlockRefusal();
    expect(text).toContain('999');
    expect(text).toMatch(/newer|새 버전|최신/);
  });

  test('a database another process holds locked: the unlock says so and opens nothing', async () => {
    const workspace = openTestWorkspace(temp.dir, {});
    const holder = openRawDatabase(join(temp.dir, 'review-desk.db'), workspace.workspaceKey);
    workspace.db.close();
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      expect(await unlockRefusal()).toMatch(
        /Another program is using the workspace database|다른 프로그램/,
      );
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  test('the native addon is missing: the error box names the file it looked for', async () => {
    const app = await launchStandIn({
      env: { REVIEW_DESK_USER_DATA: temp.dir },
      withoutNativeAddon: true,
    });
    const text = await endsWithErrorBox(app);
    expect(text).toContain(app.nativeBinding);
  });

  test('a --workspace that is no workspace: an error box naming the folder', async () => {
    const missing = join(temp.dir, 'not-a-workspace');
    const app = await launchStandIn({
      args: [`--workspace=${missing}`],
      env: { REVIEW_DESK_USER_DATA: join(temp.dir, 'user-data') },
    });
    const text = await endsWithErrorBox(app);
    expect(text).toContain(missing);
  });
});

test('an installed app keeps DevTools off and loads the addon from its resources folder', async () => {
  const temp = makeTempDir('review-desk-packaged-');
  const app = await launchStandIn({ packaged: true, env: { REVIEW_DESK_USER_DATA: temp.dir } });
  try {
    // The database (and so the addon) opens once the workspace does.
    await passVaultGate(await app.firstWindow());
    const preferences = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.webContents.getLastWebPreferences(),
    );
    expect(preferences['devTools']).toBe(false);
    expect(app.nativeBinding).toContain(
      join('app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers'),
    );
    const loaded = await app.evaluate(({ __standIn }) => __standIn.runtime.loadedAddons);
    expect(new Set(loaded)).toEqual(new Set([app.nativeBinding]));
  } finally {
    await app.close();
    temp.cleanup();
  }
});

test('a second start focuses the first window and ends at once', async () => {
  const temp = makeTempDir('review-desk-single-');
  const env = { REVIEW_DESK_USER_DATA: temp.dir };
  const first = await launchStandIn({ env });
  try {
    await first.firstWindow();
    await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.minimize());
    const second = await launchStandIn({ env });
    const { code } = await second.exited;
    expect(code).toBe(0);
    expect(second.windowsOpened).toEqual([]);
    await expect
      .poll(() =>
        first.evaluate(({ BrowserWindow }) => {
          const window = BrowserWindow.getAllWindows()[0]!;
          return { minimized: window.isMinimized(), focused: window.isFocused() };
        }),
      )
      .toEqual({ minimized: false, focused: true });
  } finally {
    await first.close();
    temp.cleanup();
  }
});
