import type { backupKo } from './backup-ko';

/**
 * English messages of backups (Settings' backup panel, automatic backups) and of restoring one
 * on the vault gate; the type makes it carry exactly backupKo's keys.
 */
export const backupEn: Record<keyof typeof backupKo, string> = {
  'backup.panel.title': 'Backup',
  'backup.panel.intro':
    'Saves the whole workspace (database, evidence files, a list of hashes) as one encrypted file. You choose where to save it in the next window.',
  'backup.now': 'Back up now',
  'backup.now.working': 'Backing up…',

  'backup.progress.label': 'Backup progress',
  'backup.progress.percent': '{percent}% done',
  'backup.phase.starting': 'Getting ready…',
  'backup.phase.database': 'Copying the database',
  'backup.phase.evidence': 'Evidence files',
  'backup.phase.checking': 'Checking',
  'backup.phase.restoring': 'Restoring',
  'backup.phase.verifying': 'Verifying',
  'backup.phase.finishing': 'Finishing',

  'backup.result.done': 'The backup is made.',
  'backup.result.file': 'File',
  'backup.result.size': 'Size',
  'backup.result.takenAt': 'Taken at',
  'backup.counts.claims': 'Claims',
  'backup.counts.decisions': 'Decisions',
  'backup.counts.meetings': 'Meetings',
  'backup.counts.evidenceFiles': 'Evidence files',

  'backup.auto.title': 'Automatic backups',
  'backup.auto.folder': 'Backup folder',
  'backup.auto.notSet': 'not set',
  'backup.auto.chooseFolder': 'Choose folder',
  'backup.auto.keep': 'Backups to keep',
  'backup.auto.keepSave': 'Save',
  'backup.auto.keepSaved': 'Saved.',
  'backup.auto.keepInvalid': 'Enter a whole number from {min} to {max}.',
  'backup.auto.when':
    'Once a folder is set, a backup is made into it when the app closes and once a day. The oldest backups beyond the newest {keep} are removed only after a new one is complete.',
  'backup.auto.encrypted':
    'The backup file is encrypted with the workspace key. The recovery code alone restores it, so keep the code apart from the backups.',
  'backup.auto.last': 'Last backup',
  'backup.auto.lastValue': '{time} · {file}',
  'backup.auto.none': 'None yet',
  'backup.auto.lastError': 'The last automatic backup failed: {message}',

  'backup.restore.start': 'Restore from a backup',
  'backup.restore.startHint':
    'If you have a backup file made on this computer or another, you can restore that workspace instead of creating a new one.',
  'backup.restore.title': 'Restore from a backup',
  'backup.restore.intro':
    "Choose the backup file and enter its workspace's recovery code or passphrase. The whole file is checked first, then restored into the workspace folder below. Nothing is written for a file that is cut short or altered.",
  'backup.restore.choose': 'Choose backup file',
  'backup.restore.noFile': 'No backup file chosen.',
  'backup.restore.recoveryCode': 'Recovery code',
  'backup.restore.recoveryHint':
    'The 24-character code written down or printed when the backed-up workspace was created. Case and hyphens do not matter.',
  'backup.restore.passphrase': 'Passphrase',
  'backup.restore.usePassphrase': 'Use the passphrase instead',
  'backup.restore.useRecovery': 'Use the recovery code instead',
  'backup.restore.submit': 'Restore',
  'backup.restore.working': 'Restoring…',
  'backup.restore.progressLabel': 'Restore progress',
  'backup.restore.back': 'Back to creating a workspace',

  'backup.restore.done': 'Restored. The workspace is open.',
  'backup.restore.workspace': 'Workspace folder',
  'backup.restore.asOf': 'Data as of',
  'backup.restore.asOfNote':
    'The workspace holds what it held at this time; anything done after it must be done again.',
  'backup.restore.checks': 'Checks passed',
  'backup.restore.check.fileWhole':
    'The backup file is whole (its closing record and manifest read; its {count} entries fill it exactly)',
  'backup.restore.check.manifestAuthentic':
    'Its manifest is authentic (HMAC under the workspace key)',
  'backup.restore.check.entryHashes': 'Every entry matches its SHA-256 in the manifest ({count})',
  'backup.restore.check.integrity': 'SQLite integrity check passed (PRAGMA integrity_check)',
  'backup.restore.check.auditChain': 'The audit chain verifies ({count} entries)',
  'backup.restore.check.evidenceDecrypts': 'Every evidence file decrypts to its SHA-256 ({count})',
  'backup.restore.check.evidenceMissing':
    '{count} evidence files were already missing from the workspace when the backup was taken',
  'backup.restore.continue': 'Continue',
};
