import type { AreaMessages } from './area';

/** Korean messages of the audit log (Audit screen), spread into ko.ts. Keys are "auditLog.*". */
export const auditLogKo = {
  'auditLog.title': '감사',
  'auditLog.verdict.ok': '감사 기록 무결: {count}개 항목의 해시 연결이 모두 맞습니다.',
  'auditLog.verdict.broken': '감사 기록 손상: {seq}번 항목에서 문제가 발견되었습니다 ({problem}).',
  'auditLog.problem.hash_mismatch': '해시 불일치',
  'auditLog.problem.broken_link': '연결 끊김',
  'auditLog.problem.sequence_gap': '순번 누락',
  'auditLog.latest': '최근 항목',
  'auditLog.empty': '감사 기록이 없습니다.',
  'auditLog.col.seq': '순번',
  'auditLog.col.at': '시각',
  'auditLog.col.actor': '수행자',
  'auditLog.col.action': '작업',
  'auditLog.col.subject': '대상',
  'auditLog.col.hash': '해시',
} satisfies AreaMessages<'auditLog'>;
