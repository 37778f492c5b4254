import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  exportMeetingDecisions,
  verifyDecisionFile,
} from '../../../src/main/services/decision-files';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import { approveMinutes, draftMinutes } from '../../../src/main/services/minutes';
import { latestRoster } from '../../../src/main/services/roster';
import { makeTempDir } from '../../helpers/temp-workspace';
import { makeKeys, type Keyed } from '../decision-file/export-fixture';
import { CHAIR, SECRETARY } from '../meetings/support';
import {
  asChair,
  asSecretary,
  importNextRoster,
  minutesWorkspace,
  type MinutesWorkspace,
} from './fixture';

/*
 * The signed decision file names the meeting's latest approved minutes by hash
 * (minutesSha256): null before any approval, and a draft never counts.
 */

let ws: MinutesWorkspace | undefined;
afterEach(() => ws?.cleanup());

const keyDir = makeTempDir('review-desk-minutes-file-keys-');
afterAll(keyDir.cleanup);
const keys: Record<string, Keyed> = makeKeys(keyDir.dir);
const signers = () => [keys[CHAIR]!, keys[SECRETARY]!];

const payloadOf = (fileText: string) =>
  JSON.parse(Buffer.from(JSON.parse(fileText).payload, 'base64url').toString('utf8')) as {
    minutesSha256: string | null;
  };

describe('the decision file names the approved minutes', { timeout: 60_000 }, () => {
  it('carries the hash of the latest approved version and still verifies', async () => {
    const made = minutesWorkspace(keys);
    ws = made.ws;
    const { meetingId } = made;

    const before = exportMeetingDecisions(ws, { meetingId, signers: signers() });
    expect(payloadOf(before.fileText).minutesSha256).toBeNull();

    const draft = draftMinutes(ws, meetingId);
    const whileDraft = exportMeetingDecisions(ws, { meetingId, signers: signers() });
    expect(payloadOf(whileDraft.fileText).minutesSha256).toBeNull();

    asChair(ws);
    const approved = approveMinutes(ws, { meetingId, version: draft.version });
    asSecretary(ws);
    const after = exportMeetingDecisions(ws, { meetingId, signers: signers() });
    expect(payloadOf(after.fileText).minutesSha256).toBe(approved.sha256);
    const report = await verifyDecisionFile(after.fileText, { roster: latestRoster(ws.db)! });
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    const [lastExport] = listAudit(ws.db)
      .filter((e) => e.action === 'decisions.exported')
      .sort((a, b) => b.seq - a.seq);
    expect(lastExport!.details['minutesSha256']).toBe(approved.sha256);

    // A newer draft does not displace the approved version until it is approved itself.
    importNextRoster(ws, keys);
    const second = draftMinutes(ws, meetingId);
    const withDraft = exportMeetingDecisions(ws, { meetingId, signers: signers() });
    expect(payloadOf(withDraft.fileText).minutesSha256).toBe(approved.sha256);
    asChair(ws);
    approveMinutes(ws, { meetingId, version: second.version });
    asSecretary(ws);
    const latest = exportMeetingDecisions(ws, { meetingId, signers: signers() });
    expect(payloadOf(latest.fileText).minutesSha256).toBe(second.sha256);
    expect(
      (await verifyDecisionFile(latest.fileText, { roster: latestRoster(ws.db)! })).valid,
    ).toBe(true);
  });
});
