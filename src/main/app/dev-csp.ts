import { createHash } from 'node:crypto';
import { contentSecurityPolicy } from './security';

/**
 * `npm run dev` only: the page comes from Vite's dev server, which needs three things the built
 * app's policy refuses. The React Fast Refresh preamble is an inline module script (admitted by
 * its sha256, nothing else inline); hot-updated CSS arrives as <style> elements written by
 * script ('unsafe-inline' for styles, which only works with no nonce in the policy, so the dev
 * policy has none); and the hot-reload websocket goes back to the dev server ('self' covers
 * ws: to the page's own host and port). Nothing remote is admitted. electron.vite.config.ts
 * applies it to the served index.html; the built app keeps contentSecurityPolicy().
 */
export function devContentSecurityPolicy(inlineScriptHashes: readonly string[]): string {
  return contentSecurityPolicy(null)
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .map((directive) => {
      if (directive === "script-src 'self'")
        return [directive, ...inlineScriptHashes.map((hash) => `'${hash}'`)].join(' ');
      if (directive === "style-src 'self'") return "style-src 'self' 'unsafe-inline'";
      return directive;
    })
    .join('; ');
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const CSP_META = /[ \t]*<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>\n?/i;
const HEAD = /<head\b[^>]*>/i;

/** sha256-<base64> of every inline script in the page, as CSP hashes them (the exact text). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    hashes.push(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
  }
  return hashes;
}

/**
 * The dev server's index.html with the dev policy in place of its meta CSP, moved to the top of
 * <head>: a meta policy governs only what comes after it, and Vite puts the preamble and its
 * client script first, so left where it was the policy would not cover them.
 */
export function withDevContentSecurityPolicy(html: string): string {
  if (!CSP_META.test(html) || !HEAD.test(html))
    throw new Error('index.html has no <head> with a Content-Security-Policy meta tag');
  const policy = devContentSecurityPolicy(inlineScriptHashes(html));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  return html.replace(CSP_META, '').replace(HEAD, (head) => `${head}\n    ${meta}`);
}
