import { createHash } from 'node:crypto';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { assignmentWriter } from '../../db/repositories/assignments';
import { claimExistence } from '../../db/repositories/claims';
import { findPerson } from '../../db/repositories/people';
import { requireSecretary } from '../people/people';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/** Up to this many claim ids are written into the audit entry itself; beyond, their hash. */
const AUDIT_ID_LIST_LIMIT = 5000;

/**
 * Hands claims to a person (a secretary's bulk action, usually "everything in this filter").
 * All or nothing: an unknown claim id or person refuses the whole request.
 */
export function assignClaims(
  ctx: ServiceContext,
  request: { claimIds: string[]; assignee: string | null },
): { assigned: number } {
  requireSecretary(ctx, 'assigning claims');
  const claimIds = [...new Set(request.claimIds)].sort();
  return ctx.db.transaction(() => {
    if (request.assignee !== null && !findPerson(ctx.db, request.assignee))
      throw new ServiceError('not_found', `${request.assignee} is not on the list of people`);
    const exists = claimExistence(ctx.db);
    const unknown = claimIds.filter((id) => !exists(id));
    if (unknown.length > 0) {
      throw new ServiceError(
        'validation_failed',
        `${unknown.length} claim id(s) do not exist, e.g. ${unknown.slice(0, 5).join(', ')}; nothing was assigned`,
        unknown
          .slice(0, 20)
          .map((id) => ({ path: 'claimIds', code: 'unknown_claim', message: id })),
      );
    }
    const at = ctx.now().toISOString();
    const write = assignmentWriter(ctx.db, at, ctx.actor);
    for (const id of claimIds) write(id, request.assignee);
    const idsSha256 = createHash('sha256').update(claimIds.join('\n')).digest('hex');
    appendAudit(ctx.db, signerOf(ctx), {
      at,
      action: 'claims.assigned',
      subjectType: 'assignment',
      subjectId: request.assignee ?? '',
      details: {
        assignee: request.assignee,
        count: claimIds.length,
        idsSha256,
        claimIds: claimIds.length <= AUDIT_ID_LIST_LIMIT ? claimIds : null,
      },
    });
    return { assigned: claimIds.length };
  })();
}
