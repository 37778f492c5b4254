import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { lockDownContents } from '../../../src/main/app/security';
import { mainWindowOptions } from '../../../src/main/app/window-options';
import { originOf } from '../../../src/main/ipc/sender';

/** Just enough of a WebContents: Electron's events, and the window-open handler it was given. */
class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

/** Emits an event the way Electron does and says whether a listener refused it. */
function refused(contents: FakeContents, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  const event = { preventDefault: () => (prevented = true) };
  contents.emit(name, event, ...args);
  return prevented;
}

const isOwnUrl = (url: string) => originOf(url) === 'app://review-desk';

function locked(): FakeContents {
  const contents = new FakeContents();
  lockDownContents(contents as unknown as WebContents, isOwnUrl);
  return contents;
}

describe('navigation lock on every web contents', () => {
  it.each([
    ['https://example.com/'],
    ['file:///etc/passwd'],
    ['app://elsewhere/index.html'],
    ['about:blank'],
    ['javascript:alert(1)'],
  ])('refuses navigating the page, a redirect or any frame to %s', (url) => {
    const contents = locked();
    expect(refused(contents, 'will-navigate', url)).toBe(true);
    expect(refused(contents, 'will-redirect', url)).toBe(true);
    // will-frame-navigate carries its details on the event itself, main frame or subframe.
    for (const isMainFrame of [true, false]) {
      let prevented = false;
      contents.emit('will-frame-navigate', {
        url,
        isMainFrame,
        preventDefault: () => (prevented = true),
      });
      expect(prevented).toBe(true);
    }
  });

  it('lets our own pages through', () => {
    const contents = locked();
    const url = 'app://review-desk/index.html';
    expect(refused(contents, 'will-navigate', url)).toBe(false);
    expect(refused(contents, 'will-redirect', url)).toBe(false);
    let prevented = false;
    contents.emit('will-frame-navigate', { url, preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
  });

  it('refuses webviews and every new window', () => {
    const contents = locked();
    expect(refused(contents, 'will-attach-webview', {}, {})).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'app://review-desk/index.html' })).toEqual({
      action: 'deny',
    });
  });
});

describe('the main window’s settings', () => {
  it('an isolated, sandboxed page without Node or webviews', () => {
    const prefs = mainWindowOptions('/out/preload/index.cjs', { devTools: false }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('DevTools only when the app is not packaged', () => {
    expect(mainWindowOptions('/p', { devTools: false }).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p', { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('hidden until its first paint', () => {
    expect(mainWindowOptions('/p', { devTools: false }).show).toBe(false);
  });
});
