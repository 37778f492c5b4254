import type { Db } from '../db/connection';
import { recomputeFlags, type FlagCounts } from './flags/compute-flags';
import { recomputeClaimSupport } from './support/claim-support';

/**
 * Everything computed from the claims for review (flags, each claim's calculated support),
 * rebuilt for the whole workspace. Every path that adds claims calls this one function, inside
 * its own transaction, so a new kind of derived data cannot be forgotten on one of them.
 */
export function refreshDerivedData(db: Db): FlagCounts {
  const run = () => {
    const flags = recomputeFlags(db);
    recomputeClaimSupport(db);
    return flags;
  };
  return db.inTransaction ? run() : db.transaction(run)();
}
