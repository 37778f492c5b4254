import type { MessageKey } from '../../i18n/ko';

/**
 * The vault's refusals, worded for ErrorNotice's `issueKeys`: main sends these issue codes in
 * English, and `wrong_passphrase` means the signing key's passphrase in the shared tables.
 */
export const VAULT_ISSUE_KEYS = {
  wrong_passphrase: 'vault.issue.wrong_passphrase',
  wrong_recovery_code: 'vault.issue.wrong_recovery_code',
  malformed_recovery_code: 'vault.issue.malformed_recovery_code',
  keychain_unavailable: 'vault.issue.keychain_unavailable',
  passphrase_too_short: 'vault.issue.passphrase_too_short',
  key_file_missing: 'vault.issue.key_file_missing',
  key_file_unreadable: 'vault.issue.key_file_unreadable',
  plain_workspace: 'vault.issue.plain_workspace',
  database_key_mismatch: 'vault.issue.database_key_mismatch',
} as const satisfies Record<string, MessageKey>;
