import { durableTransaction } from '../../db/connection';
import type { DecisionRecord } from '../../../shared/domain/decision';
import type { ConfirmDecisionRequest, MeetingDetail } from '../../../shared/ipc/meeting-schemas';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { currentDecisionForClaim } from '../../db/repositories/decisions';
import { confirmedDecisionId, findAgendaItem } from '../../db/repositories/meetings';
import type { ServiceContext } from '../context';
import { recordDecision } from '../decisions/decisions';
import { ServiceError } from '../errors';
import { getMeetingRow, requireChair } from './access';
import { getMeeting } from './read';

function refuse(code: string, path: string, message: string): never {
  throw new ServiceError('validation_failed', message, [{ path, code, message }]);
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

/**
 * The chair's confirmation of one agenda item's outcome, which becomes the claim's decision
 * with this meeting as its source.
 *
 * The vote must be closed, so what is confirmed is a frozen result. When the motion carried,
 * the decision is the motion: if the item had a proposal, outcome, amount and reasons must be
 * the proposal's (the note is the chair's own). When it did not carry (or there was no
 * quorum) the council has not decided, so the only decision the chair can confirm is 'defer'
 * to a later meeting, which keeps the claim visibly pending rather than silently undecided.
 *
 * The decision goes through recordDecision, so every decision rule and the chain apply; it
 * follows whatever the claim's latest decision is, and amending a final one needs a reason.
 * Decision, its audit entry and 'meeting.decision_confirmed' land in one transaction.
 */
export function confirmFinalDecision(
  ctx: ServiceContext,
  request: ConfirmDecisionRequest,
): { decision: DecisionRecord; meeting: MeetingDetail } {
  requireChair(ctx, 'Confirming a final decision');
  const decision = durableTransaction(ctx.db, () => {
    const meeting = getMeetingRow(ctx, request.meetingId);
    const item = findAgendaItem(ctx.db, meeting.id, request.claimId);
    if (!item) {
      throw new ServiceError(
        'not_found',
        `${request.claimId} is not on meeting no. ${meeting.number}'s agenda`,
      );
    }
    if (item.votingClosedAt === null || item.result === null || item.tally === null) {
      throw new ServiceError(
        'conflict',
        `voting on ${request.claimId} is still open; close it first`,
      );
    }
    if (confirmedDecisionId(ctx.db, meeting.id, request.claimId) !== null) {
      throw new ServiceError(
        'conflict',
        `meeting no. ${meeting.number} already decided ${request.claimId}`,
      );
    }
    if (item.result !== 'carried') {
      if (request.outcome !== 'defer') {
        refuse(
          'only_defer_when_not_carried',
          'outcome',
          `the vote on ${request.claimId} did not carry (${item.result}); only a deferral can be confirmed`,
        );
      }
    } else if (item.proposal) {
      const { proposal } = item;
      if (
        proposal.outcome !== request.outcome ||
        proposal.amount !== request.amount ||
        !sameSet(proposal.reasonCodes, request.reasonCodes)
      ) {
        refuse(
          'differs_from_motion',
          'outcome',
          `the decision must be the motion the meeting carried for ${request.claimId}`,
        );
      }
    }
    const current = currentDecisionForClaim(ctx.db, request.claimId) ?? null;
    const record = recordDecision(ctx, {
      claimId: request.claimId,
      outcome: request.outcome,
      amount: request.amount,
      reasonCodes: request.reasonCodes,
      note: request.note,
      replacesId: current?.id ?? null,
      amendmentReason: request.amendmentReason ?? null,
      meetingId: meeting.id,
    });
    appendAudit(ctx.db, signerOf(ctx), {
      at: record.decidedAt,
      action: 'meeting.decision_confirmed',
      subjectType: 'claim',
      subjectId: request.claimId,
      details: {
        meetingId: meeting.id,
        meetingNumber: meeting.number,
        decisionId: record.id,
        result: item.result,
        tally: { ...item.tally },
        outcome: record.outcome,
        amount: record.amount,
      },
    });
    return record;
  });
  return { decision, meeting: getMeeting(ctx, request.meetingId) };
}
