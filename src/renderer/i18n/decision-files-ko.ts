import type { AreaMessages } from './area';

/**
 * Korean messages of signing a meeting's decision file (Meetings screen), spread into ko.ts. Keys
 * are "decisionFiles.*".
 */
export const decisionFilesKo = {
  'decisionFiles.title': '서명된 결정 파일',
  'decisionFiles.intro':
    '위원장과 간사가 서명하고, 위원도 함께 서명할 수 있습니다. 감사인은 이 파일로 결정이 바뀌지 않았음을 확인합니다.',
  'decisionFiles.addSigner': '서명 키 추가…',
  'decisionFiles.keychain': '운영체제 키체인으로 엽니다',
  'decisionFiles.remove': '빼기',
  'decisionFiles.passphraseFor': '{name}의 암호',
  'decisionFiles.missing': '아직 서명자가 없습니다: {roles}',
  'decisionFiles.export': '서명하고 저장…',
  'decisionFiles.signing': '서명하는 중…',
  'decisionFiles.saved': '저장했습니다: {path}',
  'decisionFiles.exportedAt': '내보낸 때',
  'decisionFiles.decisions': '결정 수',
  'decisionFiles.signers': '서명자',
  'decisionFiles.saveCopy': '사본 저장…',
} satisfies AreaMessages<'decisionFiles'>;
