import type { recommendationsKo } from './recommendations-ko';

/**
 * English messages of members' recommendations (the claim's section, the import and export panel);
 * the type makes it carry exactly recommendationsKo's keys.
 */
export const recommendationsEn: Record<keyof typeof recommendationsKo, string> = {
  'recommendations.open': "Members' files",
  'recommendations.title': "Members' recommendation files",
  'recommendations.import.title': "Import members' files",
  'recommendations.import.hint':
    "Choose several files members signed and sent, at once. Each file's signature is checked against the keys on the roster; a file altered after signing, or signed by a key not on the roster, is refused with the reason.",
  'recommendations.import.choose': 'Choose files…',
  'recommendations.import.busy': 'Checking…',
  'recommendations.import.summary': '{accepted} imported, {refused} refused',
  'recommendations.result.accepted': 'Imported: {member}, {batch}, {count} recommendations',
  'recommendations.result.already':
    'Already imported: {member}, {count} recommendations (nothing changed)',
  'recommendations.result.refused': 'Refused',
  'recommendations.files.title': 'Imported files',
  'recommendations.files.empty': "No members' recommendation files have been imported yet.",
  'recommendations.files.member': 'Member',
  'recommendations.files.fingerprint': 'Key fingerprint',
  'recommendations.files.batch': 'Batch',
  'recommendations.files.count': 'Recommendations',
  'recommendations.files.signedAt': 'Signed',
  'recommendations.files.importedAt': 'Imported',
  'recommendations.files.superseded': 'superseded by a newer file',
  'recommendations.files.countValue': '{count}',
  'recommendations.roleUnknown': 'not on the current roster',

  'recommendations.export.title': 'Export my recommendations',
  'recommendations.export.hint':
    'Signs the decisions you recorded in this workspace on one batch with your key and saves them as a file. Send the file to the secretary. The passphrase is used for this signature only and is never stored.',
  'recommendations.export.batch': 'Batch',
  'recommendations.export.batchOption': '{name} · {claims} claims',
  'recommendations.export.key': 'My key file',
  'recommendations.export.chooseKey': 'Choose key file…',
  'recommendations.export.noKey': 'none chosen yet',
  'recommendations.export.passphrase': 'Key passphrase',
  'recommendations.export.save': 'Sign and save…',
  'recommendations.export.busy': 'Signing…',
  'recommendations.export.saved': 'Signed and saved {count} recommendations of {member}: {path}',
  'recommendations.export.notSaved': 'No place was chosen: nothing was saved.',
  'recommendations.export.noBatches': 'There are no batches. Import claims first.',

  'recommendations.detail.title': "Members' recommendations",
  'recommendations.detail.none': 'No member has recommended on this claim yet.',
  'recommendations.detail.single': "One member's recommendation",
  'recommendations.detail.agree': 'All {count} members recommend the same',
  'recommendations.detail.conflict': 'Members disagree ({split})',
  'recommendations.detail.amount': 'Amount',
  'recommendations.detail.reasons': 'Reasons',
  'recommendations.detail.note': 'Note',
  'recommendations.detail.signed': 'signed {when} · key {fingerprint}',
  'recommendations.detail.differs': 'differs from the majority',
};
