import type { ServiceContext } from '../context';
import { listAudit } from '../../db/repositories/audit-log';
import { verifyAuditLog } from './verify-acts';

export function listAuditEntries(
  ctx: ServiceContext,
  filter: { subjectId?: string; limit?: number },
) {
  return { entries: listAudit(ctx.db, filter) };
}

export function verifyAudit(ctx: ServiceContext) {
  return verifyAuditLog(ctx.db);
}
