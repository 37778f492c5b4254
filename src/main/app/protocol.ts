import { protocol } from 'electron';
import { APP_SCHEME, rendererRequestHandler } from './renderer-handler';

export { APP_ORIGIN, APP_SCHEME } from './renderer-handler';

/** Must run before the app is ready: a standard, secure scheme gives the renderer a real origin for CSP 'self'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from disk (renderer-handler.ts decides every answer). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, rendererRequestHandler(rendererDir));
}
