import { randomBytes } from 'node:crypto';
import type { Session, WebContents } from 'electron';

/**
 * index.html carries this where the page's style nonce goes (its CSP meta tag and the meta tag
 * the renderer reads); the app protocol swaps in a fresh nonce for every load.
 */
export const STYLE_NONCE_PLACEHOLDER = '__STYLE_NONCE__';

/** 128 random bits per page load: a nonce that could be guessed would be no lock at all. */
export function newStyleNonce(): string {
  return randomBytes(16).toString('base64');
}

export function withStyleNonce(html: string, nonce: string): string {
  return html.replaceAll(STYLE_NONCE_PLACEHOLDER, nonce);
}

/**
 * The renderer's Content Security Policy: our own scripts and styles only, images and
 * evidence from blob: URLs, no remote origin of any kind, no plugins, no framing. The review
 * grid (AG Grid's theming API) writes its theme into <style> elements; those carry the page's
 * nonce, which is the only inline style the policy admits.
 */
export function contentSecurityPolicy(styleNonce: string | null): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    styleNonce === null ? "style-src 'self'" : `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** For every response that does not bring its own (index.html brings one with its nonce). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(null);

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
    const hasOwn = Object.keys(headers).some(
      (name) => name.toLowerCase() === 'content-security-policy',
    );
    if (devServerOrigin === null && !hasOwn)
      headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Every web contents may show only our own pages: no navigation away, in the main frame or any
 * subframe (will-frame-navigate), no redirect away, no new windows, no webviews.
 */
export function lockDownContents(contents: WebContents, isOwnUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isOwnUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
