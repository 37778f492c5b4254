/**
 * Every kind of write the audit log records. Main writes only these; the renderer labels them.
 * An old log may hold an action a newer build renamed, so readers must still show unknown ones.
 */
export const AUDIT_ACTION_LABELS = {
  'batch.imported': { ko: '신청 묶음 가져옴', en: 'Batch imported' },
  'batch.fixes_imported': { ko: '보류 행 수정분 가져옴', en: 'Fixed quarantine rows imported' },
  'quarantine.discarded': { ko: '보류 행 폐기', en: 'Quarantined row discarded' },
  'decision.recorded': { ko: '결정 기록', en: 'Decision recorded' },
  'decision.followed_up': { ko: '후속 결정', en: 'Follow-up decision' },
  'decision.amended': { ko: '결정 변경', en: 'Decision amended' },
  'evidence.viewed': { ko: '증빙 열람', en: 'Evidence viewed' },
  'evidence.attached': { ko: '증빙 추가 접수', en: 'Supplementary evidence received' },
  'claim.contact_revealed': { ko: '연락처 열람', en: 'Contact revealed' },
  'support.calculated': { ko: '지원금 산정', en: 'Support calculated' },
  // The same act under its name before the calculator was called "calculate" everywhere; kept so
  // older logs still read.
  'claim.recommended': { ko: '지원금 산정', en: 'Support calculated' },
  'claims.assigned': { ko: '배정', en: 'Claims assigned' },
  'policy.versioned': { ko: '지원 기준 새 판', en: 'New support policy version' },
  'person.added': { ko: '위원회 인원 추가', en: 'Person added' },
  'meeting.opened': { ko: '회의 개회', en: 'Meeting opened' },
  'meeting.attendance_set': { ko: '출석 기록', en: 'Attendance recorded' },
  'meeting.agenda_added': { ko: '안건 상정', en: 'Claim put on the agenda' },
  'meeting.vote_recorded': { ko: '표결 기록', en: 'Vote recorded' },
  'meeting.voting_closed': { ko: '표결 종료', en: 'Voting closed' },
  'meeting.decision_confirmed': { ko: '위원장 결정 확정', en: 'Decision confirmed by the chair' },
  'meeting.closed': { ko: '회의 폐회', en: 'Meeting closed' },
  'roster.imported': { ko: '위원 명부 가져옴', en: 'Roster imported' },
  'decisions.exported': { ko: '결정문 서명·내보냄', en: 'Decision file signed and exported' },
  'recommendations.exported': {
    ko: '위원 의견서 서명·내보냄',
    en: 'Member recommendations signed and exported',
  },
  'recommendations.imported': { ko: '위원 의견서 가져옴', en: 'Member recommendations imported' },
  'minutes.drafted': { ko: '회의록 작성', en: 'Minutes drafted' },
  'minutes.approved': { ko: '회의록 승인', en: 'Minutes approved' },
  'council_amendment.proposed': {
    ko: '위원회 결정 정정 제안 (간사)',
    en: "Amendment of the council's decision proposed (secretary)",
  },
  'council_amendment.cosigned': {
    ko: '위원회 결정 정정 공동 서명 (위원장)',
    en: "Amendment of the council's decision co-signed (chair)",
  },
  'ledger.exported': { ko: '지급 명세 내보냄', en: 'Payout ledger exported' },
  'claim.corrected': { ko: '신청 정보 정정 (새 판)', en: 'Claim corrected (new version)' },
  'appeal.filed': { ko: '이의신청 접수', en: 'Appeal filed' },
  'appeal.admitted': { ko: '이의신청 인용 (위원회 심사)', en: 'Appeal admitted to council review' },
  'appeal.rejected': { ko: '이의신청 기각', en: 'Appeal rejected' },
  'sample.drawn': { ko: '사후 표본 추출', en: 'Post-payment sample drawn' },
  'sample.checked': { ko: '표본 확인 기록', en: 'Sampled claim checked' },
} as const satisfies Record<string, { ko: string; en: string }>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export function isKnownAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action);
}
