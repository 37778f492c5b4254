import { CHAIR_ONLY, SECRETARY_ONLY } from '../../../shared/domain/acts';
import { validateDecision, type DecisionRecord } from '../../../shared/domain/decision';
import type { CouncilAmendmentDto } from '../../../shared/ipc/amendments-schemas';
import { durableTransaction, type Db } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit-log';
import { getClaim } from '../../db/repositories/claims';
import {
  findCouncilAmendment,
  insertCosignature,
  insertCouncilAmendment,
  listCouncilAmendments,
  type CouncilAmendmentRow,
} from '../../db/repositories/council-amendments';
import {
  currentDecisionForClaim,
  findDecision,
  latestCouncilDecision,
} from '../../db/repositories/decisions';
import type { ServiceContext } from '../context';
import { decisionRefusal, recordDecision } from '../decisions/decisions';
import { ServiceError } from '../errors';
import { requireRole, signerOf } from '../identity/acting';

/*
 * Changing the council's decision outside a meeting (DOMAIN: "an amendment co-signed by the
 * chair and the secretary with its reason"). Two steps by two keys, because one machine has
 * one person acting at a time: the secretary proposes, which changes nothing yet; the chair
 * co-signs, which records the amending decision. Until then the ledger pays what the council
 * decided before. The next meeting's minutes report every co-signed amendment.
 */

export interface ProposeAmendmentRequest {
  claimId: string;
  outcome: CouncilAmendmentRow['outcome'];
  amount: number | null;
  reasonCodes: CouncilAmendmentRow['reasonCodes'];
  note: string;
  reason: string;
}

type Status = CouncilAmendmentDto['status'];

/**
 * A proposal waits for the chair while it still amends the council's latest decision and no
 * newer proposal for the claim has replaced it; otherwise it was overtaken and cannot be signed.
 */
function statusOf(db: Db, row: CouncilAmendmentRow, newest: Map<string, number>): Status {
  if (row.cosignature) return 'cosigned';
  if (newest.get(row.claimId) !== row.id) return 'overtaken';
  const council = latestCouncilDecision(db, row.claimId);
  return council?.id === row.amendsDecisionId ? 'pending' : 'overtaken';
}

function toDto(db: Db, row: CouncilAmendmentRow, status: Status): CouncilAmendmentDto {
  const amended = findDecision(db, row.amendsDecisionId)!;
  return {
    id: row.id,
    claimId: row.claimId,
    amendsDecisionId: row.amendsDecisionId,
    amends: { outcome: amended.outcome, amount: amended.amount },
    outcome: row.outcome,
    amount: row.amount,
    reasonCodes: row.reasonCodes,
    note: row.note,
    reason: row.reason,
    proposedBy: row.proposedBy,
    proposedAt: row.proposedAt,
    status,
    cosignedBy: row.cosignature?.cosignedBy ?? null,
    cosignedAt: row.cosignature?.cosignedAt ?? null,
    decisionId: row.cosignature?.decisionId ?? null,
  };
}

/** Every amendment (or one claim's), newest first, with where each stands. */
export function listAmendments(ctx: ServiceContext, claimId?: string): CouncilAmendmentDto[] {
  const rows = listCouncilAmendments(ctx.db, claimId);
  const newest = new Map<string, number>();
  for (const row of rows) if (!newest.has(row.claimId)) newest.set(row.claimId, row.id);
  return rows.map((row) => toDto(ctx.db, row, statusOf(ctx.db, row, newest)));
}

/** One amendment with where it stands, judged among its own claim's amendments only. */
function amendmentDto(ctx: ServiceContext, id: number): CouncilAmendmentDto {
  const row = findCouncilAmendment(ctx.db, id);
  const dto = row && listAmendments(ctx, row.claimId).find((amendment) => amendment.id === id);
  if (!dto) throw new ServiceError('not_found', `amendment ${id} does not exist`);
  return dto;
}

/**
 * The secretary's proposal. It must amend a decision the council made (a first decision is a
 * meeting's), and it must pass every decision rule now, so the chair co-signs something that
 * can be recorded as it stands.
 */
