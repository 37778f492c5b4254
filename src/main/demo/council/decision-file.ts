import { mkdirSync, writeFileSync } from 'node:fs';
import type { VerificationReport } from '../../../shared/domain/signing/verification-report';
import { exportMeetingDecisions, verifyDecisionFile } from '../../services/decision-files';
import { ServiceError } from '../../services/errors';
import { openEvidenceSource } from '../../services/evidence/source';
import { verifyRoster } from '../../services/roster';
import { keyOf, type DemoKeys } from './keys';
import { DEMO_PATHS, decisionFilePath, inDemo } from './layout';
import { CHAIR, MEETING, SECRETARY, STORY_TIMES } from './script';
import { openSecretaryWorkspace } from './secretary';
import { withWorkspace } from './workspaces';

export interface DemoDecisionFile {
  /** Relative to the demo folder. */
  file: string;
  sha256: string;
  decisions: number;
  report: VerificationReport;
}

/**
 * The meeting's decisions, signed by the chair and the secretary, written where an auditor
 * would receive them, then checked exactly as an auditor would: against the roster file and
 * the evidence folder in the demo folder. A demo whose file does not verify is not written
 * off as done.
 */
export async function writeSignedDecisionFile(
  outDir: string,
  keys: DemoKeys,
  meetingId: number,
): Promise<DemoDecisionFile> {
  const ctx = openSecretaryWorkspace(outDir, keys, STORY_TIMES.decisionFile);
  const exported = await withWorkspace(ctx, () =>
    exportMeetingDecisions(ctx, {
      meetingId,
      signers: [keyOf(keys, CHAIR.name).identity, keyOf(keys, SECRETARY.name).identity],
    }),
  );
  mkdirSync(inDemo(outDir, DEMO_PATHS.decisions), { recursive: true });
  const file = decisionFilePath(MEETING.number);
  writeFileSync(inDemo(outDir, file), exported.fileText, { flag: 'wx' });

  const evidence = await openEvidenceSource(inDemo(outDir, DEMO_PATHS.evidence));
  let report: VerificationReport;
  try {
    report = await verifyDecisionFile(exported.fileText, {
      roster: verifyRoster(keys.rosterText),
      evidence,
    });
  } finally {
    await evidence.close();
  }
  if (!report.valid)
    throw new ServiceError(
      'conflict',
      `the demo decision file does not verify: ${report.problems.map((p) => p.message).join('; ')}`,
    );
  return { file, sha256: exported.sha256, decisions: exported.decisions.length, report };
}
