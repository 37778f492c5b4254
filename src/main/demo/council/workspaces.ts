import { getClaim } from '../../db/repositories/claims';
import type { ImportReport } from '../../../shared/ipc/intake-schemas';
import { importBatch } from '../../services/intake/import-batch';
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../../services/open-workspace';
import { createWorkspace, unlockWorkspace } from '../../services/unlock-workspace';
import { workspaceStateOf } from '../../services/workspace-key';
import { DEMO_SCRYPT } from './keys';
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

/**
 * Every demo workspace is encrypted with this one published passphrase (written beside the
 * demo's other secrets, keys/DEMO-SECRETS/workspace-passphrase.txt), at the lowest scrypt cost,
 * as the demo's keys are: it protects nothing, it shows how a workspace is opened.
 */
export const DEMO_WORKSPACE_PASSPHRASE = 'demo-workspace-1015';

/**
 * Opens a laptop's workspace at a point of the story (making it the first time); nobody acts
 * until a key is unlocked.
 */
export function openDemoWorkspace(dir: string, startIso: string): ServiceContext {
  const options = { now: storyClock(startIso), scrypt: DEMO_SCRYPT };
  if (workspaceStateOf(join(dir, DATABASE_FILE_NAME)) === 'none')
    return createWorkspace(dir, { ...options, passphrase: DEMO_WORKSPACE_PASSPHRASE }).ctx;
  return unlockWorkspace(dir, { passphrase: DEMO_WORKSPACE_PASSPHRASE }, options);
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
