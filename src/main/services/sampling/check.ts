import { SAMPLE_CHECKERS } from '../../../shared/domain/acts';
import { NOTE_MAX_LENGTH, REASON_CODES, type ReasonCode } from '../../../shared/domain/decision';
import type { Verdict } from '../../../shared/domain/sampling';
import { durableTransaction } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit-log';
import {
  findSampleCheck,
  insertSampleCheck,
  sampledTierOf,
  type SampleCheck,
} from '../../db/repositories/samples';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { requireRole, signerOf } from '../identity/acting';
import { requireSample } from './status';

export interface CheckRequest {
  sampleId: number;
  claimId: string;
  verdict: Verdict;
  /** As for decisions (REASON_CODES): at least one when not confirmed, none when confirmed. */
  reasonCodes: readonly string[];
  note?: string | undefined;
}

const refuse = (path: string, code: string, message: string): never => {
  throw new ServiceError('validation_failed', message, [{ path, code, message }]);
};

function reasonCodesOf(request: CheckRequest): ReasonCode[] {
  const codes = request.reasonCodes;
  const unknown = codes.filter((code) => !(REASON_CODES as readonly string[]).includes(code));
  if (unknown.length > 0)
    refuse(
      'reasonCodes',
      'unknown_reason',
      `unknown reason code ${unknown.join(', ')}; the codes are ${REASON_CODES.join(', ')} (--reason-code)`,
    );
  if (new Set(codes).size !== codes.length)
    refuse('reasonCodes', 'duplicate_reason', 'each reason code is given once (--reason-code)');
  if (request.verdict === 'not_confirmed' && codes.length === 0)
    refuse(
      'reasonCodes',
      'reason_required',
      `a claim not confirmed needs at least one reason code (--reason-code ${REASON_CODES[0]})`,
    );
  if (request.verdict === 'confirmed' && codes.length > 0)
    refuse('reasonCodes', 'reason_not_allowed', 'a confirmed claim takes no reason code');
  return codes as ReasonCode[];
}

function noteOf(request: CheckRequest, codes: readonly ReasonCode[]): string {
  const note = (request.note ?? '').trim();
  if (note.length > NOTE_MAX_LENGTH)
    refuse('note', 'note_too_long', `a note is at most ${NOTE_MAX_LENGTH} characters (--note)`);
  if (codes.includes('other') && note === '')
    refuse('note', 'note_required_for_other', 'the reason code "other" needs a note (--note)');
  return note;
}

/**
 * Records one check of a sampled claim: confirmed, or not confirmed with reason codes. A later
 * check of the same claim supersedes this one in the figures; both stay (migration 019).
 */
export function checkSampledClaim(ctx: ServiceContext, request: CheckRequest): SampleCheck {
  const person = requireRole(ctx, SAMPLE_CHECKERS, 'Checking a sampled claim');
  const reasonCodes = reasonCodesOf(request);
  const note = noteOf(request, reasonCodes);
  return durableTransaction(
    ctx.db,
    () => {
      const sample = requireSample(ctx.db, request.sampleId);
      const tier = sampledTierOf(ctx.db, sample.id, request.claimId);
      if (tier === undefined)
        throw new ServiceError(
          'not_found',
          `claim ${request.claimId} is not in sample ${sample.id}; its claims are listed by: sample list --sample ${sample.id}`,
          [{ path: 'claimId', code: 'not_sampled', message: `not in sample ${sample.id}` }],
        );
      const checkedAt = ctx.now().toISOString();
      const id = insertSampleCheck(ctx.db, {
        sampleId: sample.id,
        claimId: request.claimId,
        verdict: request.verdict,
        reasonCodes,
        note,
        checkedBy: person.name,
        checkedAt,
      });
      appendAudit(ctx.db, signerOf(ctx), {
        at: checkedAt,
        action: 'sample.checked',
        subjectType: 'sample',
        subjectId: String(sample.id),
        // The note is the checker's own words and may quote the claimant: it stays in the
        // check's row, not in the log that auditors receive.
        details: {
          checkId: id,
          claimId: request.claimId,
          tier,
          verdict: request.verdict,
          reasonCodes,
        },
      });
      return findSampleCheck(ctx.db, id)!;
    },
    'immediate',
  );
}