export function proposeAmendment(
  ctx: ServiceContext,
  request: ProposeAmendmentRequest,
): CouncilAmendmentDto {
  const secretary = requireRole(
    ctx,
    SECRETARY_ONLY,
    "Proposing an amendment of the council's decision",
  );
  const id = durableTransaction(ctx.db, () => {
    const claim = getClaim(ctx.db, request.claimId);
    if (!claim) throw new ServiceError('not_found', `claim ${request.claimId} does not exist`);
    const council = latestCouncilDecision(ctx.db, request.claimId) ?? null;
    if (council === null) {
      const message = `the council has not decided ${request.claimId}: its first decision is made in a meeting`;
      throw new ServiceError('conflict', message, [
        { path: 'claimId', code: 'no_council_decision', message },
      ]);
    }
    const current = currentDecisionForClaim(ctx.db, request.claimId) ?? null;
    const reason = request.reason.trim();
    const issues = validateDecision(
      {
        claimId: request.claimId,
        outcome: request.outcome,
        amount: request.amount,
        reasonCodes: request.reasonCodes,
        note: request.note,
        replacesId: current?.id ?? null,
        amendmentReason: reason,
      },
      {
        claimedLoss: claim.claimedLoss,
        reviewable: claim.tier === 'committee_review',
        current,
        standing: council,
      },
    );
    if (issues.length > 0) throw decisionRefusal(request.claimId, issues);
    const proposedAt = ctx.now().toISOString();
    const amendmentId = insertCouncilAmendment(ctx.db, {
      claimId: request.claimId,
      amendsDecisionId: council.id,
      outcome: request.outcome,
      amount: request.amount,
      reasonCodes: request.reasonCodes,
      note: request.note.trim(),
      reason,
      proposedBy: secretary.name,
      proposedKid: secretary.kid,
      proposedAt,
    });
    appendAudit(ctx.db, signerOf(ctx), {
      at: proposedAt,
      action: 'council_amendment.proposed',
      subjectType: 'claim',
      subjectId: request.claimId,
      details: {
        amendmentId,
        amendsDecisionId: council.id,
        outcome: request.outcome,
        amount: request.amount,
        reasonCodes: request.reasonCodes,
        reason,
      },
    });
    return amendmentId;
  });
  return amendmentDto(ctx, id);
}

/**
 * The chair's co-signature: records the amending decision as the council's, in one transaction
 * with the co-signature and both audit entries (the decision's and the co-signature's, each
 * signed by the chair; the proposal's was signed by the secretary).
 */
export function cosignAmendment(
  ctx: ServiceContext,
  amendmentId: number,
): { amendment: CouncilAmendmentDto; decision: DecisionRecord } {
  const chair = requireRole(ctx, CHAIR_ONLY, 'Co-signing an amendment');
  const decision = durableTransaction(ctx.db, () => {
    const row = findCouncilAmendment(ctx.db, amendmentId);
    if (!row) throw new ServiceError('not_found', `amendment ${amendmentId} does not exist`);
    const status = amendmentDto(ctx, amendmentId).status;
    if (status === 'cosigned') {
      throw new ServiceError('conflict', `amendment ${amendmentId} is already co-signed`);
    }
    if (status === 'overtaken') {
      const message = `amendment ${amendmentId} of ${row.claimId} was overtaken by a later council decision or proposal; the secretary proposes again`;
      throw new ServiceError('conflict', message, [
        { path: 'amendmentId', code: 'amendment_overtaken', message },
      ]);
    }
    if (chair.kid === row.proposedKid) {
      throw new ServiceError(
        'forbidden',
        'an amendment needs two different people: the proposer cannot co-sign',
      );
    }
    const current = currentDecisionForClaim(ctx.db, row.claimId) ?? null;
    const record = recordDecision(
      ctx,
      {
        claimId: row.claimId,
        outcome: row.outcome,
        amount: row.amount,
        reasonCodes: row.reasonCodes,
        note: row.note,
        replacesId: current?.id ?? null,
        amendmentReason: row.reason,
        meetingId: null,
      },
      { councilAmendment: true },
    );
    insertCosignature(ctx.db, amendmentId, {
      decisionId: record.id,
      cosignedBy: chair.name,
      cosignedKid: chair.kid,
      cosignedAt: record.decidedAt,
    });
    appendAudit(ctx.db, signerOf(ctx), {
      at: record.decidedAt,
      action: 'council_amendment.cosigned',
      subjectType: 'claim',
      subjectId: row.claimId,
      details: {
        amendmentId,
        decisionId: record.id,
        amendsDecisionId: row.amendsDecisionId,
        proposedBy: row.proposedBy,
        outcome: record.outcome,
        amount: record.amount,
        reason: row.reason,
      },
    });
    return record;
  });
  return { amendment: amendmentDto(ctx, amendmentId), decision };
}
