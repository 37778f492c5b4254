/**
 * Every kind of write the audit log records. Main writes only these; the renderer labels them.
 * An old log may hold an action a newer build renamed, so readers must still show unknown ones.
 */
export const AUDIT_ACTION_LABELS = {
  'batch.imported': { ko: '신청 묶음 가져옴', en: 'Batch imported' },
  'batch.fixes_imported': { ko: '보류 행 수정분 가져옴', en: 'Fixed quarantine rows imported' },
  'decision.recorded': { ko: '결정 기록', en: 'Decision recorded' },
  'decision.followed_up': { ko: '후속 결정', en: 'Follow-up decision' },
  'decision.amended': { ko: '결정 변경', en: 'Decision amended' },
  'evidence.viewed': { ko: '증빙 열람', en: 'Evidence viewed' },
  'claim.contact_revealed': { ko: '연락처 열람', en: 'Contact revealed' },
  'claim.recommended': { ko: '지원금 산정', en: 'Support calculated' },
  'claims.assigned': { ko: '배정', en: 'Claims assigned' },
  'policy.versioned': { ko: '지원 기준 새 판', en: 'New support policy version' },
  'person.added': { ko: '위원회 인원 추가', en: 'Person added' },
} as const satisfies Record<string, { ko: string; en: string }>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export function isKnownAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action);
}
