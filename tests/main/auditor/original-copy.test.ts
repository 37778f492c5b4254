import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { verifyForAuditor } from '../../../src/main/services/auditor';
import { exportMeetingDecisions } from '../../../src/main/services/decision-files';
import { changeFirstAmount, editPayload } from '../../helpers/tampering';
import { makeTempDir } from '../../helpers/temp-workspace';
import { signedFile, makeCouncil } from '../decision-file/council';
import { heldMeeting, makeKeys, rosterOf, type Keyed } from '../decision-file/export-fixture';
import {
  CHAIR,
  councilWorkspace,
  OTHER_REVIEW_CLAIM,
  REVIEW_CLAIM,
  SECRETARY,
} from '../meetings/support';

/*
 * An altered copy of a file this workspace signed: the report names the claim and the field
 * that changed, since the workspace keeps the exact text it signed. A file signed elsewhere
 * has no original here, and the report says only that the content changed.
 */

const keyDir = makeTempDir('review-desk-original-copy-keys-');
afterAll(keyDir.cleanup);
const keys: Record<string, Keyed> = makeKeys(keyDir.dir);

let ws: ReturnType<typeof councilWorkspace>;
let files: ReturnType<typeof makeTempDir>;
afterEach(() => {
  ws?.cleanup();
  files?.cleanup();
});

function exported() {
  ws = councilWorkspace({ rosterText: rosterOf(keys), keys });
  files = makeTempDir('review-desk-original-copy-files-');
  const meetingId = heldMeeting(ws, 1);
  return exportMeetingDecisions(ws, { meetingId, signers: [keys[CHAIR]!, keys[SECRETARY]!] })
    .fileText;
}

async function check(text: string) {
  const file = join(files.dir, `copy-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  return verifyForAuditor(ws, { file });
}

const codes = (report: { problems: { code: string }[] }) => report.problems.map((p) => p.code);

describe(
  'an altered copy compared with the original the workspace signed',
  { timeout: 60_000 },
  () => {
    it('the untouched file is valid and names no record', async () => {
      const report = await check(exported());
      expect(report.valid).toBe(true);
      expect(report.problems).toEqual([]);
    });

    it('an amount changed: the claim and both amounts are named', async () => {
      const report = await check(changeFirstAmount(exported(), 9_000_000));
      expect(report.valid).toBe(false);
      expect(codes(report)).toEqual(['content_changed', 'record_changed']);
      const changed = report.problems[1]!;
      expect(changed.claimId).toBe(REVIEW_CLAIM);
      expect(changed.message).toContain('amount 620,000 → 9,000,000');
      expect(changed.ko).toContain(`${REVIEW_CLAIM}의 결정이 바뀌었습니다`);
      // No signature vouches for the content, so no record is trusted; the problem names the change.
      expect(report.records.valid).toBe(0);
    });

    it('a decision removed, and the meeting rewritten, are named too', async () => {
      const text = editPayload(exported(), (p) => {
        p.decisions.splice(1, 1);
        (p['meeting'] as { place: string }).place = '다른 곳';
      });
      const report = await check(text);
      expect(codes(report)).toEqual(['content_changed', 'header_changed', 'record_removed']);
      expect(report.problems[1]!.message).toContain('meeting');
      expect(report.problems[2]!.claimId).toBe(OTHER_REVIEW_CLAIM);
    });

    it('a file signed elsewhere has no original here: only the content change is reported', async () => {
      exported();
      const council = makeCouncil(join(files.dir, 'elsewhere'));
      const report = await check(changeFirstAmount(signedFile(council), 1));
      expect(codes(report)).not.toContain('record_changed');
    });
  },
);
