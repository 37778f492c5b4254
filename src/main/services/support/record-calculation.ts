import { isKrw } from '../../../shared/domain/money';
import { calculateSupport } from '../../../shared/domain/support-calculator';
import { POLICY_TABLES, type SupportCalculation } from '../../../shared/domain/support-policy';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { getClaim } from '../../db/repositories/claims';
import { findPolicy } from '../../db/repositories/support-policies';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/**
 * Runs the support calculator for one committee-review claim and records that it was run,
 * with the figures it used, so the minutes can show what the council was advised and when.
 * The decision itself is recorded separately (and recomputes this figure rather than trust it).
 */
export function recordSupportCalculation(
  ctx: ServiceContext,
  request: { claimId: string; verifiedLoss: number; policyVersion: number },
): SupportCalculation {
  const { db } = ctx;
  return db.transaction(() => {
    const claim = getClaim(db, request.claimId);
    if (!claim) throw new ServiceError('not_found', `claim ${request.claimId} does not exist`);
    if (claim.tier !== 'committee_review') {
      throw new ServiceError(
        'validation_failed',
        `claim ${request.claimId} is in tier ${claim.tier}: only committee review uses the calculator`,
        [
          {
            path: 'claimId',
            code: 'claim_not_reviewable',
            message: 'This claim is not for committee review.',
          },
        ],
      );
    }
    if (!isKrw(request.verifiedLoss)) {
      throw new ServiceError(
        'validation_failed',
        'the verified loss must be whole won, 0 or more',
        [
          {
            path: 'verifiedLoss',
            code: 'not_krw',
            message: 'The verified loss must be whole won.',
          },
        ],
      );
    }
    const policy = findPolicy(db, request.policyVersion);
    if (!policy) {
      throw new ServiceError('not_found', `support policy ${request.policyVersion} does not exist`);
    }
    const calculation = calculateSupport(policy, claim, request.verifiedLoss);
    appendAudit(db, signerOf(ctx), {
      at: ctx.now().toISOString(),
      action: 'support.calculated',
      subjectType: 'claim',
      subjectId: claim.claimId,
      details: {
        policyVersion: calculation.policyVersion,
        verifiedLoss: calculation.verifiedLoss,
        recommended: calculation.recommended,
        factors: POLICY_TABLES.map((table) => ({
          table,
          key: calculation.factors[table].key,
          factorBp: calculation.factors[table].factorBp,
        })),
      },
    });
    return calculation;
  })();
}
