import { SECRETARIAT } from '../../../shared/domain/acts';
import { appealName } from '../../../shared/domain/appeals';
import type { AppealFiled } from '../../../shared/ipc/appeals-schemas';
import type { AttachedClaim } from '../../../shared/ipc/supplements-schemas';
import { durableTransaction } from '../../db/connection';
import { findAppeal, findOpenAppeal, insertAppeal } from '../../db/repositories/appeals';
import { appendAudit } from '../../db/repositories/audit-log';
import { claimExistence } from '../../db/repositories/claims';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { requireRole, signerOf } from '../identity/acting';
import { attachEvidence } from '../supplements/attach';

export interface FileAppealRequest {
  claimId: string;
  grounds: string;
  /** The day the claimant's appeal came in (YYYY-MM-DD); the day it is recorded when absent. */
  receivedOn?: string | undefined;
  /** A folder or zip of new evidence for the claim. */
  evidence?: string | undefined;
}

/** The Korean calendar day of an instant: the council works in Korean time. */
function koreanDayOf(at: Date): string {
  return new Date(at.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function receivedOnOf(value: string | undefined, today: string): string {
  if (value === undefined) return today;
  const day = value.trim();
  const real = /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString();
  if (!real || !real.startsWith(day))
    throw new ServiceError('validation_failed', `"${value}" is not a day (YYYY-MM-DD)`, [
      { path: 'receivedOn', code: 'not_a_date', message: 'a day as YYYY-MM-DD' },
    ]);
  if (day > today)
    throw new ServiceError('validation_failed', `an appeal cannot come in after today (${day})`, [
      { path: 'receivedOn', code: 'in_the_future', message: 'a day after today' },
    ]);
  return day;
}

function refuseSecondAppeal(claimId: string, open: { id: number; filedAt: string }): never {
  throw new ServiceError(
    'conflict',
    `claim ${claimId} already has ${appealName(open.id)} (filed ${open.filedAt}) waiting for a ruling; admit or reject it first. Nothing was recorded`,
    [{ path: 'claimId', code: 'appeal_open', message: String(open.id) }],
  );
}

/**
 * Records a claimant's appeal on any claim, paid by bracket or decided by the council. Checks
 * come first (the key, the grounds, the claim, no other appeal waiting), so a refusal writes
 * nothing at all.
 *
 * New evidence is attached first, through the supplements service and in its own transaction,
 * and the appeal then names that arrival: the evidence is a fact on the claim whether or not the
 * appeal stands (a rejected appeal does not un-send the claimant's receipts), and attaching reads
 * a folder or zip, which no write transaction should wait on.
 */
export async function fileAppeal(
  ctx: ServiceContext,
  request: FileAppealRequest,
): Promise<AppealFiled> {
  const person = requireRole(ctx, SECRETARIAT, 'Filing an appeal');
  const grounds = request.grounds.trim();
  if (grounds === '')
    throw new ServiceError('validation_failed', 'say what the claimant objects to (--grounds)', [
      { path: 'grounds', code: 'required', message: 'the grounds are required' },
    ]);
  const receivedOn = receivedOnOf(request.receivedOn, koreanDayOf(ctx.now()));
  const { claimId } = request;
  const andEvidence = request.evidence === undefined ? '' : ' and no evidence was attached';
  if (!claimExistence(ctx.db)(claimId))
    throw new ServiceError(
      'not_found',
      `claim ${claimId} does not exist; no appeal was recorded${andEvidence}`,
    );
  const open = findOpenAppeal(ctx.db, claimId);
  if (open) refuseSecondAppeal(claimId, open);

  let evidence: AttachedClaim | null = null;
  let evidenceSource: string | null = null;
  if (request.evidence !== undefined) {
    const report = await attachEvidence(ctx, { claimId, evidence: request.evidence });
    evidence = report.claims[0] ?? null;
    evidenceSource = report.source;
  }
  const id = durableTransaction(
    ctx.db,
    () => {
      // Read again: another appeal may have been recorded while the evidence was being read.
      const raced = findOpenAppeal(ctx.db, claimId);
      if (raced) refuseSecondAppeal(claimId, raced);
      const filedAt = ctx.now().toISOString();
      const arrivalId = evidence?.arrivalId ?? null;
      const appealId = insertAppeal(ctx.db, {
        claimId,
        grounds,
        receivedOn,
        filedAt,
        recordedBy: person.name,
        arrivalId,
      });
      appendAudit(ctx.db, signerOf(ctx), {
        at: filedAt,
        action: 'appeal.filed',
        subjectType: 'claim',
        subjectId: claimId,
        details: {
          appealId,
          grounds,
          receivedOn,
          arrivalId,
          evidenceSource,
        },
      });
      return appealId;
    },
    'immediate',
  );
  return { appeal: findAppeal(ctx.db, id)!, evidence };
}
