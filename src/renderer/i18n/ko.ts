import { intakeKo } from './intake-ko';
import { evidenceKo } from './evidence-ko';
import { policyKo } from './policy-ko';
import { reviewKo } from './review-ko';
import { meetingsKo } from './meetings-ko';
import { auditorKo } from './auditor-ko';
import { decisionFilesKo } from './decision-files-ko';
import { recommendationsKo } from './recommendations-ko';
import { signingKo } from './signing';
import { summaryKo } from './summary-ko';
import { minutesKo } from './minutes-ko';

/**
 * Korean is the source of truth: the council works in Korean, and en.ts must carry exactly
 * these keys (the type check fails otherwise). Placeholders are written {name}.
 */
export const ko = {
  'app.title': 'Review Desk',
  'app.council': '1015 피해지원 협의체',
  'app.skipToContent': '본문으로 건너뛰기',

  'locale.label': '언어',
  'locale.ko': '한국어',
  'locale.en': 'English',

  'nav.label': '주 메뉴',
  'nav.intake': '신청 묶음',
  'nav.review': '심사',
  'nav.meetings': '회의',
  'nav.summary': '지급 요약',
  'nav.audit': '감사',
  'nav.settings': '설정',

  'common.loading': '불러오는 중…',
  'common.retry': '다시 시도',
  'common.refresh': '새로 고침',
  'common.yes': '예',
  'common.no': '아니요',

  'error.title.unknown_channel': '알 수 없는 요청입니다',
  'error.title.untrusted_sender': '허용되지 않은 화면에서 온 요청입니다',
  'error.title.invalid_payload': '요청 형식이 올바르지 않습니다',
  'error.title.validation_failed': '입력한 내용이 규칙에 맞지 않습니다',
  'error.title.not_found': '찾을 수 없습니다',
  'error.title.conflict': '이미 처리되었거나 다른 변경과 겹칩니다',
  'error.title.forbidden': '허용되지 않았습니다 (권한, 암호, 또는 고르지 않은 파일)',
  'error.title.internal': '내부 오류가 발생했습니다',
  'error.bridgeMissing': '앱 연결(window.api)을 찾을 수 없습니다. Review Desk 앱 안에서 여세요.',
  'error.detail': '상세: {message}',

  'batches.title': '신청 묶음',
  'batches.summary': '작업 공간 요약',
  'batches.batches': '신청 묶음',
  'batches.claims': '전체 신청',
  'batches.reviewQueue': '위원회 심사 대상',
  'batches.decided': '결정 완료',
  'batches.reviewQueueTotal': '심사 대상 신청 금액 합계',
  'batches.openReview': '심사 화면으로',
  'batches.empty.title': '아직 불러온 신청이 없습니다',
  'batches.empty.body':
    '신청 묶음 파일을 불러오면 신청이 등급별로 분류되고, 50만원 초과 건은 위원회 심사 대상이 됩니다. 데모 묶음이나 표본 신청으로 먼저 살펴볼 수 있습니다.',
  'batches.empty.loadSample': '표본 신청 불러오기',
  'batches.empty.loading': '표본을 불러오는 중…',

  ...intakeKo,
  ...evidenceKo,
  ...policyKo,
  ...reviewKo,
  ...meetingsKo,
  ...auditorKo,
  ...decisionFilesKo,
  ...recommendationsKo,
  ...signingKo,
  ...summaryKo,
  ...minutesKo,

  'review.title': '심사',
  'review.filter.tier': '등급',
  'review.filter.allTiers': '전체 등급',
  'review.shown': '{total}건 중 {shown}건 표시',
  'review.empty': '이 조건에 맞는 신청이 없습니다.',
  'review.table.caption': '신청 목록. 행을 누르거나 Enter 키로 상세를 엽니다.',
  'review.col.claimId': '접수번호',
  'review.col.received': '접수일시',
  'review.col.businessName': '상호',
  'review.col.industry': '업종',
  'review.col.service': '서비스',
  'review.col.claimedLoss': '피해금액',
  'review.col.tier': '등급',
  'review.col.reviewState': '심사 상태',
  'review.col.evidence': '증빙',
  'review.noSelection': '목록에서 신청을 고르면 상세와 결정 양식이 여기에 표시됩니다.',

  'detail.title': '신청 {claimId}',
  'detail.close': '닫기',
  'detail.fields': '신청 정보',
  'detail.batch': '신청 묶음',
  'detail.claimantType': '신청인 구분',
  'detail.affiliate': '계열사',
  'detail.paid': '유료 여부',
  'detail.damageType': '피해 유형',
  'detail.businessRegNo': '사업자등록번호',
  'detail.contact': '연락처 (가림)',
  'detail.tierRule': '등급 규칙 버전',
  'detail.description': '피해 내용',
  'detail.evidence': '증빙 ({count}건)',
  'detail.evidence.none': '첨부된 증빙이 없습니다.',
  'evidence.status.stored': '보관됨',
  'evidence.status.missing': '파일 없음',
  'evidence.status.rejected': '거부됨',
  'detail.notReviewable': '이 신청은 위원회 심사 대상이 아니므로 결정이 필요하지 않습니다.',
  'detail.fixedSupport': '이 등급은 정액 {amount}을 지원합니다.',

  'history.title': '결정 이력',
  'history.empty': '아직 기록된 결정이 없습니다.',
  'history.amount': '금액',
  'history.reasons': '사유',
  'history.note': '메모',
  'history.by': '{who} · {when}',
  'history.replaces': '#{id} 대체',
  'history.amendmentReason': '변경 사유',

  'form.title.first': '결정 기록',
  'form.title.follow_up': '후속 결정 기록',
  'form.title.amendment': '확정 결정 변경 (정정)',
  'form.amendmentHint': '확정된 결정은 고치지 않고, 변경 사유와 함께 새 결정으로 대체합니다.',
  'form.outcome': '결정',
  'form.amount': '지원 금액',
  'form.amount.hint': '예: 1,200,000 · 120만원 · 1억 2천만원',
  'form.amount.parsed': '= {amount}',
  'form.amount.chooseOutcome': '결정을 먼저 고르면 금액을 입력할 수 있습니다.',
  'form.amount.notNeeded': '이 결정에는 금액이 없습니다.',
  'form.claimedLoss': '신청 피해금액 {amount}',
  'form.reasons': '사유 코드',
  'form.note': '메모',
  'form.amendmentReason': '변경 사유',
  'form.outcomeRequired': '결정을 고르세요.',
  'form.save': '결정 저장',
  'form.saving': '저장 중…',
  'form.issueCount': '저장하려면 {count}개 항목을 고치세요.',
  'form.saved': '결정 #{id}을(를) 저장했습니다.',

  'audit.title': '감사',
  'audit.verdict.ok': '감사 기록 무결: {count}개 항목의 해시 연결이 모두 맞습니다.',
  'audit.verdict.broken': '감사 기록 손상: {seq}번 항목에서 문제가 발견되었습니다 ({problem}).',
  'audit.problem.hash_mismatch': '해시 불일치',
  'audit.problem.broken_link': '연결 끊김',
  'audit.problem.sequence_gap': '순번 누락',
  'audit.latest': '최근 항목',
  'audit.empty': '감사 기록이 없습니다.',
  'audit.col.seq': '순번',
  'audit.col.at': '시각',
  'audit.col.actor': '수행자',
  'audit.col.action': '작업',
  'audit.col.subject': '대상',
  'audit.col.hash': '해시',

  'meetings.title': '회의',
  'meetings.empty.title': '회의 기능은 준비 중입니다',
  'meetings.empty.body':
    '회의 일정, 위원 의견 취합, 회의록 내보내기는 다음 버전에서 제공됩니다. 지금은 심사 화면에서 신청별 결정을 기록할 수 있습니다.',

  'settings.title': '설정',
  'settings.language': '표시 언어',
  'settings.about': '앱 정보',
  'settings.appVersion': '앱 버전',
  'settings.schemaVersion': '데이터베이스 스키마 버전',
  'settings.dataDir': '데이터 폴더',
  'settings.actor': '현재 사용자',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof ko;
export type Messages = Record<MessageKey, string>;
