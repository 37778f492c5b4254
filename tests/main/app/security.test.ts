import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  isLocalRequest,
  newStyleNonce,
  STYLE_NONCE_PLACEHOLDER,
  withStyleNonce,
} from '../../../src/main/app/security';
import { originOf, trustOrigins } from '../../../src/main/ipc/sender';

describe('network lock', () => {
  it.each([
    ['app://review-desk/index.html', true],
    ['blob:app://review-desk/2b7c', true],
    ['data:image/png;base64,AAAA', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['https://fonts.googleapis.com/css', false],
    ['http://localhost:5173/', false],
    ['file:///etc/passwd', false],
    ['ws://127.0.0.1:9000', false],
    ['garbage', false],
  ])('%s is local: %s', (url, local) => {
    expect(isLocalRequest(url, null)).toBe(local);
  });

  it('lets only the dev server through in development, over http and its websocket', () => {
    expect(isLocalRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(
      true,
    );
    expect(isLocalRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isLocalRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows no remote origin and no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-inline|unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });

  it('the renderer page carries the same policy in its meta tag', () => {
    const html = readFileSync(
      join(import.meta.dirname, '../../../src/renderer/index.html'),
      'utf8',
    );
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    // frame-ancestors is ignored in a meta tag, so only the header carries it.
    const header = contentSecurityPolicy(STYLE_NONCE_PLACEHOLDER);
    expect(meta).toBe(header.replace("; frame-ancestors 'none'", ''));
  });

  it('admits inline styles only with the nonce of this page load, fresh every time', () => {
    const nonce = newStyleNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newStyleNonce()).not.toBe(nonce);
    const policy = contentSecurityPolicy(nonce);
    expect(policy).toContain(`style-src 'self' 'nonce-${nonce}'`);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    // Every response but the page itself gets the policy without any nonce.
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self';");
    const html = withStyleNonce(
      readFileSync(join(import.meta.dirname, '../../../src/renderer/index.html'), 'utf8'),
      nonce,
    );
    expect(html).not.toContain(STYLE_NONCE_PLACEHOLDER);
    expect(html).toContain(`<meta name="style-nonce" content="${nonce}" />`);
  });
});

describe('IPC sender trust', () => {
  it('compares custom-scheme origins, which Node reports as "null"', () => {
    expect(new URL('app://review-desk/x').origin).toBe('null');
    expect(originOf('app://review-desk/index.html')).toBe('app://review-desk');
    expect(originOf('app://evil/index.html')).toBe('app://evil');
    const trust = trustOrigins(['app://review-desk']);
    expect(
      trust({ frameUrl: 'app://review-desk/index.html', isMainFrame: true, isOwnWindow: true }),
    ).toBe(true);
    expect(trust({ frameUrl: 'app://evil/index.html', isMainFrame: true, isOwnWindow: true })).toBe(
      false,
    );
  });
});
