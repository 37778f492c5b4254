import type { signingKo } from './signing-ko';

/**
 * English messages of the "Keys and roster" panel on the Settings screen; the type makes it carry
 * exactly signingKo's keys.
 */
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
