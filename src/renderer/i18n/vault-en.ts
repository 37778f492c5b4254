import type { vaultKo } from './vault-ko';

/**
 * English messages of the workspace vault (create, recovery code, unlock, lock, idle lock); the
 * type makes it carry exactly vaultKo's keys.
 */
export const vaultEn: Record<keyof typeof vaultKo, string> = {
  'vault.folder': 'Workspace folder',
  'vault.retry': 'Check again',

  'vault.create.title': 'Create a new workspace',
  'vault.create.intro':
    "This workspace's data (claimants' business names, business registration numbers, phone numbers, evidence) is stored encrypted on this computer. The passphrase you choose here opens it, and so does the recovery code shown once on the next screen.",
  'vault.create.keychainNote':
    "The key is also left with this computer's keychain, so day to day it opens without typing.",
  'vault.create.passphrase': 'Passphrase (at least {min} characters)',
  'vault.create.confirm': 'Passphrase again',
  'vault.create.submit': 'Create workspace',
  'vault.create.working': 'Creating…',
  'vault.create.tooShort': 'The passphrase needs at least {min} characters.',
  'vault.create.mismatch': 'The two passphrases differ. Type the same one twice.',

  'vault.recovery.title': 'Keep your recovery code',
  'vault.recovery.intro':
    "This recovery code is shown this once. It opens the workspace if the passphrase is forgotten or this computer's keychain is lost. Write it down or print it, and keep it apart from the laptop.",
  'vault.recovery.codeLabel': 'Review Desk workspace recovery code',
  'vault.recovery.print': 'Print',
  'vault.recovery.ack': 'I have written down or printed the recovery code',
  'vault.recovery.continue': 'Continue',

  'vault.unlock.title': 'Open the workspace',
  'vault.unlock.intro':
    'The workspace is locked. Open it with the passphrase or the recovery code.',
  'vault.unlock.reason.person': 'It was locked by the person working here.',
  'vault.unlock.reason.idle': 'It locked after {minutes} minutes without input.',
  'vault.unlock.reason.os-lock': 'It locked because the computer locked.',
  'vault.unlock.reason.suspend': 'It locked because the computer went to sleep.',
  'vault.unlock.passphrase': 'Passphrase',
  'vault.unlock.recoveryCode': 'Recovery code',
  'vault.unlock.recoveryHint':
    'The 24-character code written down or printed when the workspace was made. Case and dashes do not matter.',
  'vault.unlock.submit': 'Open',
  'vault.unlock.working': 'Opening…',
  'vault.unlock.useRecovery': 'Forgot the passphrase? Use the recovery code',
  'vault.unlock.usePassphrase': 'Use the passphrase',
  'vault.unlock.keychain': "Open with this computer's keychain",

  'vault.convert.title': 'Encrypt a workspace from before encryption',
  'vault.convert.intro':
    "This folder's workspace was made before encryption existed and is not encrypted. Choose a passphrase: a backup file is written into the workspace folder first, then the database and every evidence file are encrypted and the unencrypted files removed. The next screen shows the recovery code once.",
  'vault.convert.submit': 'Back up and encrypt',
  'vault.convert.working': 'Backing up and encrypting…',
  'vault.problem.plain.title': 'This workspace is from before encryption',
  'vault.problem.plain.body':
    'The workspace in this folder was made before workspaces were encrypted. This version opens encrypted workspaces only; restoring or converting it comes in a later version. Until then, keep this folder as it is: do not delete or move it.',
  'vault.problem.key-file-missing.title': "The workspace's key file is missing",
  'vault.problem.key-file-missing.body':
    'The key file that belongs beside the database is missing, so the workspace cannot be opened. If the workspace was moved or copied, put its key file back beside it; otherwise restore the workspace from a backup. Then choose Check again.',

  'vault.lock.button': 'Lock',
  'vault.lock.label':
    'Lock the workspace: close the screens and keep the data encrypted until it is opened again',

  'vault.idle.title': 'Lock after idle',
  'vault.idle.minutes': 'Minutes without input before it locks',
  'vault.idle.hint':
    '0 never locks by time. It always locks when the computer locks its screen or goes to sleep.',
  'vault.idle.current': 'Now',
  'vault.idle.never': 'Never locks by time',
  'vault.idle.afterMinutes': 'After {minutes} minutes without input',
  'vault.idle.save': 'Save',
  'vault.idle.saved': 'Saved.',
  'vault.idle.invalid': 'Enter whole minutes from 0 to {max}.',

  'vault.issue.wrong_passphrase':
    'Wrong passphrase. Type it again, or open the workspace with the recovery code.',
  'vault.issue.wrong_recovery_code':
    'This recovery code does not open the workspace. Check it character by character against the written or printed code.',
  'vault.issue.malformed_recovery_code':
    'A recovery code is 24 letters and digits, in six groups of four.',
  'vault.issue.keychain_unavailable':
    "This computer's keychain cannot open this workspace. Use the passphrase or the recovery code.",
  'vault.issue.passphrase_too_short': 'The passphrase is too short. Choose a longer one.',
  'vault.issue.key_file_missing':
    'The key file beside the database is missing. Put it back, or restore from a backup.',
  'vault.issue.key_file_unreadable':
    'The key file cannot be read (damaged, or not a key file). Restore the key file from a backup.',
  'vault.issue.plain_workspace':
    'This workspace is from before encryption. This version opens encrypted workspaces only.',
  'vault.issue.database_key_mismatch':
    "The key file opened, but it is not this database's key: it may belong to another workspace. Put the right key file back, or restore from a backup.",
};
