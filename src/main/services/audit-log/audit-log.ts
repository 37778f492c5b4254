import type { ServiceContext } from '../context';
import { listAudit, verifyAuditChain } from '../../db/repositories/audit-log';

export function listAuditEntries(
  ctx: ServiceContext,
  filter: { subjectId?: string; limit?: number },
) {
  return { entries: listAudit(ctx.db, filter) };
}

export function verifyAudit(ctx: ServiceContext) {
  return verifyAuditChain(ctx.db);
}
