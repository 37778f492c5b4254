import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  newStyleNonce,
  withStyleNonce,
} from './security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'review-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const PAGE = 'index.html';

/**
 * Media types by extension, decided here rather than by the OS: Chromium's file:// answers
 * from the platform's registry, and a Windows registry that maps .js to text/plain breaks
 * every module script. Anything unknown is served as bytes nobody should run.
 */
const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker: a module worker is refused unless served as JavaScript.
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return MEDIA_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file system as the handler uses it; tests may hand in their own. */
export interface RendererFiles {
  readFile(file: string): Promise<Uint8Array>;
  /**
   * Whether the path is a regular file and what identifies it on its volume (device and inode),
   * following links; rejects as fs.stat does. id is null where the volume has no inode numbers.
   */
  identify(file: string): Promise<{ isFile: boolean; id: string | null }>;
}

export const NODE_FILES: RendererFiles = {
  readFile: (file) => readFile(file),
  identify: async (file) => {
    const stats = await stat(file, { bigint: true });
    return { isFile: stats.isFile(), id: stats.ino === 0n ? null : `${stats.dev}:${stats.ino}` };
  },
};

function answer(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** What a failed file lookup means to the page: not there (404), not ours to read (403). */
function fsFailure(error: unknown): Response {
  const code = (error as { code?: unknown }).code;
  if (['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'EINVAL'].includes(String(code)))
    return answer(404, 'not found');
  if (code === 'EACCES' || code === 'EPERM') return answer(403, 'forbidden');
  return answer(500, 'could not read the file');
}

/**
 * The app:// protocol's handler: serves the built renderer from rendererDir, and nothing else.
 * Every response carries the CSP header. The page itself (any path that reaches index.html:
 * another letter case on a case-insensitive disk, a link, a Windows alias) gets a fresh style
 * nonce in its header and meta tags; everything else gets the policy without a nonce. A
 * malformed escape answers 400, another host or a missing file 404, a path outside the folder
 * 403. Files are read with fs, not net.fetch(file://): the media types above do not depend on
 * the OS, and the handler runs under plain Node in tests.
 */
export function rendererRequestHandler(
  rendererDir: string,
  files: RendererFiles = NODE_FILES,
): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  const pageFile = join(root, PAGE);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return answer(400, 'bad request');
    }
    // Chromium lower-cases a standard scheme's host; Node's URL keeps it as written.
    if (url.host.toLowerCase() !== APP_HOST) return answer(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return answer(405, 'method not allowed');
    let wanted: string;
    try {
      wanted = decodeURIComponent(url.pathname);
    } catch {
      return answer(400, 'malformed percent-encoding');
    }
    if (wanted.includes('\0')) return answer(400, 'bad request');
    // A backslash separates folders on Windows; treated so everywhere, every OS answers alike.
    const file = resolve(root, wanted.replaceAll('\\', '/').replace(/^\/+/, '') || PAGE);
    const inside = relative(root, file);
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
      return answer(403, 'forbidden');
    let found: { isFile: boolean; id: string | null };
    try {
      found = await files.identify(file);
    } catch (error) {
      return fsFailure(error);
    }
    if (!found.isFile) return answer(404, 'not found');
    const isPage =
      inside.toLowerCase() === PAGE ||
      (found.id !== null &&
        found.id ===
          (await files.identify(pageFile).then(
            (page) => page.id,
            () => null,
          )));
    const head = request.method === 'HEAD';
    try {
      if (isPage) {
        const nonce = newStyleNonce();
        const html = withStyleNonce(
          Buffer.from(await files.readFile(file)).toString('utf8'),
          nonce,
        );
        return new Response(head ? null : html, {
          headers: {
            'Content-Security-Policy': contentSecurityPolicy(nonce),
            'Content-Type': MEDIA_TYPES['.html']!,
            'X-Content-Type-Options': 'nosniff',
            // A page with this load's nonce in it must never be answered from a cache.
            'Cache-Control': 'no-store',
          },
        });
      }
      const bytes = await files.readFile(file);
      return new Response(head ? null : bytes, {
        headers: {
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'Content-Type': contentTypeOf(file),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch (error) {
      return fsFailure(error);
    }
  };
}
