import type { AreaMessages } from './area';

/**
 * Korean messages of the Settings screen (language, about, who is working here), spread into ko.ts. Keys are
 * "settings.*".
 */
export const settingsKo = {
  'settings.title': '설정',
  'settings.language': '표시 언어',
  'settings.about': '앱 정보',
  'settings.appVersion': '앱 버전',
  'settings.schemaVersion': '데이터베이스 스키마 버전',
  'settings.dataDir': '데이터 폴더',
  'settings.actor': '현재 사용자',

  'settings.people.title': '이 컴퓨터의 작업자',
  'settings.people.lockedLine': '잠김: 아무도 열쇠를 열지 않았습니다.',
  'settings.people.lockedHint':
    '결정 기록, 회의 진행, 회의록 승인처럼 권한이 필요한 일은 명부에 오른 본인의 서명 키(열쇠)를 이 컴퓨터에서 연 뒤에 할 수 있습니다. 신청 묶음 불러오기와 열람은 열쇠 없이 됩니다.',
  'settings.people.chooseKey': '내 열쇠 열기',
  'settings.people.chooseOther': '다른 열쇠 파일 고르기',
  'settings.people.holder': '열쇠 주인',
  'settings.people.fingerprint': '키 지문',
  'settings.people.protection': '보호',
  'settings.people.keychainNoPassphrase':
    '이 컴퓨터의 운영체제 키체인으로 열립니다. 암호 문구가 필요 없습니다.',
  'settings.people.onRoster': '명부',
  'settings.people.onRosterYes': '명부 v{version}에 올라 있음: {name} ({role})',
  'settings.people.onRosterNo': '명부 v{version}에 없음: 이 열쇠로는 일할 수 없습니다',
  'settings.people.onRosterUnknown': '명부를 아직 불러오지 않아 확인할 수 없음',
  'settings.people.file': '파일',
  'settings.people.publicKeyChosen':
    '공개 키 파일을 골랐습니다. 열려면 본인의 개인 키 파일(…-key.json)을 고르세요.',
  'settings.people.passphrase': '{name}의 암호 문구',
  'settings.people.unlock': '열기',
  'settings.people.unlocking': '여는 중…',
  'settings.people.refused.wrongPassphrase':
    '암호 문구가 맞지 않습니다. 다시 입력하세요. (맞게 입력했다면 열쇠 파일이 손상되었을 수 있습니다.)',
  'settings.people.refused.notOnRoster':
    '이 열쇠는 명부 v{version}에 없어 열 수 없습니다. 간사가 새 명부 판에 올려 서명해야 합니다.',
  'settings.people.refused.noRoster':
    '명부를 아직 불러오지 않아 아무도 열쇠를 열 수 없습니다. 먼저 협의체의 서명된 명부를 불러오세요.',
  'settings.people.refused.keychain':
    '이 컴퓨터의 운영체제 키체인으로는 이 열쇠를 열 수 없습니다. 열쇠를 만든 컴퓨터와 사용자 계정에서 여세요.',
  'settings.people.current': '지금 작업자',
  'settings.people.currentHint':
    '이제부터의 기록은 이 이름으로 남고 이 열쇠로 서명됩니다. 자리를 비울 때는 잠그세요.',
  'settings.people.lock': '서명 키 잠그기',
  'settings.people.rosterTitle': '명부 v{version}의 위원 ({count}명)',
  'settings.people.noRoster':
    "명부를 아직 불러오지 않았습니다. 아래 '서명 키와 위원 명부'에서 협의체의 서명된 명부를 불러오세요. 신청 묶음은 명부 없이도 불러올 수 있습니다.",
  'settings.people.name': '이름',
  'settings.people.role': '역할',
  'settings.people.actingMark': '지금 작업자',

  'settings.people.badge.locked': '서명 키 잠김',
  'settings.people.badge.lockedLabel':
    '서명 키 잠김: 아무도 서명 키를 열지 않았습니다. 설정에서 내 열쇠를 엽니다.',
  'settings.people.badge.actingLabel': '지금 작업자: {name} ({role}). 설정에서 잠급니다.',
  'settings.people.unidentified': '서명 키 잠김 (열쇠를 연 사람 없음)',
} satisfies AreaMessages<'settings'>;
