import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { encode } from '../codec';
import { toAppUrl, toPageUrl } from '../url-mapping';
import { app } from './app';
import { rendererRuntimeSource } from './renderer-source';
import { cancellableEvent, runtime } from './runtime';
import { mappedSchemes } from './session';

type WebPreferences = Record<string, unknown> & { preload?: string };
type WindowOpenHandler = (details: { url: string; frameName: string; features: string }) => {
  action: 'allow' | 'deny';
};

/** A frame as main sees it: the same object for the same frame, its URL in the app's terms. */
export class WebFrameMain {
  constructor(
    private readonly frame: Frame,
    readonly routingId: number,
  ) {}
  get url(): string {
    return toAppUrl(this.frame.url());
  }
  get name(): string {
    return this.frame.name();
  }
  isDestroyed(): boolean {
    return this.frame.isDetached();
  }
}

let nextContentsId = 1;
const contentsByPage = new Map<Page, WebContents>();

export class WebContents extends EventEmitter {
  readonly id = nextContentsId++;
  page: Page | null = null;
  windowOpenHandler: WindowOpenHandler | null = null;
  private readonly frames = new WeakMap<Frame, WebFrameMain>();
  private nextRoutingId = 1;
  private destroyed = false;
  /** Navigations main started itself (loadURL, reload): Electron emits no will-navigate for them. */
  private ownNavigation = false;

  constructor(readonly preferences: WebPreferences) {
    super();
  }

  getLastWebPreferences(): WebPreferences {
    return { ...this.preferences };
  }

  get mainFrame(): WebFrameMain | null {
    return this.page ? this.frameFor(this.page.mainFrame()) : null;
  }

  frameFor(frame: Frame): WebFrameMain {
    let main = this.frames.get(frame);
    if (!main) {
      main = new WebFrameMain(frame, this.nextRoutingId++);
      this.frames.set(frame, main);
    }
    return main;
  }

