import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  devContentSecurityPolicy,
  inlineScriptHashes,
  withDevContentSecurityPolicy,
} from '../../../src/main/app/dev-csp';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/app/security';

const INDEX_HTML = readFileSync(
  join(import.meta.dirname, '../../../src/renderer/index.html'),
  'utf8',
);

/** What Vite's dev server and @vitejs/plugin-react put at the top of <head> before our hook. */
const PREAMBLE = `import { injectIntoGlobalHook } from "/@react-refresh";
injectIntoGlobalHook(window);
window.$RefreshReg$ = () => {};
window.$RefreshSig$ = () => (type) => type;`;
const SERVED = INDEX_HTML.replace(
  '<head>',
  `<head>\n    <script type="module">${PREAMBLE}</script>\n\n    <script type="module" src="/@vite/client"></script>\n`,
);

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
const directive = (policy: string, name: string) =>
  policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('the dev server page’s CSP', () => {
  it('admits the Fast Refresh preamble by its hash, and no other inline script', () => {
    expect(inlineScriptHashes(SERVED)).toEqual([sha256(PREAMBLE)]);
    const policy = devContentSecurityPolicy([sha256(PREAMBLE)]);
    expect(directive(policy, 'script-src')).toBe(`script-src 'self' '${sha256(PREAMBLE)}'`);
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(directive(policy, 'script-src')).not.toMatch(/unsafe-inline/);
  });

  it('admits inline styles (hot-updated CSS) with no nonce beside them, which would void it', () => {
    const policy = devContentSecurityPolicy([]);
    expect(directive(policy, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(policy).not.toMatch(/nonce-/);
  });

  it('admits nothing remote: the websocket goes to the page’s own origin', () => {
    const policy = devContentSecurityPolicy([sha256(PREAMBLE)]);
    expect(policy).not.toMatch(/https?:|wss?:|\*/);
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self'");
    expect(policy).toContain("default-src 'none'");
  });

  it('is the built app’s policy otherwise', () => {
    const built = CONTENT_SECURITY_POLICY.split('; ').filter(
      (d) => !/^(script-src|style-src|frame-ancestors) /.test(d),
    );
    const dev = devContentSecurityPolicy([]).split('; ');
    for (const d of built) expect(dev).toContain(d);
  });

  it('replaces the meta tag and moves it before the first script, so it covers them', () => {
    const html = withDevContentSecurityPolicy(SERVED);
    const metas = html.match(/http-equiv="Content-Security-Policy"/g) ?? [];
    expect(metas).toHaveLength(1);
    const metaAt = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(metaAt).toBeLessThan(html.indexOf('<script'));
    expect(html).toContain(`content="${devContentSecurityPolicy([sha256(PREAMBLE)])}"`);
    // Everything else of the page is still there.
    expect(html).toContain('<meta name="style-nonce"');
    expect(html).toContain(PREAMBLE);
    expect(html).toContain('<div id="root"></div>');
  });

  it('stops the dev server when index.html lost its CSP meta tag', () => {
    expect(() => withDevContentSecurityPolicy('<html><head></head></html>')).toThrow(/meta/);
  });
});
