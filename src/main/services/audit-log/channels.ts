import type { Serve } from '../channel';
import { listAuditEntries, verifyAudit } from './audit-log';

/** auditLog:* — the workspace's hash-chained log of every write. */
export const list: Serve<'auditLog:list'> = (ctx, request) => listAuditEntries(ctx, request);

export const verify: Serve<'auditLog:verify'> = (ctx) => verifyAudit(ctx);
