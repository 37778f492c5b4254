import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from './app';

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type BeforeRequest = (
  details: { url: string; method: string; resourceType: string; webContentsId?: number },
  callback: (response: { cancel?: boolean }) => void,
) => void;
type HeadersReceived = (
  details: { url: string; statusCode: number; responseHeaders: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;
type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
type PermissionCheck = (
  contents: unknown,
  permission: string,
  origin: string,
  details: Record<string, unknown>,
) => boolean;

const privileged = new Map<string, Record<string, boolean>>();
const handlers = new Map<string, ProtocolHandler>();

/** protocol: privileged schemes (before ready only, as in Electron) and their handlers. */
export const protocol = {
  registerSchemesAsPrivileged(
    schemes: { scheme: string; privileges?: Record<string, boolean> }[],
  ): void {
    if (app.isReady()) {
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    }
    for (const { scheme, privileges } of schemes) privileged.set(scheme, privileges ?? {});
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return handlers.has(scheme);
  },
};

/**
 * The schemes the stand-in serves through an https: stand-in origin (see url-mapping.ts): only
 * standard, secure ones, which Electron gives a real origin.
 */
export function mappedSchemes(): Set<string> {
  return new Set(
    [...privileged].filter(([, p]) => p['standard'] && p['secure']).map(([scheme]) => scheme),
  );
}

export function protocolHandlerFor(url: string): ProtocolHandler | undefined {
  return handlers.get(url.slice(0, url.indexOf(':')));
}

/** The default session's hooks, recorded so the windows' requests go through them. */
export class Session {
  beforeRequest: BeforeRequest | null = null;
  headersReceived: HeadersReceived | null = null;
  permissionRequest: PermissionRequest | null = null;
  permissionCheck: PermissionCheck | null = null;

  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest | null) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: HeadersReceived | null) => {
      this.headersReceived = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequest | null): void {
    this.permissionRequest = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheck | null): void {
    this.permissionCheck = handler;
  }

  /** Whether the webRequest hook cancels a request (no hook: it goes ahead). */
  cancels(details: Parameters<BeforeRequest>[0]): Promise<boolean> {
    const hook = this.beforeRequest;
    if (!hook) return Promise.resolve(false);
    return new Promise((resolve) => hook(details, (response) => resolve(!!response.cancel)));
  }

  /** The response headers after the onHeadersReceived hook. */
  headersAfterHook(
    url: string,
    status: number,
    headers: Headers,
  ): Promise<Record<string, string[]>> {
    const responseHeaders: Record<string, string[]> = {};
    headers.forEach((value, name) => (responseHeaders[name] = [value]));
    const hook = this.headersReceived;
    if (!hook) return Promise.resolve(responseHeaders);
    return new Promise((resolve) =>
      hook({ url, statusCode: status, responseHeaders }, (response) =>
        resolve(response.responseHeaders ?? responseHeaders),
      ),
    );
  }
}

const defaultSession = new Session();

export const session = {
  get defaultSession(): Session {
    if (!app.isReady())
      throw new Error('session.defaultSession is available once the app is ready');
    return defaultSession;
  },
};

/** For the windows: the session without the ready check (they exist only after ready). */
export const sessionForWindows = defaultSession;

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** net.fetch: file: URLs read from disk (as Electron's file protocol answers); others by Node's fetch. */
export const net = {
  async fetch(input: string | Request, init?: RequestInit): Promise<Response> {
    const url = typeof input === 'string' ? input : input.url;
    if (!url.startsWith('file:')) return fetch(input, init);
    try {
      const path = fileURLToPath(url);
      const type = MEDIA_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
      return new Response(await readFile(path), { headers: { 'Content-Type': type } });
    } catch {
      throw new TypeError(`net::ERR_FILE_NOT_FOUND ${url}`);
    }
  },
};
