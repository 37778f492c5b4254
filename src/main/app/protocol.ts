import { net, protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy, newStyleNonce, withStyleNonce } from './security';
import { join, normalize, relative, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://review-desk`;

/** Must run before the app is ready: a standard, secure scheme gives the renderer a real origin for CSP 'self'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from disk; nothing outside its folder can be reached. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const { host, pathname } = new URL(request.url);
    if (host !== 'review-desk') return new Response('not found', { status: 404 });
    const wanted = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = normalize(join(rendererDir, wanted));
    const inside = relative(rendererDir, file);
    if (inside.startsWith('..') || isAbsolute(inside))
      return new Response('forbidden', { status: 403 });
    if (inside === 'index.html') return servePage(file);
    return net.fetch(pathToFileURL(file).toString());
  });
}

/** The page itself, with a style nonce of its own in both the header and the meta CSP. */
async function servePage(file: string): Promise<Response> {
  const nonce = newStyleNonce();
  const html = withStyleNonce(await readFile(file, 'utf8'), nonce);
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(nonce),
    },
  });
}