  getURL(): string {
    return this.page ? toAppUrl(this.page.url()) : '';
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** True once, for the main-frame navigation main itself started. */
  takeOwnNavigation(): boolean {
    const own = this.ownNavigation;
    this.ownNavigation = false;
    return own;
  }

  async loadURL(url: string): Promise<void> {
    const page = await pageOf(this);
    this.ownNavigation = true;
    await page.goto(toPageUrl(url, mappedSchemes()));
    this.emit('did-finish-load');
  }

  reload(): void {
    this.ownNavigation = true;
    void this.page?.reload().catch(() => undefined);
  }

  send(channel: string, ...args: unknown[]): void {
    if (!this.page || this.destroyed) return;
    void this.page
      .evaluate(
        ([key, name, payload]) => {
          const host = window as unknown as Record<
            symbol,
            { deliver?: (c: string, p: unknown) => void }
          >;
          host[Symbol.for(key)]?.deliver?.(name, payload);
        },
        ['electron-stand-in', channel, encode(args)] as const,
      )
      .catch(() => undefined);
  }

  /** Records the wish; there is no DevTools window here. Refused where devTools is off. */
  devToolsOpened = false;
  openDevTools(): void {
    if (this.preferences['devTools'] !== false) this.devToolsOpened = true;
  }

  isDevToolsOpened(): boolean {
    return this.devToolsOpened;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  markDestroyed(): void {
    this.destroyed = true;
    if (this.page) contentsByPage.delete(this.page);
  }
}

export function contentsOf(page: Page): WebContents | undefined {
  return contentsByPage.get(page);
}

const pages = new WeakMap<WebContents, Promise<Page>>();
function pageOf(contents: WebContents): Promise<Page> {
  const page = pages.get(contents);
  if (!page) throw new Error('this web contents has no page');
  return page;
}

/** The window that has focus, by id (Electron's getFocusedWindow). */
let focusedId: number | null = null;
const windows = new Set<BrowserWindow>();

/**
 * A BrowserWindow is a page of the stand-in's Chromium, sized as the window. Its preload runs
 * in the page before the page's scripts (renderer-runtime.ts says what that does not model).
 */
export class BrowserWindow extends EventEmitter {
  private static nextId = 1;
  readonly id = BrowserWindow.nextId++;
  readonly webContents: WebContents;
  private visible: boolean;
  private minimized = false;

  constructor(
    options: {
      width?: number;
      height?: number;
      show?: boolean;
      webPreferences?: WebPreferences;
    } = {},
  ) {
    super();
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    const preferences: WebPreferences = {
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: app.sandboxEnabled || options.webPreferences?.['sandbox'] === true,
      webSecurity: true,
      ...options.webPreferences,
    };
    if (app.sandboxEnabled) preferences['sandbox'] = true;
    if (
      preferences['nodeIntegration'] ||
      !preferences['contextIsolation'] ||
      !preferences['sandbox']
    ) {
      // The stand-in runs preloads the way a sandboxed, isolated renderer does, and no other.
      throw new Error(
        'the Electron stand-in models only sandboxed, context-isolated windows without Node',
      );
    }
    this.webContents = new WebContents(preferences);
    this.visible = options.show !== false;
    windows.add(this);
    focusedId = this.id;
    runtime.report({ type: 'window', id: this.id });
    app.emit('web-contents-created', cancellableEvent({}), this.webContents);
    app.emit('browser-window-created', cancellableEvent({}), this);
    pages.set(this.webContents, this.openPage(options.width ?? 800, options.height ?? 600));
  }

  private async openPage(width: number, height: number): Promise<Page> {
    const context = runtime.context!;
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    const preload = this.webContents.preferences.preload;
    if (preload) {
      const source = readFileSync(preload, 'utf8');
      await page.addInitScript({ content: preloadScript(source) });
    }
    this.webContents.page = page;
    contentsByPage.set(page, this.webContents);
    page.on('crash', () =>
      this.webContents.emit('render-process-gone', cancellableEvent({}), {
        reason: 'crashed',
        exitCode: 139,
      }),
    );
    page.on('load', () => {
      if (!this.shownOnce) {
        this.shownOnce = true;
        this.emit('ready-to-show');
      }
    });
    page.on('close', () => this.closed());
    return page;
  }

  private shownOnce = false;

  static getAllWindows(): BrowserWindow[] {
    return [...windows];
  }

  static getFocusedWindow(): BrowserWindow | null {
    return focusedId === null ? null : BrowserWindow.fromId(focusedId);
  }

  static fromWebContents(contents: WebContents): BrowserWindow | null {
    return [...windows].find((window) => window.webContents === contents) ?? null;
  }

  static fromId(id: number): BrowserWindow | null {
    return [...windows].find((window) => window.id === id) ?? null;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.visible = true;
    this.focus();
  }

  hide(): void {
    this.visible = false;
  }

  isVisible(): boolean {
    return this.visible;
  }

  focus(): void {
    focusedId = this.id;
    this.minimized = false;
    void this.webContents.page?.bringToFront().catch(() => undefined);
    this.emit('focus');
  }

  isFocused(): boolean {
    return focusedId === this.id;
  }

  minimize(): void {
    this.minimized = true;
    if (focusedId === this.id) focusedId = null;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }

  isDestroyed(): boolean {
    return this.webContents.isDestroyed();
  }

  close(): void {
    const event = cancellableEvent({});
    this.emit('close', event);
    if (!event.defaultPrevented) void this.webContents.page?.close();
  }

  destroy(): void {
    void this.webContents.page?.close();
  }

  private closed(): void {
    if (this.webContents.isDestroyed()) return;
    this.webContents.markDestroyed();
    windows.delete(this);
    if (focusedId === this.id) focusedId = null;
    this.emit('closed');
    this.webContents.emit('destroyed');
    if (windows.size === 0 && !app.isEnding()) {
      // Electron quits when the last window closes unless main listens for this event.
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
      else app.quit();
    }
  }
}

/** The page's init script: the renderer runtime, then the preload with its sandboxed require. */
function preloadScript(preloadSource: string): string {
  return `(() => {
  const require = (${rendererRuntimeSource()})();
  if (!require) return;
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  }).call(module.exports, require, module, module.exports);
})();`;
}

/** app.quit closes every window first. */
app.closeAllWindows = async () => {
  await Promise.all([...windows].map((window) => window.webContents.page?.close()));
};
