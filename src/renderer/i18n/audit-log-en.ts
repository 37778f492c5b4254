import type { auditLogKo } from './audit-log-ko';

/**
 * English messages of the audit log (Audit screen); the type makes it carry exactly auditLogKo's
 * keys.
 */
export const auditLogEn: Record<keyof typeof auditLogKo, string> = {
  'auditLog.title': 'Audit',
  'auditLog.verdict.ok': 'Audit log intact: all {count} entries chain correctly.',
  'auditLog.verdict.broken': 'Audit log broken at seq {seq} ({problem}).',
  'auditLog.problem.hash_mismatch': 'hash mismatch',
  'auditLog.problem.broken_link': 'broken link',
  'auditLog.problem.sequence_gap': 'sequence gap',
  'auditLog.latest': 'Latest entries',
  'auditLog.empty': 'The audit log is empty.',
  'auditLog.col.seq': 'Seq',
  'auditLog.col.at': 'Time',
  'auditLog.col.actor': 'Actor',
  'auditLog.col.action': 'Action',
  'auditLog.col.subject': 'Subject',
  'auditLog.col.hash': 'Hash',
};
