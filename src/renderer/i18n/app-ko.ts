import type { AreaMessages } from './area';

/**
 * Korean messages of the app shell (title, language, navigation, common words, errors, council
 * roles), spread into ko.ts. Keys are "app.*".
 */
export const appKo = {
  'app.title': 'Review Desk',
  'app.council': '1015 피해지원 협의체',
  'app.skipToContent': '본문으로 건너뛰기',

  'app.locale.label': '언어',
  'app.locale.ko': '한국어',
  'app.locale.en': 'English',

  'app.nav.label': '주 메뉴',
  'app.nav.intake': '신청 묶음',
  'app.nav.review': '심사',
  'app.nav.meetings': '회의',
  'app.nav.summary': '지급 요약',
  'app.nav.audit': '감사',
  'app.nav.settings': '설정',

  'app.common.loading': '불러오는 중…',
  'app.common.retry': '다시 시도',
  'app.common.refresh': '새로 고침',
  'app.common.yes': '예',
  'app.common.no': '아니요',

  'app.error.title.unknown_channel': '알 수 없는 요청입니다',
  'app.error.title.untrusted_sender': '허용되지 않은 화면에서 온 요청입니다',
  'app.error.title.invalid_payload': '요청 형식이 올바르지 않습니다',
  'app.error.title.validation_failed': '입력한 내용이 규칙에 맞지 않습니다',
  'app.error.title.not_found': '찾을 수 없습니다',
  'app.error.title.conflict': '이미 처리되었거나 다른 변경과 겹칩니다',
  'app.error.title.forbidden': '허용되지 않았습니다 (권한, 암호, 또는 고르지 않은 파일)',
  'app.error.title.locked': '작업 공간이 잠겨 있습니다',
  'app.error.title.internal': '내부 오류가 발생했습니다',
  'app.error.bridgeMissing':
    '앱 연결(window.api)을 찾을 수 없습니다. Review Desk 앱 안에서 여세요.',
  'app.error.detail': '상세: {message}',

  'app.role.member': '위원',
  'app.role.chair': '위원장',
  'app.role.secretary': '간사',
  'app.role.auditor': '감사',
} satisfies AreaMessages<'app'>;
