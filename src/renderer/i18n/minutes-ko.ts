import type { AreaMessages } from './area';

/**
 * Korean messages of a closed meeting's minutes (회의록) panel and its print preview, spread into
 * ko.ts. Keys are "minutes.*".
 */
export const minutesKo = {
  'minutes.title': '회의록',
  'minutes.intro':
    '간사가 초안을 작성하고 위원장이 승인합니다. 승인된 판은 잠겨 고칠 수 없으며, 바뀐 내용은 새 판으로 작성합니다. 모든 판이 목록에 남습니다.',
  'minutes.none': '아직 작성된 회의록이 없습니다.',

  'minutes.col.version': '판',
  'minutes.col.status': '상태',
  'minutes.col.made': '작성',
  'minutes.col.approved': '승인',
  'minutes.versionNumber': '제{version}판',
  'minutes.itemCount': '안건 {count}건',
  'minutes.byAt': '{who} · {at}',
  'minutes.hashTitle': 'SHA-256 전체: {hash}',

  'minutes.status.draft': '초안',
  'minutes.status.approved': '승인됨',
  'minutes.status.superseded': '대체됨',
  'minutes.locked': '잠김',
  'minutes.lockedHint': '승인되어 잠겼습니다. 바꾸려면 새 판을 작성합니다.',
  'minutes.supersededHint': '제{latest}판으로 대체되어 승인할 수 없습니다.',

  'minutes.draft': '초안 작성 (제{version}판)',
  'minutes.drafting': '작성하는 중…',
  'minutes.drafted': '제{version}판 초안을 작성했습니다.',
  'minutes.draftWho': '초안은 간사({names})가 작성합니다.',
  'minutes.approveWho': '위원장({names})만 승인할 수 있습니다.',
  'minutes.nobodyInRole': '명부에 {role} 없음',
  'minutes.currentPerson': '지금 작업자: {name} ({role}).',
  'minutes.noCurrentPerson': '지금은 잠겨 있습니다: 설정에서 본인의 열쇠를 여세요.',

  'minutes.approve': '승인',
  'minutes.approveTitle': '제{version}판 승인',
  'minutes.approveBody':
    '승인하면 이 판은 잠기고 더 고칠 수 없습니다. 아래 해시의 내용을 승인합니다. 승인 전에 미리보기로 내용을 확인하세요.',
  'minutes.approveConfirm': '이 판을 승인',
  'minutes.approving': '승인하는 중…',
  'minutes.approved': '제{version}판을 승인했습니다.',
  'minutes.cancel': '취소',

  'minutes.preview': '미리보기',
  'minutes.exportPdf': 'PDF 저장',
  'minutes.exportDocx': 'DOCX 저장',
  'minutes.exporting': '저장하는 중…',
  'minutes.exported': '제{version}판 {format}을(를) 저장했습니다: {path}',
  'minutes.exportCancelled': '저장하지 않았습니다 (저장 위치를 고르지 않음).',

  'minutes.refusal.draft': '회의록 초안을 작성할 수 없습니다',
  'minutes.refusal.approve': '회의록을 승인할 수 없습니다',
  'minutes.refusal.export': '회의록을 저장할 수 없습니다',
  'minutes.refusal.unconfirmed':
    '위원장이 아직 확정하지 않은 안건이 있습니다. 회의록은 모든 안건의 결정을 기록하므로 먼저 확정해야 합니다:',
  'minutes.refusal.unconfirmedItem': '안건 {position} · {claimId}',
  'minutes.refusal.unchanged':
    '제{version}판 이후 바뀐 내용이 없습니다. 제{version}판이 이미 지금의 회의 기록과 같습니다.',
  'minutes.refusal.noAttendance': '이 회의에는 출석 기록이 없습니다.',
  'minutes.refusal.open': '회의가 아직 진행 중입니다. 폐회한 뒤에 회의록을 작성합니다.',
  'minutes.refusal.exists':
    '같은 이름의 파일이 이미 있습니다. 기존 파일은 덮어쓰지 않으니 다른 이름을 고르세요.',
  'minutes.refusal.locked': '이 판은 이미 승인되어 잠겼습니다. 바꾸려면 새 판을 작성합니다.',
  'minutes.refusal.replaced': '이 판은 제{latest}판으로 대체되었습니다. 최신 판을 승인하세요.',
  'minutes.refusal.role': '지금 사용자에게 허용되지 않은 작업입니다.',

  'minutes.previewTitle': '회의록 미리보기',
  'minutes.previewMeta': '제{number}차 회의 · 제{version}판 · {status}',
  'minutes.rendering': '회의록 PDF를 만드는 중…',
  'minutes.renderingFor': '{seconds}초 지남. 안건이 많은 회의는 조금 더 걸립니다.',
  'minutes.closePreview': '닫기 (Esc)',
} satisfies AreaMessages<'minutes'>;
