import type { AreaMessages } from './area';

/**
 * Korean messages of the workspace vault (create, recovery code, unlock, lock, idle lock),
 * spread into ko.ts. Keys are "vault.*".
 */
export const vaultKo = {
  'vault.folder': '작업 공간 폴더',
  'vault.retry': '다시 확인',

  'vault.create.title': '새 작업 공간 만들기',
  'vault.create.intro':
    '이 작업 공간의 자료(신청인의 상호, 사업자등록번호, 전화번호, 증빙 서류)는 이 컴퓨터에 암호화되어 저장됩니다. 여기서 정하는 암호 문구와, 다음 화면에서 한 번 보여 드리는 복구 코드로 열 수 있습니다.',
  'vault.create.keychainNote':
    '이 컴퓨터의 키체인에도 열쇠를 맡겨 두므로, 평소에는 입력 없이 열립니다.',
  'vault.create.passphrase': '암호 문구 ({min}자 이상)',
  'vault.create.confirm': '암호 문구 다시 입력',
  'vault.create.submit': '작업 공간 만들기',
  'vault.create.working': '만드는 중…',
  'vault.create.tooShort': '암호 문구는 {min}자 이상이어야 합니다.',
  'vault.create.mismatch': '두 암호 문구가 서로 다릅니다. 같게 입력하세요.',

  'vault.recovery.title': '복구 코드를 보관하세요',
  'vault.recovery.intro':
    '이 복구 코드는 지금 한 번만 보여 드립니다. 암호 문구를 잊었거나 이 컴퓨터의 키체인을 잃었을 때 이 코드로 작업 공간을 열 수 있습니다. 종이에 적거나 인쇄하여 노트북과 떨어진 곳에 보관하세요.',
  'vault.recovery.codeLabel': 'Review Desk 작업 공간 복구 코드',
  'vault.recovery.print': '인쇄',
  'vault.recovery.ack': '복구 코드를 적어 두었거나 인쇄했습니다',
  'vault.recovery.continue': '계속',

  'vault.unlock.title': '작업 공간 열기',
  'vault.unlock.intro': '작업 공간이 잠겨 있습니다. 암호 문구나 복구 코드로 여세요.',
  'vault.unlock.reason.person': '작업자가 잠갔습니다.',
  'vault.unlock.reason.idle': '{minutes}분 동안 입력이 없어 잠겼습니다.',
  'vault.unlock.reason.os-lock': '컴퓨터 화면이 잠겨 함께 잠겼습니다.',
  'vault.unlock.reason.suspend': '컴퓨터가 절전 모드에 들어가 잠겼습니다.',
  'vault.unlock.passphrase': '암호 문구',
  'vault.unlock.recoveryCode': '복구 코드',
  'vault.unlock.recoveryHint':
    '작업 공간을 만들 때 적거나 인쇄해 둔 24자리 코드입니다. 대소문자와 하이픈은 구분하지 않습니다.',
  'vault.unlock.submit': '열기',
  'vault.unlock.working': '여는 중…',
  'vault.unlock.useRecovery': '암호 문구를 잊었다면: 복구 코드로 열기',
  'vault.unlock.usePassphrase': '암호 문구로 열기',
  'vault.unlock.keychain': '이 컴퓨터의 키체인으로 열기',

  'vault.convert.title': '이전 작업 공간을 암호화합니다',
  'vault.convert.intro':
    '이 폴더의 작업 공간은 암호화 기능이 생기기 전에 만들어져 암호화되어 있지 않습니다. 암호 문구를 정하면 먼저 작업 공간 폴더에 백업 파일을 만든 다음, 데이터베이스와 증빙 파일을 모두 암호화하고 암호화되지 않은 파일은 지웁니다. 다음 화면에서 복구 코드를 한 번 보여 드립니다.',
  'vault.convert.submit': '백업하고 암호화하기',
  'vault.convert.working': '백업하고 암호화하는 중…',
  'vault.problem.plain.title': '암호화되지 않은 이전 작업 공간입니다',
  'vault.problem.plain.body':
    '이 폴더의 작업 공간은 암호화 기능이 생기기 전에 만들어졌습니다. 이 버전은 암호화된 작업 공간만 엽니다. 복원하거나 암호화된 작업 공간으로 바꾸는 기능은 다음 버전에서 제공합니다. 그때까지 이 폴더를 지우거나 옮기지 말고 그대로 두세요.',
  'vault.problem.key-file-missing.title': '작업 공간의 열쇠 파일이 없습니다',
  'vault.problem.key-file-missing.body':
    '데이터베이스 옆에 있어야 할 열쇠 파일이 없어 작업 공간을 열 수 없습니다. 작업 공간을 옮기거나 복사했다면 열쇠 파일도 제자리에 다시 넣으세요. 찾을 수 없다면 백업에서 작업 공간을 복원하세요. 그다음 다시 확인을 누르세요.',

  'vault.lock.button': '잠그기',
  'vault.lock.label': '작업 공간 잠그기: 화면을 닫고, 다시 열 때까지 자료를 암호화된 채로 둡니다',

  'vault.idle.title': '자리를 비우면 잠그기',
  'vault.idle.minutes': '입력이 없을 때 잠글 때까지(분)',
  'vault.idle.hint':
    '0이면 시간이 지나도 잠그지 않습니다. 컴퓨터 화면이 잠기거나 절전 모드에 들어가면 언제나 잠깁니다.',
  'vault.idle.current': '지금 설정',
  'vault.idle.never': '시간으로는 잠그지 않음',
  'vault.idle.afterMinutes': '{minutes}분 동안 입력이 없으면',
  'vault.idle.save': '저장',
  'vault.idle.saved': '저장했습니다.',
  'vault.idle.invalid': '0부터 {max}까지의 정수(분)를 입력하세요.',

  'vault.issue.wrong_passphrase': '암호 문구가 맞지 않습니다. 다시 입력하거나 복구 코드로 여세요.',
  'vault.issue.wrong_recovery_code':
    '이 복구 코드로는 열리지 않습니다. 적거나 인쇄해 둔 코드와 한 글자씩 맞춰 보세요.',
  'vault.issue.malformed_recovery_code':
    '복구 코드는 영문자와 숫자 24자이며, 네 글자씩 여섯 묶음으로 되어 있습니다.',
  'vault.issue.keychain_unavailable':
    '이 컴퓨터의 키체인으로는 이 작업 공간을 열 수 없습니다. 암호 문구나 복구 코드로 여세요.',
  'vault.issue.passphrase_too_short': '암호 문구가 너무 짧습니다. 더 길게 정하세요.',
  'vault.issue.key_file_missing':
    '데이터베이스 옆의 열쇠 파일이 없습니다. 제자리에 다시 넣거나 백업에서 복원하세요.',
  'vault.issue.key_file_unreadable':
    '열쇠 파일을 읽을 수 없습니다(손상되었거나 형식이 다릅니다). 백업에서 열쇠 파일을 되살리세요.',
  'vault.issue.plain_workspace':
    '암호화 이전의 작업 공간입니다. 이 버전은 암호화된 작업 공간만 엽니다.',
  'vault.issue.database_key_mismatch':
    '열쇠 파일은 열렸지만 이 데이터베이스의 열쇠가 아닙니다. 다른 작업 공간의 열쇠 파일일 수 있습니다. 맞는 열쇠 파일을 넣거나 백업에서 복원하세요.',
} satisfies AreaMessages<'vault'>;
