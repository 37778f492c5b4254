import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { resolve } from 'node:path';
import type { ImportReport } from '../../../shared/ipc/intake-schemas';
import type { MeetingDetail } from '../../../shared/ipc/meeting-schemas';
import { ServiceError } from '../../services/errors';
import type { Agreement } from '../../services/recommendations';
import { writeSignedDecisionFile, type DemoDecisionFile } from './decision-file';
import { makeKeysAndRoster, type DemoKey } from './keys';
import { DEMO_PATHS, inDemo } from './layout';
import { holdMeeting } from './meeting';
import { membersRecommend, type MemberRecommendationFile } from './members';
import { writeApprovedMinutes, type DemoMinutes } from './minutes';
import { readmeText } from './readme';
import { secretaryImportsRecommendations, secretaryLoadsBatch } from './secretary';
import { DEMO_WORKSPACE_PASSPHRASE } from './workspaces';

/**
 * `review-desk demo`: the council's worked example, made through the real services into one
 * folder (see layout.ts for what goes where and script.ts for the story).
 */

export {
  DEMO_PATHS,
  decisionFilePath,
  inDemo,
  memberWorkspacePath,
  minutesFilePath,
} from './layout';
export { verifyCommand, openAppCommand } from './commands';
export { listedFiles } from './readme';

export interface DemoSources {
  /** The demo batch and its evidence folder (demoBatchPaths of the app's resources). */
  batchFile: string;
  evidence: string;
}

export interface CouncilDemo {
  outDir: string;
  /** The batch as the secretary's workspace imported it. */
  batch: ImportReport;
  keys: DemoKey[];
  recommendationFiles: MemberRecommendationFile[];
  agreement: Record<string, Agreement>;
  meeting: MeetingDetail;
  /** The approved minutes, printed; the decision file names their hash. */
  minutes: DemoMinutes;
  decisionFile: DemoDecisionFile;
}

/** A new or empty folder only: the demo never writes over anything. */
function claimOutDir(outDir: string): void {
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory())
      throw new ServiceError(
        'conflict',
        `${outDir} is a file; the demo needs a new or empty folder`,
      );
    if (readdirSync(outDir).length > 0)
      throw new ServiceError(
        'conflict',
        `${outDir} is not empty; the demo writes only into a new or empty folder`,
      );
  }
  mkdirSync(outDir, { recursive: true });
}

function requireSources(sources: DemoSources): void {
  if (!existsSync(sources.batchFile) || !statSync(sources.batchFile).isFile())
    throw new ServiceError('not_found', `the demo batch file is missing: ${sources.batchFile}`);
  if (!existsSync(sources.evidence) || !statSync(sources.evidence).isDirectory())
    throw new ServiceError('not_found', `the demo evidence folder is missing: ${sources.evidence}`);
}

/** What the demo made is removed when a step fails, so the folder can be used again. */
function clearOutDir(outDir: string): void {
  for (const entry of readdirSync(outDir))
    rmSync(inDemo(outDir, entry), { recursive: true, force: true });
}

/**
 * The steps, in story order. Each workspace is opened, used and closed by its step, as each
 * laptop would be. The minutes are approved after the meeting closes and before the decision
 * file is signed, since the file names the approved minutes' hash.
 */
export async function makeCouncilDemo(
  outDirInput: string,
  sources: DemoSources,
): Promise<CouncilDemo> {
  const outDir = resolve(outDirInput);
  requireSources(sources);
  claimOutDir(outDir);
  try {
    mkdirSync(inDemo(outDir, 'batch'), { recursive: true });
    cpSync(sources.batchFile, inDemo(outDir, DEMO_PATHS.batchFile));
    cpSync(sources.evidence, inDemo(outDir, DEMO_PATHS.evidence), { recursive: true });

    const keys = makeKeysAndRoster(outDir);
    writeFileSync(
      inDemo(outDir, DEMO_PATHS.workspacePassphrase),
      `${DEMO_WORKSPACE_PASSPHRASE}\n`,
      { mode: 0o600 },
    );
    const batch = await secretaryLoadsBatch(outDir, keys);
    const recommendationFiles = await membersRecommend(outDir, keys);
    const { agreement } = await secretaryImportsRecommendations(
      outDir,
      keys,
      batch.batchId,
      recommendationFiles,
    );
    const meeting = await holdMeeting(outDir, keys);
    const minutes = await writeApprovedMinutes(outDir, keys, meeting.id);
    const decisionFile = await writeSignedDecisionFile(outDir, keys, meeting.id);

    const demo: CouncilDemo = {
      outDir,
      batch,
      keys: [...keys.byName.values()],
      recommendationFiles,
      agreement,
      meeting,
      minutes,
      decisionFile,
    };
    writeFileSync(inDemo(outDir, DEMO_PATHS.readme), readmeText(demo), { flag: 'wx' });
    return demo;
  } catch (error) {
    clearOutDir(outDir);
    throw error;
  }
}
