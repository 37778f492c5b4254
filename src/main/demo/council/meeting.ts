import type { MeetingDetail } from '../../../shared/ipc/meeting-schemas';
import {
  addToAgenda,
  closeMeeting,
  closeVoting,
  confirmFinalDecision,
  openMeeting,
  recordVote,
} from '../../services/meetings';
import { ServiceError } from '../../services/errors';
import { actAs } from '../../services/identity/acting';
import { keyOf, type DemoKeys } from './keys';
import { CHAIR, MEETING, MEMBERS, STORY_TIMES } from './script';
import { openSecretaryWorkspace } from './secretary';
import { withWorkspace } from './workspaces';

/**
 * Meeting no. 1 on the secretary's laptop, as the story has it: the secretary opens it with
 * the attendance, puts the claims on the agenda with a motion each, records every vote and
 * closes each vote; the chair, at the same machine, confirms each result as the claim's
 * decision; the secretary closes the meeting. The votes, tallies and results are the
 * services' own, so a story whose votes no longer give the scripted result fails here.
 */
export async function holdMeeting(outDir: string, keys: DemoKeys): Promise<MeetingDetail> {
  const meetingId = await deliberate(outDir, keys);
  // The session ends after the deliberation, which the story clock does not spend: reopened
  // at the closing time, so the minutes show the meeting's real hours.
  const ctx = openSecretaryWorkspace(outDir, keys, STORY_TIMES.meetingClosed);
  return withWorkspace(ctx, () => closeMeeting(ctx, meetingId));
}

async function deliberate(outDir: string, keys: DemoKeys): Promise<number> {
  const ctx = openSecretaryWorkspace(outDir, keys, STORY_TIMES.meeting);
  return withWorkspace(ctx, () => {
    const voters = [CHAIR, ...MEMBERS].map((p) => p.name);
    const { id: meetingId } = openMeeting(ctx, {
      number: MEETING.number,
      heldOn: MEETING.heldOn,
      place: MEETING.place,
      quorum: MEETING.quorum,
      threshold: MEETING.threshold,
      attendance: voters.map((member) => ({ member, present: !MEETING.absent.includes(member) })),
    });
    for (const item of MEETING.agenda) {
      addToAgenda(ctx, { meetingId, claimId: item.claimId, proposal: item.proposal });
      for (const [member, vote] of Object.entries(item.votes))
        recordVote(ctx, { meetingId, claimId: item.claimId, member, vote });
      const closed = closeVoting(ctx, { meetingId, claimId: item.claimId });
      const result = closed.agenda.find((a) => a.claimId === item.claimId)!.result;
      const expected = item.confirmed.outcome === 'defer' ? 'not_carried' : 'carried';
      if (result !== expected)
        throw new ServiceError(
          'conflict',
          `the demo meeting's vote on ${item.claimId} came out ${result}, not ${expected}; check src/main/demo/council/script.ts`,
        );
    }

    actAs(ctx, keyOf(keys, CHAIR.name).identity);
    for (const item of MEETING.agenda)
      confirmFinalDecision(ctx, { meetingId, claimId: item.claimId, ...item.confirmed });

    return meetingId;
  });
}
