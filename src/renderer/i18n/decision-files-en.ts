import type { decisionFilesKo } from './decision-files-ko';

/**
 * English messages of signing a meeting's decision file (Meetings screen); the type makes it carry
 * exactly decisionFilesKo's keys.
 */
export const decisionFilesEn: Record<keyof typeof decisionFilesKo, string> = {
  'decisionFiles.title': 'Signed decision file',
  'decisionFiles.intro':
    'The chair and the secretary sign; members may co-sign. Auditors use this file to check that no decision changed.',
  'decisionFiles.addSigner': 'Add a signing key…',
  'decisionFiles.keychain': "Opened by this computer's keychain",
  'decisionFiles.remove': 'Remove',
  'decisionFiles.passphraseFor': 'Passphrase of {name}',
  'decisionFiles.missing': 'Still to sign: {roles}',
  'decisionFiles.export': 'Sign and save…',
  'decisionFiles.signing': 'Signing…',
  'decisionFiles.saved': 'Saved: {path}',
  'decisionFiles.exportedAt': 'Exported',
  'decisionFiles.decisions': 'Decisions',
  'decisionFiles.signers': 'Signers',
  'decisionFiles.saveCopy': 'Save a copy…',
};
