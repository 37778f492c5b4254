import { readFileSync } from 'node:fs';
import type { ImportReport } from '../../../shared/ipc/intake-schemas';
import type { ServiceContext } from '../../services/context';
import { ServiceError } from '../../services/errors';
import { actAs } from '../../services/identity/acting';
import { latestRoster } from '../../services/roster';
import {
  agreementOf,
  importRecommendations,
  recommendationsByClaim,
  type Agreement,
} from '../../services/recommendations';
import { keyOf, type DemoKeys } from './keys';
import { DEMO_PATHS, inDemo } from './layout';
import type { MemberRecommendationFile } from './members';
import { CLAIMS, SECRETARY, STORY_TIMES } from './script';
import {
  loadBatchAndRoster,
  openDemoWorkspace,
  requireReviewClaims,
  withWorkspace,
} from './workspaces';

/** The secretary's workspace, opened on the day of `startIso` as the secretary. */
export function openSecretaryWorkspace(
  outDir: string,
  keys: DemoKeys,
  startIso: string,
): ServiceContext {
  const ctx = openDemoWorkspace(inDemo(outDir, DEMO_PATHS.secretaryWorkspace), startIso);
  // The secretary's own laptop: once the roster is in, they unlock their key to work.
  if (latestRoster(ctx.db)) actAs(ctx, keyOf(keys, SECRETARY.name).identity);
  return ctx;
}

/**
 * The secretary's first day: the batch and the roster come in, the council's people are
 * listed (votes and attendance are checked against them), and the secretary is the person at
 * this machine, which is how the app shows the workspace when the demo is opened.
 */
export async function secretaryLoadsBatch(outDir: string, keys: DemoKeys): Promise<ImportReport> {
  const ctx = openSecretaryWorkspace(outDir, keys, STORY_TIMES.batchAtSecretary);
  return withWorkspace(ctx, async () => {
    const report = await loadBatchAndRoster(ctx, outDir, keys.rosterText);
    requireReviewClaims(ctx, Object.values(CLAIMS));
    return report;
  });
}

export interface ImportedRecommendations {
  files: { member: string; count: number }[];
  /** Per claim with recommendations: how the members' views stand to each other. */
  agreement: Record<string, Agreement>;
}

/** The members' signed files arrive; each is verified against the roster and the claims. */
export async function secretaryImportsRecommendations(
  outDir: string,
  keys: DemoKeys,
  batchId: number,
  files: MemberRecommendationFile[],
): Promise<ImportedRecommendations> {
  const ctx = openSecretaryWorkspace(outDir, keys, STORY_TIMES.recommendationsAtSecretary);
  return withWorkspace(ctx, () => {
    const texts = files.map((f) => readFileSync(inDemo(outDir, f.file), 'utf8'));
    const result = importRecommendations(ctx, texts);
    const [refused] = result.refused;
    if (refused)
      throw new ServiceError(
        'conflict',
        `the secretary's workspace refused ${files[refused.index]!.file}: ${refused.reason}`,
      );
    const byClaim = recommendationsByClaim(ctx.db, batchId);
    return {
      files: result.files.map(({ member, count }) => ({ member, count })),
      agreement: Object.fromEntries(
        [...byClaim].map(([claimId, recs]) => [claimId, agreementOf(recs)]),
      ),
    };
  });
}
