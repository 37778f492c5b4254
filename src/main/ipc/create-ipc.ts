import type { ServiceContext } from '../services/context';
import { ImportRunner } from '../services/intake/runner';
import { createHandlers } from './handlers';
import type { Platform } from './platform';
import { PathGrants } from './path-grants';
import { createRouter, type Router, type RouterOptions } from './router';

export interface Ipc {
  router: Router;
  /** Shared by the router's rules and the handlers that grant (dialogs) and import. */
  grants: PathGrants;
  runner: ImportRunner;
}

/**
 * Main's IPC as one piece: the handlers and the router that applies the contract's rules to
 * them, sharing one set of path grants and one write lock. The app, the browser harness and
 * the tests all start IPC here, so none can wire the rules differently.
 */
export function createIpc(
  ctx: ServiceContext,
  platform: Platform,
  options: Omit<RouterOptions, 'grants' | 'writeLock'> & {
    grants?: PathGrants;
    runner?: ImportRunner;
  },
): Ipc {
  const grants = options.grants ?? new PathGrants();
  const runner = options.runner ?? new ImportRunner();
  const { isTrustedSender, logError } = options;
  const router = createRouter(createHandlers(ctx, platform, runner, grants), {
    isTrustedSender,
    ...(logError ? { logError } : {}),
    grants,
    writeLock: runner,
  });
  return { router, grants, runner };
}
