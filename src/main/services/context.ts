import type { EventName } from '../../shared/ipc/channels';
import type { EventPayloadOf } from '../../shared/ipc/contract';
import type { Db } from '../db/connection';
import type { ActingPerson } from './identity/acting';
import type { WorkspaceKey } from './workspace-key';

/** What every use case gets: the workspace database, where its files live, the time and who acts. */
export interface ServiceContext {
  db: Db;
  dataDir: string;
  /**
   * The unlocked workspace key (workspace-key/): the database was opened with it, and the
   * evidence store encrypts with keys derived from it. Zeroed when the workspace locks.
   */
  workspaceKey: WorkspaceKey;
  /** Injected so tests can pin time; the app passes () => new Date(). */
  now: () => Date;
  /**
   * The name every write is recorded under: the acting person's (from the roster), or the
   * unidentified operator's while nobody has unlocked a key. Never an OS account name.
   */
  actor: string;
  /** Who unlocked their key at this machine (identity/acting.ts), or null. */
  acting: ActingPerson | null;
  /**
   * The better-sqlite3 addon this runtime must load (the Electron app's own build), or undefined
   * for Node's. Every further connection to the workspace opens with it: in Electron, Node's
   * build fails to load (see openWorkspaceConnection).
   */
  nativeBinding: string | undefined;
  /** Pushes an event to the renderer (Electron), the test page, or the CLI's progress output. */
  emit?: <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void;
}
