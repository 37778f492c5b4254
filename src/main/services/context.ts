import type { Db } from '../db/connection';

/** What every use case gets: the workspace database, where its files live, the time and who acts. */
export interface ServiceContext {
  db: Db;
  dataDir: string;
  /** Injected so tests can pin time; the app passes () => new Date(). */
  now: () => Date;
  /** The person at this machine, recorded on every write. */
  actor: string;
}
