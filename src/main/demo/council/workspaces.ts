import { getClaim } from '../../db/repositories/claims';
import type { ImportReport } from '../../../shared/ipc/intake-schemas';
import { importBatch } from '../../services/intake/import-batch';
import { openWorkspace } from '../../services/open-workspace';
import type { ServiceContext } from '../../services/context';
import { ServiceError } from '../../services/errors';
import { importRoster } from '../../services/roster';
import { DEMO_PATHS, inDemo } from './layout';

/**
 * A clock in story time that moves one second per reading, so a workspace's audit entries
 * read like the council's December 2022 rather than the moment the demo was made, and two
 * runs write the same times.
 */
export function storyClock(startIso: string): () => Date {
  let t = Date.parse(startIso);
  return () => {
    const now = new Date(t);
    t += 1000;
    return now;
  };
}

/** Opens a laptop's workspace at a point of the story; nobody acts until a key is unlocked. */
export function openDemoWorkspace(dir: string, startIso: string): ServiceContext {
  return openWorkspace(dir, { now: storyClock(startIso) });
}

/** Runs `work` on a workspace and closes its database whatever happens. */
export async function withWorkspace<T>(
  ctx: ServiceContext,
  work: (ctx: ServiceContext) => Promise<T> | T,
): Promise<T> {
  try {
    return await work(ctx);
  } finally {
    ctx.db.close();
  }
}

/**
 * What every laptop does first: the demo batch with its evidence (the copy in the demo
 * folder, so every workspace holds the same batch by content hash) and the signed roster.
 */
export async function loadBatchAndRoster(
  ctx: ServiceContext,
  outDir: string,
  rosterText: string,
): Promise<ImportReport> {
  const report = await importBatch(ctx, {
    file: inDemo(outDir, DEMO_PATHS.batchFile),
    evidence: inDemo(outDir, DEMO_PATHS.evidence),
    mapping: null,
    sheet: null,
    intoBatchId: null,
  });
  importRoster(ctx, rosterText);
  return report;
}

/** The story names claims of the demo batch: each must be there and up for committee review. */
export function requireReviewClaims(ctx: ServiceContext, claimIds: readonly string[]): void {
  for (const claimId of claimIds) {
    const row = getClaim(ctx.db, claimId);
    if (row?.tier !== 'committee_review')
      throw new ServiceError(
        'conflict',
        `the demo batch no longer has ${claimId} as a committee-review claim (${row ? row.tier : 'missing'}); update src/main/demo/council/script.ts`,
      );
  }
}
