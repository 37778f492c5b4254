import type { AreaMessages } from './area';

/**
 * Korean messages of members' recommendations (the claim's section, the import and export panel),
 * spread into ko.ts. Keys are "recommendations.*".
 */
export const recommendationsKo = {
  'recommendations.open': '위원 의견 파일',
  'recommendations.title': '위원 의견 파일',
  'recommendations.import.title': '위원 의견 파일 가져오기',
  'recommendations.import.hint':
    '위원이 서명해 보낸 의견 파일을 여러 개 한꺼번에 고를 수 있습니다. 파일마다 위원 명부의 키로 서명을 확인하며, 서명한 뒤 바뀐 파일이나 명부에 없는 키로 서명한 파일은 이유와 함께 거부합니다.',
  'recommendations.import.choose': '파일 고르기…',
  'recommendations.import.busy': '확인하는 중…',
  'recommendations.import.summary': '{accepted}개 가져옴, {refused}개 거부',
  'recommendations.result.accepted': '가져옴: {member} 위원, {batch}, 의견 {count}건',
  'recommendations.result.already':
    '이미 가져온 파일: {member} 위원, 의견 {count}건 (바뀐 것 없음)',
  'recommendations.result.refused': '거부됨',
  'recommendations.files.title': '가져온 파일',
  'recommendations.files.empty': '아직 가져온 위원 의견 파일이 없습니다.',
  'recommendations.files.member': '위원',
  'recommendations.files.fingerprint': '키 지문',
  'recommendations.files.batch': '신청 묶음',
  'recommendations.files.count': '의견',
  'recommendations.files.signedAt': '서명',
  'recommendations.files.importedAt': '가져옴',
  'recommendations.files.superseded': '새 파일로 대체됨',
  'recommendations.files.countValue': '{count}건',
  'recommendations.roleUnknown': '현재 명부에 없음',

  'recommendations.export.title': '내 의견 내보내기',
  'recommendations.export.hint':
    '이 작업 공간에서 내가 기록한 결정을 신청 묶음 하나씩 내 키로 서명해 파일로 저장합니다. 저장한 파일을 간사에게 보내세요. 암호는 이번 서명에만 쓰고 어디에도 저장하지 않습니다.',
  'recommendations.export.batch': '신청 묶음',
  'recommendations.export.batchOption': '{name} · 신청 {claims}건',
  'recommendations.export.key': '내 키 파일',
  'recommendations.export.chooseKey': '키 파일 고르기…',
  'recommendations.export.noKey': '아직 고르지 않음',
  'recommendations.export.passphrase': '키 암호',
  'recommendations.export.save': '서명하고 저장…',
  'recommendations.export.busy': '서명하는 중…',
  'recommendations.export.saved': '{member} 위원의 의견 {count}건을 서명해 저장했습니다: {path}',
  'recommendations.export.notSaved': '저장 위치를 고르지 않아 아무것도 저장하지 않았습니다.',
  'recommendations.export.noBatches': '신청 묶음이 없습니다. 먼저 신청을 가져오세요.',

  'recommendations.detail.title': '위원 의견',
  'recommendations.detail.none': '이 신청에 대한 위원 의견이 아직 없습니다.',
  'recommendations.detail.single': '위원 1명의 의견',
  'recommendations.detail.agree': '{count}명 모두 같은 의견',
  'recommendations.detail.conflict': '의견 충돌 ({split})',
  'recommendations.detail.amount': '금액',
  'recommendations.detail.reasons': '사유',
  'recommendations.detail.note': '메모',
  'recommendations.detail.signed': '{when} 서명 · 키 {fingerprint}',
  'recommendations.detail.differs': '다수 의견과 다름',
} satisfies AreaMessages<'recommendations'>;
