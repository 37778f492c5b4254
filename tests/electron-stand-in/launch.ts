import { build } from 'esbuild';
import { fork, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { electronNativeBindingPath } from '../../src/main/app/native-binding';
import type * as StandInModule from './electron/index';
import type { Report, StandInOptions } from './electron/runtime';

/**
 * Starts the app's BUILT main bundle (out/main/index.js) as Electron would, under Node with
 * the stand-in for Electron's API, and attaches to its windows over DevTools, as Playwright's
 * _electron does with the real app. The shape follows Playwright's ElectronApplication
 * (firstWindow, windows, evaluate, close, process) so specs read the same either way.
 */
export const ROOT = join(import.meta.dirname, '../..');
/** Per test process: a run that starts while another is going must not rebuild under it. */
const OUT_DIR = join(ROOT, 'node_modules', '.cache', 'electron-stand-in', String(process.pid));

export type StandInElectron = typeof StandInModule;

export interface LaunchOptions {
  /** Arguments after the app folder, e.g. --workspace=<dir>. */
  args?: string[];
  /** Added to this process's environment. */
  env?: Record<string, string | undefined>;
  /** Run as an installed app: app.isPackaged true, the addon found under resourcesPath. */
  packaged?: boolean;
  /** The OS keychain safeStorage reports on Linux ('basic_text': none). */
  keychainBackend?: string;
  /** Leave the native addon out, as a broken install would. */
  withoutNativeAddon?: boolean;
}

let built: Promise<string> | null = null;

/** Compiles the stand-in (TypeScript) once per test process into node_modules/.cache. */
function buildStandIn(): Promise<string> {
  built ??= (async () => {
    const renderer = await build({
      entryPoints: [join(import.meta.dirname, 'page/renderer-runtime.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: '__electronStandInRenderer',
      target: 'chrome120',
    });
    rmSync(OUT_DIR, { recursive: true, force: true });
    await build({
      entryPoints: {
        host: join(import.meta.dirname, 'host.ts'),
        electron: join(import.meta.dirname, 'electron/index.ts'),
        'resolve-hook': join(import.meta.dirname, 'resolve-hook.ts'),
      },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      outdir: OUT_DIR,
      define: { __RENDERER_RUNTIME_IIFE__: JSON.stringify(renderer.outputFiles[0]!.text) },
    });
    process.once('exit', () => rmSync(OUT_DIR, { recursive: true, force: true }));
    return join(OUT_DIR, 'host.js');
  })();
  return built;
}

function electronVersion(): string {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
}

/**
 * Main loads better-sqlite3 from the path it computes for this runtime. Under the stand-in the
 * runtime is Node, so Node's own build goes there: its folder names Node's ABI, never the one
 * `npm start` fills for the real Electron.
 */
function placeNativeAddon(resourcesPath: string, packaged: boolean): string {
  const nodeBuild = join(
    ROOT,
    'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
  );
  const betterSqlite3Version = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/better-sqlite3-multiple-ciphers/package.json'), 'utf8'),
  ).version;
  const target = packaged
    ? join(
        resourcesPath,
        'app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
      )
    : electronNativeBindingPath(ROOT, {
        betterSqlite3Version,
        electronVersion: electronVersion(),
        abi: process.versions.modules,
        platform: process.platform,
        arch: process.arch,
      });
  mkdirSync(dirname(target), { recursive: true });
  // Never write over a file a running app has loaded (another test's app may be using it):
  // a changed or missing copy is written beside it and renamed into place.
  if (!sameBytes(nodeBuild, target)) {
    const partial = `${target}.${process.pid}.partial`;
    copyFileSync(nodeBuild, partial);
    renameSync(partial, target);
  }
  return target;
}

function sameBytes(a: string, b: string): boolean {
  return existsSync(b) && readFileSync(a).equals(readFileSync(b));
}

export interface StandInApp {
  /** The addon main should load (its nativeBinding path). */
  nativeBinding: string;
  errorBoxes: { title: string; content: string }[];
  /** The ids of the BrowserWindows main made, in order, even after the app ended. */
  windowsOpened: number[];
  dialogs: { method: string; windowId: number | null; options: unknown }[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  process(): ChildProcess;
  output(): string;
  firstWindow(): Promise<Page>;
  windows(): Page[];
  evaluate<R, A = undefined>(
    fn: (electron: StandInElectron, arg: A) => R | Promise<R>,
    arg?: A,
  ): Promise<R>;
  close(): Promise<void>;
}

export async function launchStandIn(options: LaunchOptions = {}): Promise<StandInApp> {
  const host = await buildStandIn();
  const scratch = mkdtempSync(join(tmpdir(), 'electron-stand-in-'));
  const resourcesPath = join(scratch, 'resources');
  const nativeBinding = placeNativeAddon(resourcesPath, options.packaged ?? false);
  if (options.withoutNativeAddon) rmSync(nativeBinding);
  const standIn: StandInOptions = {
    appPath: ROOT,
    args: options.args ?? [],
    packaged: options.packaged ?? false,
    resourcesPath,
    electronVersion: electronVersion(),
    keychainBackend: options.keychainBackend ?? 'basic_text',
    headless: !process.env['STAND_IN_HEADED'],
    locale: 'ko-KR',
  };
  const child = fork(host, [], {
    cwd: ROOT,
    env: {
      ...process.env,
      // Never the person's own ~/.config: a test that forgets its user-data folder writes here.
      XDG_CONFIG_HOME: join(scratch, 'config'),
      ...options.env,
      ELECTRON_STAND_IN_OPTIONS: JSON.stringify(standIn),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close', not 'exit': by then stdout, stderr and every IPC message have arrived.
    child.once('close', (code, signal) => {
      rmSync(scratch, { recursive: true, force: true });
      resolve({ code, signal });
    }),
  );
  const errorBoxes: StandInApp['errorBoxes'] = [];
  const dialogs: StandInApp['dialogs'] = [];
  const windowsOpened: number[] = [];
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let port: (value: number) => void;
  const portKnown = new Promise<number>((resolve) => (port = resolve));
  child.on(
    'message',
    (
      message:
        Report | { type: 'result'; id: number; ok: boolean; value?: unknown; error?: string },
    ) => {
      if (message.type === 'cdp') port(message.port);
      else if (message.type === 'error-box')
        errorBoxes.push({ title: message.title, content: message.content });
      else if (message.type === 'dialog') dialogs.push(message);
      else if (message.type === 'window') windowsOpened.push(message.id);
      else if (message.type === 'result') {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) waiter?.resolve(message.value);
        else waiter?.reject(new Error(message.error));
      }
    },
  );
  const cdpPort = await Promise.race([
    portKnown,
    exited.then(({ code }) => {
      throw new Error(`the stand-in ended (code ${code}) before Chromium started:\n${output}`);
    }),
  ]);
  // An app that ends at once (a second instance, a failed start) may close Chromium first.
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const browser: Browser | null = await Promise.race([
    chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`).catch((error: Error) => {
      if (ended()) return null;
      throw error;
    }),
    exited.then(() => null),
  ]);
  const context = browser?.contexts()[0] ?? null;
  let nextId = 1;

  return {
    nativeBinding,
    errorBoxes,
    windowsOpened,
    dialogs,
    exited,
    process: () => child,
    output: () => output,
    windows: () => (child.exitCode === null && context ? context.pages() : []),
    async firstWindow() {
      if (!context) throw new Error(`the app ended before it opened a window:\n${output}`);
      const page = context.pages()[0] ?? (await context.waitForEvent('page', { timeout: 15_000 }));
      if (page.url() === 'about:blank') await page.waitForURL((url) => url.href !== 'about:blank');
      await page.waitForLoadState('domcontentloaded');
      return page;
    },
    evaluate(fn, arg) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ type: 'evaluate', id, source: fn.toString(), arg });
      });
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.send({ type: 'quit' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      await browser?.close().catch(() => undefined);
    },
  };
}
