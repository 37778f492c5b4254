/**
 * Korean messages of members' recommendations in the app (the grid's column and view, the
 * claim's section, the import and export panel), spread into ko.ts.
 */
export const recommendationsKo = {
  'review.col.agreement': '위원 의견',
  'review.col.agreement.tip':
    '가져온 위원 의견 파일 기준. 일치 3: 세 명이 같은 의견, 충돌 2:1: 두 명과 한 명의 의견이 다름',
  'review.agreement.single': '1명',
  'review.agreement.agree': '일치 {count}',
  'review.agreement.conflict': '충돌 {split}',
  'review.view.member_conflict': '의견 충돌',

  'recs.open': '위원 의견 파일',
  'recs.title': '위원 의견 파일',
  'recs.import.title': '위원 의견 파일 가져오기',
  'recs.import.hint':
    '위원이 서명해 보낸 의견 파일을 여러 개 한꺼번에 고를 수 있습니다. 파일마다 위원 명부의 키로 서명을 확인하며, 서명한 뒤 바뀐 파일이나 명부에 없는 키로 서명한 파일은 이유와 함께 거부합니다.',
  'recs.import.choose': '파일 고르기…',
  'recs.import.busy': '확인하는 중…',
  'recs.import.summary': '{accepted}개 가져옴, {refused}개 거부',
  'recs.result.accepted': '가져옴: {member} 위원, {batch}, 의견 {count}건',
  'recs.result.already': '이미 가져온 파일: {member} 위원, 의견 {count}건 (바뀐 것 없음)',
  'recs.result.refused': '거부됨',
  'recs.files.title': '가져온 파일',
  'recs.files.empty': '아직 가져온 위원 의견 파일이 없습니다.',
  'recs.files.member': '위원',
  'recs.files.fingerprint': '키 지문',
  'recs.files.batch': '신청 묶음',
  'recs.files.count': '의견',
  'recs.files.signedAt': '서명',
  'recs.files.importedAt': '가져옴',
  'recs.files.superseded': '새 파일로 대체됨',
  'recs.files.countValue': '{count}건',
  'recs.roleUnknown': '현재 명부에 없음',

  'recs.export.title': '내 의견 내보내기',
  'recs.export.hint':
    '이 작업 공간에서 내가 기록한 결정을 신청 묶음 하나씩 내 키로 서명해 파일로 저장합니다. 저장한 파일을 간사에게 보내세요. 암호는 이번 서명에만 쓰고 어디에도 저장하지 않습니다.',
  'recs.export.batch': '신청 묶음',
  'recs.export.batchOption': '{name} · 신청 {claims}건',
  'recs.export.key': '내 키 파일',
  'recs.export.chooseKey': '키 파일 고르기…',
  'recs.export.noKey': '아직 고르지 않음',
  'recs.export.passphrase': '키 암호',
  'recs.export.save': '서명하고 저장…',
  'recs.export.busy': '서명하는 중…',
  'recs.export.saved': '{member} 위원의 의견 {count}건을 서명해 저장했습니다: {path}',
  'recs.export.notSaved': '저장 위치를 고르지 않아 아무것도 저장하지 않았습니다.',
  'recs.export.noBatches': '신청 묶음이 없습니다. 먼저 신청을 가져오세요.',

  'recs.detail.title': '위원 의견',
  'recs.detail.none': '이 신청에 대한 위원 의견이 아직 없습니다.',
  'recs.detail.single': '위원 1명의 의견',
  'recs.detail.agree': '{count}명 모두 같은 의견',
  'recs.detail.conflict': '의견 충돌 ({split})',
  'recs.detail.amount': '금액',
  'recs.detail.reasons': '사유',
  'recs.detail.note': '메모',
  'recs.detail.signed': '{when} 서명 · 키 {fingerprint}',
  'recs.detail.differs': '다수 의견과 다름',
} as const;
