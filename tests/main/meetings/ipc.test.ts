import { afterEach, describe, expect, it } from 'vitest';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import type { Router } from '../../../src/main/ipc/router';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import { testPlatform } from '../../helpers/test-platform';
import { actAs, CHAIR, councilWorkspace, MEMBERS, REVIEW_CLAIM } from './support';

const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };

let ws: ReturnType<typeof councilWorkspace>;
afterEach(() => ws?.cleanup());

/** Calls a channel and returns its value, failing the test on an error answer. */
async function call(r: Router, channel: string, payload: unknown) {
  const result = await r.handle(ours, channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

describe('the meeting channels', () => {
  it('run a meeting end to end through the router, every payload and answer parsed', async () => {
    ws = councilWorkspace();
    const { router: r } = createIpc(ws, testPlatform(), {
      isTrustedSender: trustOrigins([ORIGIN]),
      logError: (error) => {
        throw error;
      },
    });
    const opened = await call(r, 'meetings:open', {
      number: 3,
      heldOn: '2022-12-20',
      place: '판교',
      quorum: { kind: 'at_least', count: 3 },
      threshold: { kind: 'majority_of_present' },
      attendance: MEMBERS.map((member) => ({ member, present: true })),
    });
    const meetingId = opened.id as number;
    await call(r, 'meetings:addToAgenda', {
      meetingId,
      claimId: REVIEW_CLAIM,
      proposal: { outcome: 'reject', amount: null, reasonCodes: ['insufficient_proof'] },
    });
    for (const member of MEMBERS.slice(0, 3)) {
      await call(r, 'meetings:vote', { meetingId, claimId: REVIEW_CLAIM, member, vote: 'for' });
    }
    const absentVote = await r.handle(ours, 'meetings:vote', {
      meetingId,
      claimId: REVIEW_CLAIM,
      member: MEMBERS[3],
      vote: 'absent',
    });
    expect(absentVote.ok ? null : absentVote.error.code).toBe('invalid_payload');
    await call(r, 'meetings:closeVoting', { meetingId, claimId: REVIEW_CLAIM });
    actAs(ws, CHAIR);
    const confirmed = await call(r, 'meetings:confirm', {
      meetingId,
      claimId: REVIEW_CLAIM,
      outcome: 'reject',
      amount: null,
      reasonCodes: ['insufficient_proof'],
      note: '',
    });
    expect(confirmed.decision).toMatchObject({ outcome: 'reject', meetingId });
    const listed = await call(r, 'meetings:list', undefined);
    expect(listed.meetings).toMatchObject([{ number: 3, present: 5, agendaItems: 1 }]);
    const detail = await call(r, 'meetings:get', { meetingId });
    expect(detail.agenda).toMatchObject([{ result: 'carried', tally: { for: 3 } }]);
  });
});
