import type { ChannelIo } from '../services/channel';
import type { ServiceContext } from '../services/context';
import { ImportRunner } from '../services/intake/runner';
import type { WorkspaceSession } from '../services/vault/session';
import type { Platform } from '../services/platform';
import { PathGrants } from './path-grants';
import { createRouter, type Router, type RouterOptions } from './router';
import { bindServices } from './services';

/** What services get besides the workspace: a file chosen in a dialog is granted on the spot. */
export function channelIo(
  platform: Platform,
  grants: PathGrants,
  runner: ImportRunner,
  vault?: WorkspaceSession,
): ChannelIo {
  const grantPath = (path: string) => grants.grant(path);
  return {
    platform,
    chooseFile: async (kind) => {
      const path = await platform.chooseFile(kind);
      if (path !== null) grantPath(path);
      return path;
    },
    chooseFiles: async (kind) => {
      const paths = await platform.chooseFiles(kind);
      paths.forEach(grantPath);
      return paths;
    },
    grantPath,
    imports: runner,
    ...(vault ? { vault } : {}),
  };
}

export interface Ipc {
  router: Router;
  /** Shared by the router's rules and the services that grant (dialogs) and import. */
  grants: PathGrants;
  runner: ImportRunner;
}

/**
 * Main's IPC as one piece: every channel bound to its service (services.ts) and the router that
 * applies the contract's rules to them, sharing one set of path grants and one write lock. The
 * app, the browser harness and the tests all start IPC here, so none can wire it differently.
 */
export function createIpc(
  ctx: ServiceContext,
  platform: Platform,
  options: Omit<RouterOptions, 'grants' | 'writeLock' | 'actingRole' | 'workspaceOpen'> & {
    grants?: PathGrants;
    runner?: ImportRunner;
    /**
     * The app's workspace, locked until a person opens it; the router answers only the vault's
     * channels while it is. Tests that open a workspace with its key leave it out.
     */
    vault?: WorkspaceSession;
  },
): Ipc {
  const grants = options.grants ?? new PathGrants();
  const runner = options.runner ?? new ImportRunner();
  const { isTrustedSender, logError } = options;
  const { vault } = options;
  const handlers = bindServices(ctx, channelIo(platform, grants, runner, vault));
  const router = createRouter(handlers, {
    isTrustedSender,
    ...(logError ? { logError } : {}),
    grants,
    writeLock: runner,
    actingRole: () => ctx.acting?.role ?? null,
    workspaceOpen: () => vault?.isOpen ?? true,
  });
  return { router, grants, runner };
}
