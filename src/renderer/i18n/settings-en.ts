import type { settingsKo } from './settings-ko';

/**
 * English messages of the Settings screen (language, about, people); the type makes it carry
 * exactly settingsKo's keys.
 */
export const settingsEn: Record<keyof typeof settingsKo, string> = {
  'settings.title': 'Settings',
  'settings.language': 'Display language',
  'settings.about': 'About',
  'settings.appVersion': 'App version',
  'settings.schemaVersion': 'Database schema version',
  'settings.dataDir': 'Data folder',
  'settings.actor': 'Current user',

  'settings.people.title': 'Who is working at this computer',
  'settings.people.lockedLine': 'Locked: nobody has unlocked a key.',
  'settings.people.lockedHint':
    'Work that carries authority (recording decisions, running meetings, approving minutes) needs your own signing key, on the roster, unlocked at this computer. Loading batches and reading need no key.',
  'settings.people.chooseKey': 'Unlock my key',
  'settings.people.chooseOther': 'Choose another key file',
  'settings.people.holder': 'Key holder',
  'settings.people.fingerprint': 'Key fingerprint',
  'settings.people.protection': 'Protection',
  'settings.people.keychainNoPassphrase':
    "This computer's OS keychain opens it: no passphrase needed.",
  'settings.people.onRoster': 'Roster',
  'settings.people.onRosterYes': 'On roster v{version}: {name} ({role})',
  'settings.people.onRosterNo': 'Not on roster v{version}: this key cannot act here',
  'settings.people.onRosterUnknown': 'No roster loaded yet, so it cannot be checked',
  'settings.people.file': 'File',
  'settings.people.publicKeyChosen':
    'That is a public key file. To unlock, choose your private key file (…-key.json).',
  'settings.people.passphrase': "{name}'s passphrase",
  'settings.people.unlock': 'Unlock',
  'settings.people.unlocking': 'Unlocking…',
  'settings.people.refused.wrongPassphrase':
    'Wrong passphrase: it does not unlock this key. Type it again. (If it is right, the key file may be damaged.)',
  'settings.people.refused.notOnRoster':
    'This key is not on roster v{version}, so it cannot be unlocked here. The secretary adds a member by signing a new roster version.',
  'settings.people.refused.noRoster':
    "No roster is loaded yet, so nobody can unlock a key. Load the council's signed roster first.",
  'settings.people.refused.keychain':
    "This computer's OS keychain cannot open this key. Unlock it on the computer and user account that made it.",
  'settings.people.current': 'Working now',
  'settings.people.currentHint':
    'What you record from now on carries this name and is signed with this key. Lock it when you leave the computer.',
  'settings.people.lock': 'Lock signing key',
  'settings.people.rosterTitle': 'Members on roster v{version} ({count})',
  'settings.people.noRoster':
    "No roster is loaded yet. Load the council's signed roster under 'Keys and roster' below. Claim batches can be loaded without one.",
  'settings.people.name': 'Name',
  'settings.people.role': 'Role',
  'settings.people.actingMark': 'working now',

  'settings.people.badge.locked': 'Signing key locked',
  'settings.people.badge.lockedLabel':
    'Signing key locked: nobody has unlocked a signing key. Unlock yours in Settings.',
  'settings.people.badge.actingLabel': 'Working now: {name} ({role}). Lock it in Settings.',
  'settings.people.unidentified': 'Signing key locked (nobody has unlocked a key)',
};
