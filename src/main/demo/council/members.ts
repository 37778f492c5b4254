import { mkdirSync, writeFileSync } from 'node:fs';
import { recordDecision } from '../../services/decisions/decisions';
import { actAs } from '../../services/identity/acting';
import { exportRecommendations } from '../../services/recommendations';
import { keyOf, type DemoKeys } from './keys';
import { DEMO_PATHS, inDemo, memberWorkspacePath, recommendationFilePath } from './layout';
import { RECOMMENDATIONS, STORY_TIMES } from './script';
import {
  loadBatchAndRoster,
  openDemoWorkspace,
  requireReviewClaims,
  withWorkspace,
} from './workspaces';

export interface MemberRecommendationFile {
  member: string;
  /** Relative to the demo folder. */
  workspace: string;
  file: string;
  sha256: string;
  count: number;
}

/**
 * One member on their own laptop: loads the batch and the roster, records their view of each
 * claim as a decision of their own workspace (that is what a recommendation is made from),
 * and exports the signed recommendation file they hand to the secretary.
 */
async function memberReviews(
  outDir: string,
  keys: DemoKeys,
  name: string,
  index: number,
): Promise<MemberRecommendationFile> {
  const workspace = memberWorkspacePath(name);
  const ctx = openDemoWorkspace(inDemo(outDir, workspace), STORY_TIMES.memberReview(index));
  return withWorkspace(ctx, async () => {
    const { batchId } = await loadBatchAndRoster(ctx, outDir, keys.rosterText);
    const key = keyOf(keys, name);
    actAs(ctx, key.identity);
    const views = RECOMMENDATIONS[name]!;
    requireReviewClaims(
      ctx,
      views.map((v) => v.claimId),
    );
    for (const view of views)
      recordDecision(ctx, { ...view, replacesId: null, amendmentReason: null });
    const exported = exportRecommendations(ctx, { batchId, signer: key.identity });
    const file = recommendationFilePath(name);
    writeFileSync(inDemo(outDir, file), exported.fileText, { flag: 'wx' });
    return { member: name, workspace, file, sha256: exported.sha256, count: exported.count };
  });
}

/** Every member with a view in the story reviews, each in their own workspace. */
export async function membersRecommend(
  outDir: string,
  keys: DemoKeys,
): Promise<MemberRecommendationFile[]> {
  mkdirSync(inDemo(outDir, DEMO_PATHS.recommendations), { recursive: true });
  const files: MemberRecommendationFile[] = [];
  for (const [index, name] of Object.keys(RECOMMENDATIONS).entries())
    files.push(await memberReviews(outDir, keys, name, index));
  return files;
}
