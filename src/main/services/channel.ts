import type { Channel } from '../../shared/ipc/channels';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { ServiceContext } from './context';
import type { ImportRunner } from './intake/runner';
import type { FileKind, Platform } from './platform';
import type { WorkspaceSession } from './vault/session';

/** What a channel's service may use beyond the workspace: the machine, its grants, its imports. */
export interface ChannelIo {
  /** Save dialogs, the app version, the resources folder, the OS keychain. */
  platform: Platform;
  /**
   * Main's open dialog; the file chosen is granted, so later requests may name it (the router
   * refuses any path nobody chose). Null when the person closed the dialog.
   */
  chooseFile(kind: FileKind): Promise<string | null>;
  /** The same for several files at once. */
  chooseFiles(kind: FileKind): Promise<string[]>;
  /** Grants a file main made where the person chose (a new key), as if chosen. */
  grantPath(path: string): void;
  /** The workspace's one import at a time (the router holds its write lock around writes). */
  imports: ImportRunner;
  /** The app's workspace, locked or open; absent where a test opened one with its key. */
  vault?: WorkspaceSession;
}

/**
 * The function that serves channel C: `export const verb: Serve<'area:verb'>` in
 * services/<area>/channels.ts. The request arrives parsed by the contract and the router has
 * already applied the channel's rules (grants, write lock), so a service only does its work.
 */
export type Serve<C extends Channel> = (
  ctx: ServiceContext,
  request: ParsedRequestOf<C>,
  io: ChannelIo,
) => ResponseOf<C> | Promise<ResponseOf<C>>;
