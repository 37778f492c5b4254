import type { Session, WebContents } from 'electron';

/**
 * The renderer's Content Security Policy: our own scripts and styles only, images and
 * evidence from blob: URLs, no remote origin of any kind, no plugins, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Schemes that never leave the machine. The dev server (localhost) is added in dev only. */
const LOCAL_SCHEMES = new Set(['app:', 'blob:', 'data:', 'devtools:', 'chrome-extension:']);

export function isLocalRequest(url: string, devServerOrigin: string | null): boolean {
  try {
    const parsed = new URL(url);
    if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
    if (devServerOrigin === null) return false;
    const dev = new URL(devServerOrigin);
    // Vite's hot reload talks over a websocket on the same host and port.
    return parsed.host === dev.host && ['http:', 'ws:'].includes(parsed.protocol);
  } catch {
    return false;
  }
}

/** No network, no permissions, CSP on every response: applied once to the app's session. */
export function lockDownSession(session: Session, devServerOrigin: string | null): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isLocalRequest(details.url, devServerOrigin) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (devServerOrigin === null) headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Every web contents may show only our own pages: no navigation away, no new windows, no webviews. */
export function lockDownContents(contents: WebContents, isOwnUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
