/**
 * Messages of the "Keys and roster" panel on the Settings screen, Korean first; spread into
 * ko.ts and en.ts. Keys are "signing.*".
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
} satisfies Record<string, string>;

export const signingEn: Record<keyof typeof signingKo, string> = {
  'signing.title': 'Keys and roster',
  'signing.intro':
    'A signing key is made on this computer; its private part is stored encrypted. Hand your public key file to the secretary, and read your fingerprints to each other aloud to compare.',

  'signing.create.title': 'Make my signing key',
  'signing.create.name': 'Name',
  'signing.create.role': 'Role',
  'signing.create.protection': 'How the private key is protected',
  'signing.create.passphrase': 'With a passphrase',
  'signing.create.passphraseHint':
    'Opens on any computer and from the command line (CLI). A lost passphrase cannot be recovered.',
  'signing.create.keychain': 'With the OS keychain',
  'signing.create.keychainHint':
    'Opens only on this computer, for this user account, in the desktop app. No passphrase needed.',
  'signing.create.keychainUnavailable': 'The OS keychain is not available on this computer.',
  'signing.create.passphraseField': 'Passphrase (at least {min} characters)',
  'signing.create.confirmField': 'Passphrase again',
  'signing.create.tooShort': 'The passphrase must be at least {min} characters.',
  'signing.create.mismatch': 'The two passphrases differ.',
  'signing.create.submit': 'Make the key and choose where to save it',
  'signing.create.working': 'Making the key…',
  'signing.strength.label': 'Strength',
  'signing.strength.weak': 'Weak: make it longer, several words',
  'signing.strength.fair': 'Fair: one or two more words would help',
  'signing.strength.good': 'Good',
  'signing.strength.strong': 'Strong',

  'signing.result.title': 'Your key is made',
  'signing.result.fingerprint': 'Key fingerprint',
  'signing.result.compare':
    'Before you go on the roster, read this fingerprint aloud with the secretary, four characters at a time.',
  'signing.result.keyFile': 'Private key file (never hand it on)',
  'signing.result.publicKeyFile': 'Public key file (hand it to the secretary)',
  'signing.result.protection': 'Protection',
  'signing.protection.passphrase': 'Passphrase',
  'signing.protection.os-keychain': 'OS keychain',

  'signing.inspect.title': 'Check a key file',
  'signing.inspect.intro':
    'Shows whose a public key file you received, or your own key file, is. The private key is not opened.',
  'signing.inspect.chooseKey': 'Open a key file',
  'signing.inspect.choosePublicKey': 'Open a public key file',
  'signing.inspect.kind': 'Kind',
  'signing.inspect.kind.key': 'Private key file',
  'signing.inspect.kind.public-key': 'Public key file',
  'signing.inspect.holder': 'Holder',
  'signing.inspect.createdAt': 'Made',
  'signing.inspect.onRoster': 'Current roster',
  'signing.inspect.onRosterYes': 'On roster v{version}: {name} ({role})',
  'signing.inspect.onRosterNo': 'Not on the current roster',
  'signing.inspect.file': 'File',

  'signing.roster.title': 'Current committee roster',
  'signing.roster.none':
    'No roster imported yet. Import the signed roster file from the secretary or, as secretary, build one below.',
  'signing.roster.fingerprint': 'Roster fingerprint',
  'signing.roster.compare': 'Check it matches the fingerprint the secretary told you.',
  'signing.roster.version': 'Version',
  'signing.roster.versionValue': 'v{version}',
  'signing.roster.council': 'Council',
  'signing.roster.validFrom': 'Valid from',
  'signing.roster.signedBy': 'Signed by',
  'signing.roster.importedAt': 'Imported',
  'signing.roster.members': '{count} members',
  'signing.roster.col.name': 'Name',
  'signing.roster.col.role': 'Role',
  'signing.roster.col.fingerprint': 'Key fingerprint',
  'signing.roster.import': 'Import a roster file',
  'signing.roster.refused':
    'This roster file was not imported: its signature does not match its content, or it does not follow the current roster.',
  'signing.roster.imported': 'Imported roster v{version}. Fingerprint {fingerprint}',
  'signing.roster.alreadyImported': 'Roster v{version} was already imported.',

  'signing.build.title': 'Build and sign a roster (secretary)',
  'signing.build.intro':
    "Collect the members' public key files into a roster and sign it with the secretary's key. A changed roster is a new version (v{version}) that follows the previous one.",
  'signing.build.council': 'Council name',
  'signing.build.validFrom': 'Valid from',
  'signing.build.members': "Members' public keys",
  'signing.build.addMembers': 'Add public key files',
  'signing.build.addMine': 'Add my new public key ({name})',
  'signing.build.noMembers': 'No public keys chosen yet.',
  'signing.build.remove': 'Remove',
  'signing.build.needs': 'A roster needs at least a chair and a secretary.',
  'signing.build.signer': "Secretary's key to sign with",
  'signing.build.chooseSigner': "Choose the secretary's key file",
  'signing.build.useMine': 'Use my new key',
  'signing.build.noSigner': 'Choose the key to sign with.',
  'signing.build.notAKeyFile':
    'That is a public key file. To sign, choose your private key file (…-key.json).',
  'signing.build.notSecretary':
    "This key's holder is not a secretary. A roster is signed with a secretary's key on it.",
  'signing.build.passphrase': "{name}'s passphrase",
  'signing.build.keychain': "This key opens with this computer's OS keychain.",
  'signing.build.submit': 'Sign and save roster v{version}',
  'signing.build.working': 'Signing…',
  'signing.build.done':
    'Roster v{version} saved and imported ({members} members). Hand this file to the members and auditors.',
  'signing.build.savedAt': 'Saved at',
};
