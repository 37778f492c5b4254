import { QUARANTINE_DISCARDERS } from '../../../shared/domain/acts';
import { durableTransaction } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit-log';
import { findQuarantineEntry, insertQuarantineDiscard } from '../../db/repositories/quarantine';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { requireRole, signerOf } from '../identity/acting';

export interface DiscardRequest {
  batchId: number;
  /** The entry's 보류번호, as the export and the quarantine list show it. */
  entryId: number;
  reason: string;
}

/**
 * Ends a quarantined row that will never become a claim (a second copy of a claim already
 * in, a test row, a withdrawn claim): the row stays listed as discarded with who, when and why,
 * and the audit log signs for it. Only an open row can be discarded, so a row that became a
 * claim, or was discarded or replaced already, is refused with the end it reached.
 */
export function discardQuarantineEntry(ctx: ServiceContext, request: DiscardRequest): void {
  const person = requireRole(ctx, QUARANTINE_DISCARDERS, 'Discarding a quarantined row');
  const reason = request.reason.trim();
  if (reason === '')
    throw new ServiceError('validation_failed', 'say why the row is discarded (--reason)', [
      { path: 'reason', code: 'required', message: 'a reason is required' },
    ]);
  durableTransaction(
    ctx.db,
    () => {
      const entry = findQuarantineEntry(ctx.db, request.entryId);
      if (!entry || entry.batchId !== request.batchId)
        throw new ServiceError(
          'not_found',
          `batch ${request.batchId} has no quarantined row ${request.entryId}`,
        );
      if (entry.status !== 'open')
        throw new ServiceError(
          'conflict',
          `quarantined row ${entry.id} is already ${entry.status}${endedBy(entry)}; nothing was changed`,
        );
      const at = ctx.now().toISOString();
      insertQuarantineDiscard(ctx.db, { quarantineId: entry.id, reason, by: person.name, at });
      appendAudit(ctx.db, signerOf(ctx), {
        at,
        action: 'quarantine.discarded',
        subjectType: 'batch',
        subjectId: String(entry.batchId),
        details: { entryId: entry.id, row: entry.originalRow, claimId: entry.claimId, reason },
      });
    },
    'immediate',
  );
}

function endedBy(entry: NonNullable<ReturnType<typeof findQuarantineEntry>>): string {
  if (entry.resolvedBy !== null) return ` (claim ${entry.resolvedBy})`;
  if (entry.supersededBy !== null) return ` (by row ${entry.supersededBy})`;
  if (entry.discard !== null) return ` (${entry.discard.reason})`;
  return '';
}
