import type { AreaMessages } from './area';

/**
 * Korean messages of backups (Settings' backup panel, automatic backups) and of restoring one
 * on the vault gate, spread into ko.ts. Keys are "backup.*".
 */
export const backupKo = {
  'backup.panel.title': '백업',
  'backup.panel.intro':
    '작업 공간 전체(데이터베이스, 증빙 파일, 해시 목록)를 암호화된 파일 하나로 저장합니다. 저장할 곳은 다음 창에서 고릅니다.',
  'backup.now': '지금 백업',
  'backup.now.working': '백업하는 중…',

  'backup.progress.label': '백업 진행률',
  'backup.progress.percent': '{percent}% 진행',
  'backup.phase.starting': '준비하는 중…',
  'backup.phase.database': '데이터베이스 복사',
  'backup.phase.evidence': '증빙 파일',
  'backup.phase.checking': '확인',
  'backup.phase.restoring': '복원',
  'backup.phase.verifying': '검증',
  'backup.phase.finishing': '마무리',

  'backup.result.done': '백업을 만들었습니다.',
  'backup.result.file': '파일',
  'backup.result.size': '크기',
  'backup.result.takenAt': '백업 시각',
  'backup.counts.claims': '신청 건수',
  'backup.counts.decisions': '결정 수',
  'backup.counts.meetings': '회의 수',
  'backup.counts.evidenceFiles': '증빙 파일 수',

  'backup.auto.title': '자동 백업',
  'backup.auto.folder': '백업 폴더',
  'backup.auto.notSet': '설정 안 됨',
  'backup.auto.chooseFolder': '폴더 선택',
  'backup.auto.keep': '보관할 백업 수',
  'backup.auto.keepSave': '저장',
  'backup.auto.keepSaved': '저장했습니다.',
  'backup.auto.keepInvalid': '{min}부터 {max}까지의 정수를 입력하세요.',
  'backup.auto.when':
    '폴더를 정해 두면 앱을 닫을 때와 하루에 한 번 이 폴더에 백업을 만듭니다. 가장 최근 {keep}개를 넘는 오래된 백업은 새 백업이 끝까지 만들어진 뒤에만 지웁니다.',
  'backup.auto.encrypted':
    '백업 파일은 작업 공간의 열쇠로 암호화됩니다. 복구 코드만 있으면 이 파일을 복원할 수 있으므로, 복구 코드는 백업 파일과 떨어진 곳에 보관하세요.',
  'backup.auto.last': '마지막 백업',
  'backup.auto.lastValue': '{time} · {file}',
  'backup.auto.none': '아직 없음',
  'backup.auto.lastError': '마지막 자동 백업이 실패했습니다: {message}',

  'backup.restore.start': '백업에서 복원',
  'backup.restore.startHint':
    '이 컴퓨터나 다른 컴퓨터에서 만든 백업 파일이 있으면, 새로 만드는 대신 그 작업 공간을 복원할 수 있습니다.',
  'backup.restore.title': '백업에서 복원',
  'backup.restore.intro':
    '백업 파일을 고르고, 그 작업 공간의 복구 코드나 암호 문구를 입력하세요. 파일 전체를 먼저 확인한 뒤 아래 작업 공간 폴더에 복원합니다. 잘렸거나 바뀐 파일이면 아무것도 쓰지 않습니다.',
  'backup.restore.choose': '백업 파일 선택',
  'backup.restore.noFile': '고른 백업 파일이 없습니다.',
  'backup.restore.recoveryCode': '복구 코드',
  'backup.restore.recoveryHint':
    '백업한 작업 공간을 만들 때 적거나 인쇄해 둔 24자리 코드입니다. 대소문자와 하이픈은 구분하지 않습니다.',
  'backup.restore.passphrase': '암호 문구',
  'backup.restore.usePassphrase': '암호 문구로 복원',
  'backup.restore.useRecovery': '복구 코드로 복원',
  'backup.restore.submit': '복원',
  'backup.restore.working': '복원하는 중…',
  'backup.restore.progressLabel': '복원 진행률',
  'backup.restore.back': '새 작업 공간 만들기로 돌아가기',

  'backup.restore.done': '복원했습니다. 작업 공간이 열려 있습니다.',
  'backup.restore.workspace': '작업 공간 폴더',
  'backup.restore.asOf': '자료 기준 시각',
  'backup.restore.asOfNote':
    '작업 공간에는 이 시각까지의 자료가 들어 있습니다. 그 뒤에 한 작업은 다시 해야 합니다.',
  'backup.restore.checks': '통과한 확인',
  'backup.restore.check.fileWhole':
    '백업 파일이 온전합니다 (끝 기록과 목록을 읽었고, 항목 {count}개가 파일을 빈틈없이 채웁니다)',
  'backup.restore.check.manifestAuthentic': '목록이 진본입니다 (작업 공간 키로 HMAC 확인)',
  'backup.restore.check.entryHashes': '모든 항목이 목록의 SHA-256과 일치합니다 ({count}개)',
  'backup.restore.check.integrity': 'SQLite 무결성 검사 통과 (PRAGMA integrity_check)',
  'backup.restore.check.auditChain': '감사 기록의 사슬이 검증됩니다 (기록 {count}건)',
  'backup.restore.check.evidenceDecrypts':
    '모든 증빙 파일이 복호화되어 제 SHA-256과 일치합니다 ({count}개)',
  'backup.restore.check.evidenceMissing':
    '증빙 파일 {count}개는 백업할 때 이미 작업 공간에 없었습니다',
  'backup.restore.continue': '계속',
} satisfies AreaMessages<'backup'>;
