import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  NODE_FILES,
  rendererRequestHandler,
  type RendererFiles,
} from '../../../src/main/app/renderer-handler';
import { CONTENT_SECURITY_POLICY, STYLE_NONCE_PLACEHOLDER } from '../../../src/main/app/security';
import { makeTempDir } from '../../helpers/temp-workspace';

const PAGE = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="style-src 'self' 'nonce-${STYLE_NONCE_PLACEHOLDER}'" /><meta name="style-nonce" content="${STYLE_NONCE_PLACEHOLDER}" /></head><body></body></html>`;

let root: string;
let rendererDir: string;
let cleanup: () => void;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  ({ dir: root, cleanup } = makeTempDir('renderer-handler-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), PAGE);
  for (const name of [
    'app.js',
    'pdf.worker.mjs',
    'app.css',
    'icon.svg',
    'icon.png',
    'font.woff2',
    'data.json',
    'module.wasm',
    'cmap.bcmap',
    'UPPER.JS',
  ])
    writeFileSync(join(rendererDir, 'assets', name), `content of ${name}`);
  // The page under other names, as a case-insensitive disk or a link would reach it.
  linkSync(join(rendererDir, 'index.html'), join(rendererDir, 'alias.html'));
  symlinkSync(join(rendererDir, 'index.html'), join(rendererDir, 'assets', 'page-link'));
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  handle = rendererRequestHandler(rendererDir);
});
afterAll(() => cleanup());

/**
 * A disk that ignores letter case and a trailing dot, as NTFS does (APFS ignores case too):
 * each path is looked up under the name the file really has in the test folder.
 */
const caseless: RendererFiles = {
  readFile: (file) => NODE_FILES.readFile(onDisk(file)),
  identify: (file) => NODE_FILES.identify(onDisk(file)),
};
function onDisk(file: string): string {
  const inside = file.slice(rendererDir.length).replace(/\.$/, '');
  const real = ['/index.html', '/assets', '/assets/app.js'].find(
    (name) => name.toLowerCase() === inside.toLowerCase(),
  );
  return rendererDir + (real ?? inside);
}

const get = (path: string, init?: RequestInit) => handle(new Request(`${APP_ORIGIN}${path}`, init));

function nonceOf(response: Response): string {
  const csp = response.headers.get('Content-Security-Policy') ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeDefined();
  return nonce!;
}

async function expectPage(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('Cache-Control')).toBe('no-store');
  const nonce = nonceOf(response);
  const html = await response.text();
  expect(html).not.toContain(STYLE_NONCE_PLACEHOLDER);
  expect(html).toContain(`<meta name="style-nonce" content="${nonce}" />`);
  expect(html).toContain(`'nonce-${nonce}'`);
  return nonce;
}

describe('app:// serves the renderer', () => {
  it('the page at / and /index.html with a fresh nonce in header and meta tags', async () => {
    const first = await expectPage(await get('/'));
    const second = await expectPage(await get('/index.html'));
    expect(second).not.toBe(first);
    await expectPage(await handle(new Request(APP_ORIGIN)));
  });

  it('the page under any letter case, or any other name that reaches it, gets the nonce too', async () => {
    await expectPage(await get('/alias.html')); // a hard link: same file on disk
    await expectPage(await get('/assets/page-link')); // a symbolic link
    await expectPage(await get('/assets/../index.html'));
    await expectPage(await get('//index.html'));
  });

  it('a case-insensitive disk (Windows, macOS): the same file under another case is the page', async () => {
    const onWindows = rendererRequestHandler(rendererDir, caseless);
    for (const path of ['/INDEX.HTML', '/Index.Html', '/ASSETS/../index.HTML']) {
      await expectPage(await onWindows(new Request(`${APP_ORIGIN}${path}`)));
    }
    // Windows drops a trailing dot: the name differs, the file is the page.
    await expectPage(await onWindows(new Request(`${APP_ORIGIN}/index.html.`)));
    const script = await onWindows(new Request(`${APP_ORIGIN}/assets/APP.JS`));
    expect(script.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('a volume without inode numbers still matches the page by name, and nothing else', async () => {
    const fat: RendererFiles = {
      readFile: caseless.readFile,
      identify: async (file) => ({ ...(await caseless.identify(file)), id: null }),
    };
    const onFat = rendererRequestHandler(rendererDir, fat);
    await expectPage(await onFat(new Request(`${APP_ORIGIN}/INDEX.HTML`)));
    const script = await onFat(new Request(`${APP_ORIGIN}/assets/app.js`));
    expect(script.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/pdf.worker.mjs', 'text/javascript; charset=utf-8'],
    ['/assets/UPPER.JS', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/assets/icon.svg', 'image/svg+xml'],
    ['/assets/icon.png', 'image/png'],
    ['/assets/font.woff2', 'font/woff2'],
    ['/assets/data.json', 'application/json'],
    ['/assets/module.wasm', 'application/wasm'],
    ['/assets/cmap.bcmap', 'application/octet-stream'],
  ])('%s as %s, with the policy that has no nonce', async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toBe(`content of ${path.split('/').pop()}`);
  });

  it('HEAD answers the headers without a body', async () => {
    const response = await get('/assets/app.js', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('');
  });
});

describe('app:// refuses everything else, with the CSP header on every answer', () => {
  it.each([
    ['a malformed percent-encoding', `${APP_ORIGIN}/assets/%E0%A4%A`, 400],
    ['a NUL byte', `${APP_ORIGIN}/assets/app.js%00.png`, 400],
    ['a missing file', `${APP_ORIGIN}/assets/nope.js`, 404],
    ['a folder', `${APP_ORIGIN}/assets`, 404],
    ['a file below a file', `${APP_ORIGIN}/assets/app.js/x`, 404],
    ['another host', 'app://elsewhere/index.html', 404],
    ['our host on another port', 'app://review-desk:8080/index.html', 404],
    ['an encoded way out of the folder', `${APP_ORIGIN}/..%2Fsecret.txt`, 403],
    ['an encoded way out, deeper', `${APP_ORIGIN}/assets/..%2F..%2Fsecret.txt`, 403],
    ['an encoded backslash way out', `${APP_ORIGIN}/..%5Csecret.txt`, 403],
    ['an absolute path', `${APP_ORIGIN}/%2Fetc%2Fpasswd`, 404],
  ])('%s: %s answers %i', async (_what, url, status) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('outside the renderer');
  });

  it('dot segments the URL parser folds stay inside the folder', async () => {
    const response = await get('/%2e%2e/secret.txt');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('anything but GET and HEAD answers 405', async () => {
    const response = await get('/assets/app.js', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('a file it may not read answers 403, a failing disk 500', async () => {
    const denied: RendererFiles = {
      identify: NODE_FILES.identify,
      readFile: async () => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      },
    };
    const failing: RendererFiles = {
      identify: NODE_FILES.identify,
      readFile: async () => {
        throw Object.assign(new Error('EIO'), { code: 'EIO' });
      },
    };
    for (const [files, status] of [
      [denied, 403],
      [failing, 500],
    ] as const) {
      const response = await rendererRequestHandler(
        rendererDir,
        files,
      )(new Request(`${APP_ORIGIN}/assets/app.js`));
      expect(response.status).toBe(status);
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});
