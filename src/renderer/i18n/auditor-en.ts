import type { auditorKo } from './auditor-ko';

/**
 * English messages of auditor mode (Audit screen); the type makes it carry exactly auditorKo's
 * keys.
 */
export const auditorEn: Record<keyof typeof auditorKo, string> = {
  'auditor.open': 'Auditor mode',
  'auditor.close': 'Back to the audit log',
  'auditor.title': 'Auditor mode: verify a signed decision file',
  'auditor.intro':
    "Checks a meeting's signed decision file against the roster's public keys. Read-only: the workspace is not changed.",
  'auditor.drop': 'Drop a decision file (.json) here, or choose one',
  'auditor.dropUnsupported':
    'The path of the dropped file ({name}) is not available. Use "Choose decision file".',
  'auditor.droppedFile': 'file',
  'auditor.chooseFile': 'Choose decision file',
  'auditor.noFile': 'No decision file chosen',
  'auditor.roster': 'Roster',
  'auditor.roster.choose': 'Choose roster file',
  'auditor.roster.workspace': 'Checked against the roster imported into this workspace',
  'auditor.evidence': 'Evidence (optional)',
  'auditor.evidence.folder': 'Choose evidence folder',
  'auditor.evidence.zip': 'Choose evidence zip',
  'auditor.evidence.none': 'Checked without evidence (evidence hashes not checked)',
  'auditor.previous': 'Previous decision file (optional)',
  'auditor.previous.choose': 'Choose previous decision file',
  'auditor.previous.none': 'Checked without the previous file',
  'auditor.clear': 'Clear',
  'auditor.verify': 'Verify',
  'auditor.verifying': 'Verifying…',

  'auditor.verdict.valid': 'VALID',
  'auditor.verdict.invalid': 'INVALID',
  'auditor.verdict.validDetail':
    "Nothing changed after signing, and the roster's chair and secretary signed it.",
  'auditor.verdict.invalidDetail': 'See the {count} problems below.',
  'auditor.verdict.unjudged': 'NOT JUDGED',
  'auditor.verdict.unjudgedDetail':
    'Nothing changed since it was signed, but without a roster who signed cannot be judged. Choose the roster the secretary gave you.',

  'auditor.summary.title': 'File',
  'auditor.summary.file': 'File name',
  'auditor.summary.fileSha': 'File SHA-256',
  'auditor.summary.payloadSha': 'Signed content SHA-256',
  'auditor.summary.roster': 'Roster fingerprint',
  'auditor.summary.rosterNone': 'No roster',
  'auditor.summary.rosterFile': '{fingerprint} (roster file chosen)',
  'auditor.summary.rosterWorkspace': "{fingerprint} (the workspace's roster)",
  'auditor.summary.rosterTrust': 'Roster trust',
  'auditor.summary.trust.pinned':
    'The trusted roster (the first imported into this workspace, {trusted})',
  'auditor.summary.trust.chains':
    "Chains to the trusted roster ({trusted}) by the secretaries' signatures",
  'auditor.summary.trust.untrusted': 'Not the trusted roster ({trusted}) and does not chain to it',
  'auditor.summary.trust.unchecked':
    'Not checked against a trusted roster (none imported here): compare the fingerprint',
  'auditor.warnings.title': 'Warnings',
  'auditor.summary.checkedAt': 'Checked at',

  'auditor.sig.title': '{count} signatures',
  'auditor.sig.signer': 'Signer',
  'auditor.sig.role': 'Role',
  'auditor.sig.fingerprint': 'Key fingerprint',
  'auditor.sig.onRoster': 'Roster',
  'auditor.sig.valid': 'Signature',
  'auditor.sig.unknown': 'Unknown key',
  'auditor.sig.onRosterYes': 'On the roster',
  'auditor.sig.onRosterNo': 'Not on the roster',
  'auditor.sig.validYes': 'Valid',
  'auditor.sig.validNo': 'Invalid',
  'auditor.sig.none': 'The file has no signatures.',

  'auditor.records.title': 'Decisions',
  'auditor.records.summary': '{valid} of {total} valid',
  'auditor.records.invalid': 'Decisions not verified: {ids}',
  'auditor.records.noneInvalid': 'Every decision verified.',

  'auditor.evidence.title': 'Evidence files',
  'auditor.evidence.summary': '{checked} checked, {mismatched} mismatched',
  'auditor.evidence.notGiven': 'No evidence was given, so none was checked.',

  'auditor.chain.title': 'Chain of decision files',
  'auditor.chain.first': 'The first decision file (no previous file).',
  'auditor.chain.linked': 'Linked to the previous file given.',
  'auditor.chain.broken': 'The chain is broken.',
  'auditor.chain.unchecked': 'No previous file was given, so the chain was not checked.',
  'auditor.chain.previous': 'Previous file named: {sha}',

  'auditor.problems.title': '{count} problems',
  'auditor.problems.none': 'No problems.',
  'auditor.problems.claim': 'Claim {id}',
  'auditor.problems.file': 'File {name}',

  'auditor.print': '인쇄 / Print',
  'auditor.saveJson': '보고서 저장 (JSON) / Save report',
  'auditor.saveTxt': '보고서 저장 (텍스트) / Save report (text)',
  'auditor.saved': 'Saved to {path}.',
};
