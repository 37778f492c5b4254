import type { AreaMessages } from './area';

/**
 * Korean messages of the "Keys and roster" panel on the Settings screen, spread into ko.ts. Keys
 * are "signing.*".
 */
export const signingKo = {
  'signing.title': '서명 키와 위원 명부',
  'signing.intro':
    '서명 키는 이 컴퓨터에서 만들어지고 개인 키는 암호화되어 저장됩니다. 공개 키 파일을 간사에게 건네고, 키 지문을 서로 소리 내어 읽어 맞춰 보세요.',

  'signing.create.title': '내 서명 키 만들기',
  'signing.create.name': '이름',
  'signing.create.role': '역할',
  'signing.create.protection': '개인 키 보호 방법',
  'signing.create.passphrase': '암호 문구로 보호',
  'signing.create.passphraseHint':
    '다른 컴퓨터나 명령줄(CLI)에서도 열 수 있습니다. 암호 문구를 잃으면 키를 되살릴 수 없습니다.',
  'signing.create.keychain': '운영체제 키체인으로 보호',
  'signing.create.keychainHint':
    '이 컴퓨터의 이 사용자 계정에서만, 데스크톱 앱에서만 열립니다. 암호 문구가 필요 없습니다.',
  'signing.create.keychainUnavailable': '이 컴퓨터에서는 운영체제 키체인을 쓸 수 없습니다.',
  'signing.create.passphraseField': '암호 문구 ({min}자 이상)',
  'signing.create.confirmField': '암호 문구 확인',
  'signing.create.tooShort': '암호 문구는 {min}자 이상이어야 합니다.',
  'signing.create.mismatch': '두 암호 문구가 다릅니다.',
  'signing.create.submit': '키 만들고 저장 위치 고르기',
  'signing.create.working': '키를 만드는 중…',
  'signing.strength.label': '강도',
  'signing.strength.weak': '약함: 더 길게, 여러 단어로 만드세요',
  'signing.strength.fair': '보통: 한두 단어를 더하면 좋습니다',
  'signing.strength.good': '좋음',
  'signing.strength.strong': '강함',

  'signing.result.title': '키를 만들었습니다',
  'signing.result.fingerprint': '키 지문',
  'signing.result.compare':
    '명부에 오르기 전에 간사와 이 지문을 소리 내어 읽어 맞춰 보세요. 네 자리씩 끊어 읽습니다.',
  'signing.result.keyFile': '개인 키 파일 (건네지 마세요)',
  'signing.result.publicKeyFile': '공개 키 파일 (간사에게 건넵니다)',
  'signing.result.protection': '보호',
  'signing.protection.passphrase': '암호 문구',
  'signing.protection.os-keychain': '운영체제 키체인',

  'signing.inspect.title': '키 파일 확인',
  'signing.inspect.intro':
    '받은 공개 키 파일이나 내 키 파일이 누구의 것인지 확인합니다. 개인 키는 열지 않습니다.',
  'signing.inspect.chooseKey': '키 파일 열기',
  'signing.inspect.choosePublicKey': '공개 키 파일 열기',
  'signing.inspect.kind': '종류',
  'signing.inspect.kind.key': '개인 키 파일',
  'signing.inspect.kind.public-key': '공개 키 파일',
  'signing.inspect.holder': '소유자',
  'signing.inspect.createdAt': '만든 때',
  'signing.inspect.onRoster': '현재 명부',
  'signing.inspect.onRosterYes': '명부 v{version}에 올라 있음: {name} ({role})',
  'signing.inspect.onRosterNo': '현재 명부에 없음',
  'signing.inspect.file': '파일',

  'signing.roster.title': '현재 위원 명부',
  'signing.roster.none':
    '아직 가져온 명부가 없습니다. 간사에게서 받은 서명된 명부 파일을 가져오거나, 간사라면 아래에서 만드세요.',
  'signing.roster.fingerprint': '명부 지문',
  'signing.roster.compare': '간사가 알려 준 명부 지문과 같은지 확인하세요.',
  'signing.roster.version': '판',
  'signing.roster.versionValue': 'v{version}',
  'signing.roster.council': '협의체',
  'signing.roster.validFrom': '적용 시작일',
  'signing.roster.signedBy': '서명한 사람',
  'signing.roster.importedAt': '가져온 때',
  'signing.roster.members': '위원 {count}명',
  'signing.roster.col.name': '이름',
  'signing.roster.col.role': '역할',
  'signing.roster.col.fingerprint': '키 지문',
  'signing.roster.import': '명부 파일 가져오기',
  'signing.roster.refused':
    '이 명부 파일은 가져오지 않았습니다. 서명이 내용과 맞지 않거나 현재 명부를 잇지 않습니다.',
  'signing.roster.imported': '명부 v{version}을(를) 가져왔습니다. 지문 {fingerprint}',
  'signing.roster.alreadyImported': '명부 v{version}은(는) 이미 가져온 명부입니다.',

  'signing.build.title': '명부 만들고 서명하기 (간사)',
  'signing.build.intro':
    '위원들의 공개 키 파일을 모아 명부를 만들고 간사 키로 서명합니다. 명부를 바꾸면 이전 판을 잇는 새 판(v{version})이 됩니다.',
  'signing.build.council': '협의체 이름',
  'signing.build.validFrom': '적용 시작일',
  'signing.build.members': '위원 공개 키',
  'signing.build.addMembers': '공개 키 파일 추가',
  'signing.build.addMine': '방금 만든 내 공개 키 추가 ({name})',
  'signing.build.noMembers': '아직 고른 공개 키가 없습니다.',
  'signing.build.remove': '빼기',
  'signing.build.needs': '명부에는 위원장과 간사가 한 명 이상 있어야 합니다.',
  'signing.build.signer': '서명할 간사 키',
  'signing.build.chooseSigner': '간사 키 파일 고르기',
  'signing.build.useMine': '방금 만든 내 키 쓰기',
  'signing.build.noSigner': '서명할 키를 고르세요.',
  'signing.build.notAKeyFile':
    '고른 파일은 공개 키 파일입니다. 서명하려면 개인 키 파일(…-key.json)을 고르세요.',
  'signing.build.notSecretary':
    '이 키의 소유자는 간사가 아닙니다. 명부의 간사 키로 서명해야 합니다.',
  'signing.build.passphrase': '{name}의 암호 문구',
  'signing.build.keychain': '이 키는 이 컴퓨터의 운영체제 키체인으로 열립니다.',
  'signing.build.submit': '서명하고 명부 v{version} 저장',
  'signing.build.working': '서명하는 중…',
  'signing.build.done':
    '명부 v{version}을(를) 저장하고 가져왔습니다 ({members}명). 이 파일을 위원과 감사에게 건네세요.',
  'signing.build.savedAt': '저장 위치',
} satisfies AreaMessages<'signing'>;
