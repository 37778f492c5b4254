import { SECRETARIAT } from '../../../shared/domain/acts';
import { appealName, APPEAL_STATE_LABELS } from '../../../shared/domain/appeals';
import type { AppealRuled } from '../../../shared/ipc/appeals-schemas';
import { durableTransaction } from '../../db/connection';
import { findAppeal, insertAppealRuling } from '../../db/repositories/appeals';
import { appendAudit } from '../../db/repositories/audit-log';
import { getClaim } from '../../db/repositories/claims';
import type { ServiceContext } from '../context';
import { recordClaimVersion } from '../corrections/claim-version';
import { ServiceError } from '../errors';
import { requireRole, signerOf } from '../identity/acting';

export interface RuleRequest {
  appealId: number;
  ruling: 'admit' | 'reject';
  reason: string;
}

const WHAT = { admit: 'Admitting an appeal', reject: 'Rejecting an appeal' } as const;

/**
 * The secretary's ruling on an appeal, once and for good (a rejected claimant appeals again with
 * a new appeal). Admitting puts the claim to council review as a new claim version whose reason
 * names the appeal, so it enters the review queue and can go on a meeting's agenda like any
 * committee claim, and stays there through later corrections of its data; the council's
 * decision then pays it, less any bracket already paid (see ledger-rows.ts). Rejecting changes
 * nothing on the claim. Ruling, version and audit entry land in one transaction.
 */
export function ruleOnAppeal(ctx: ServiceContext, request: RuleRequest): AppealRuled {
  const person = requireRole(ctx, SECRETARIAT, WHAT[request.ruling]);
  const reason = request.reason.trim();
  if (reason === '')
    throw new ServiceError('validation_failed', 'say why the appeal is ruled so (--reason)', [
      { path: 'reason', code: 'required', message: 'a reason is required' },
    ]);
  return durableTransaction(
    ctx.db,
    () => {
      const appeal = findAppeal(ctx.db, request.appealId);
      if (!appeal)
        throw new ServiceError('not_found', `there is no ${appealName(request.appealId)}`);
      if (appeal.state !== 'filed')
        throw new ServiceError(
          'conflict',
          `${appealName(appeal.id)} was already ${appeal.state} on ${appeal.ruledAt} by ${appeal.ruledBy} (${APPEAL_STATE_LABELS[appeal.state].ko}: ${appeal.rulingReason}); a ruling is final, nothing was changed`,
          [{ path: 'appealId', code: 'appeal_ruled', message: appeal.state }],
        );
      const at = ctx.now().toISOString();
      const claim = getClaim(ctx.db, appeal.claimId)!;
      const ruling = request.ruling === 'admit' ? 'admitted' : 'rejected';
      let tier = { from: claim.tier, to: claim.tier };
      let claimVersion: number | null = null;
      let versionDetails = {};
      if (ruling === 'admitted') {
        const { from, to } = recordClaimVersion(ctx.db, {
          claimId: claim.claimId,
          tierBasis: 'appeal',
          reason: `${appealName(appeal.id)} 인용: ${reason}`,
          by: person.name,
          at,
        });
        tier = { from: from.tier, to: to.tier };
        claimVersion = to.version;
        versionDetails = { fromVersion: from.version, toVersion: to.version };
      }
      insertAppealRuling(ctx.db, {
        appealId: appeal.id,
        ruling,
        reason,
        ruledBy: person.name,
        ruledAt: at,
        claimVersion,
      });
      appendAudit(ctx.db, signerOf(ctx), {
        at,
        action: ruling === 'admitted' ? 'appeal.admitted' : 'appeal.rejected',
        subjectType: 'claim',
        subjectId: claim.claimId,
        details: {
          appealId: appeal.id,
          reason,
          tierFrom: tier.from,
          tierTo: tier.to,
          ...versionDetails,
        },
      });
      return { appeal: findAppeal(ctx.db, appeal.id)!, tier };
    },
    'immediate',
  );
}
