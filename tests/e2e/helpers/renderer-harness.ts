import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, relative } from 'node:path';
import { CHANNELS, EVENTS } from '../../../src/shared/ipc/channels';
import type { Platform } from '../../../src/main/services/platform';
import { ImportRunner } from '../../../src/main/services/intake/runner';
import { PathGrants } from '../../../src/main/ipc/path-grants';
import { testPlatform } from '../../helpers/test-platform';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import { trustOrigins } from '../../../src/main/ipc/sender';
import { newStyleNonce, withStyleNonce } from '../../../src/main/app/security';
import type { ServiceContext } from '../../../src/main/services/context';
import type { WorkspaceSession } from '../../../src/main/services/vault/session';

/**
 * For the grid benchmark only (bench/grid.ts), which times the renderer's own work and so wants
 * no process hop in its figures; every end-to-end spec starts the whole app instead
 * (support/desktop.ts). The built renderer runs in Chromium against the real router and services
 * in this process. Only the transport is swapped: instead of Electron's IPC, window.api calls
 * a Playwright binding, and instead of the app:// protocol, requests are answered from
 * out/renderer. Anything else the page asks for is refused, as the app refuses the network.
 */
export const TEST_ORIGIN = 'http://review-desk.test';
const RENDERER_DIR = join(import.meta.dirname, '../../../out/renderer');
const BINDING = '__reviewDeskInvoke';

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker: a module worker is refused unless served as JavaScript.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * exposeBinding carries JSON, which would turn a Uint8Array (evidence bytes) into an object of
 * numbered keys. Bytes cross as {__bytes: base64} and the init script below turns them back,
 * so the renderer sees the Uint8Array that Electron's structured clone would have given it.
 */
function encodeBytes(value: unknown): unknown {
  if (value instanceof Uint8Array) return { __bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(encodeBytes);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeBytes(v)]));
  }
  return value;
}

export interface RendererHarness {
  /** Requests that were refused because they left the app's own origin. */
  blockedRequests: string[];
  /** Browser console errors (CSP violations show up here). */
  consoleErrors: string[];
}

export async function openRenderer(
  page: Page,
  workspace: () => ServiceContext,
  platform: Platform = testPlatform(),
  /** The app's workspace session, already open: the renderer shows nothing until it is. */
  vault?: WorkspaceSession,
): Promise<RendererHarness> {
  const harness: RendererHarness = { blockedRequests: [], consoleErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') harness.consoleErrors.push(message.text());
  });
  // An uncaught exception in the page (a React render error, say) fails the test loudly.
  page.on('pageerror', (error) => harness.consoleErrors.push(`uncaught: ${error.message}`));
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== TEST_ORIGIN) {
      harness.blockedRequests.push(url.href);
      return route.abort('blockedbyclient');
    }
    const file = normalize(
      join(RENDERER_DIR, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)),
    );
    if (relative(RENDERER_DIR, file).startsWith('..')) return route.fulfill({ status: 403 });
    try {
      const bytes = await readFile(file);
      // As the app protocol does: the page gets a fresh style nonce in its CSP (for the grid).
      const body = file.endsWith('index.html')
        ? Buffer.from(withStyleNonce(bytes.toString('utf8'), newStyleNonce()))
        : bytes;
      return route.fulfill({
        status: 200,
        body,
        contentType: MEDIA_TYPES[extname(file)] ?? 'application/octet-stream',
      });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  // The router is made per call from the current workspace, so a test can reopen the database
  // (as an app restart would) between page loads.
  // One runner and one set of granted paths for the page's life, as the app has: a cancel must
  // reach the running import, and a file chosen in one call must be readable in the next.
  const runner = new ImportRunner();
  const grants = new PathGrants();
  await page.exposeBinding(BINDING, async (source, channel: unknown, payload: unknown) => {
    const ctx = workspace();
    // Events travel the other way: main's emit becomes a call into the page.
    ctx.emit = (event, data) => {
      void page
        .evaluate(
          ([name, body]) =>
            (
              window as unknown as { __reviewDeskEmit: (e: string, p: unknown) => void }
            ).__reviewDeskEmit(name, body),
          [event, data] as const,
        )
        .catch(() => undefined);
    };
    const { router } = createIpc(ctx, platform, {
      runner,
      grants,
      isTrustedSender: trustOrigins([TEST_ORIGIN]),
      logError: (error) => console.error(error),
      ...(vault ? { vault } : {}),
    });
    const result = await router.handle(
      {
        frameUrl: source.frame.url(),
        isMainFrame: source.frame === source.page.mainFrame(),
        isOwnWindow: source.page === page,
      },
      channel,
      payload,
    );
    return encodeBytes(result);
  });
  // The same shape the preload builds with buildWindowApi: one function per channel.
  await page.addInitScript(
    ({ channels, events, binding }) => {
      const host = window as unknown as Record<string, unknown>;
      const call = host[binding] as (c: string, p: unknown) => Promise<unknown>;
      // The page half of encodeBytes: {__bytes: base64} back into a Uint8Array. Assigned to a
      // property, not a const: a named function here would be wrapped by esbuild's keepNames
      // (tsx) in a __name() helper that does not exist in the page.
      const codec: { decode?: (value: unknown) => unknown } = {};
      codec.decode = (value) => {
        if (Array.isArray(value)) return value.map(codec.decode!);
        if (value === null || typeof value !== 'object') return value;
        const record = value as Record<string, unknown>;
        if (typeof record['__bytes'] === 'string') {
          return Uint8Array.from(atob(record['__bytes']), (c) => c.charCodeAt(0));
        }
        return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, codec.decode!(v)]));
      };
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      host['__reviewDeskEmit'] = (event: string, payload: unknown) =>
        listeners.get(event)?.forEach((listener) => listener(payload));
      const api: Record<string, unknown> = {};
      for (const channel of channels) {
        const [area, verb] = channel.split(':') as [string, string];
        const group = (api[area] ??= {}) as Record<string, unknown>;
        group[verb] = async (request: unknown) => codec.decode!(await call(channel, request));
      }
      api['on'] = (event: string, listener: (payload: unknown) => void) => {
        if (!events.includes(event)) throw new TypeError('unknown event');
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set.add(listener));
        return () => set.delete(listener);
      };
      Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
    },
    { channels: [...CHANNELS], events: [...EVENTS] as string[], binding: BINDING },
  );
  await page.goto(`${TEST_ORIGIN}/index.html`);
  return harness;
}
