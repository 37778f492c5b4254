import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { derivedKey, type WorkspaceKey } from '../workspace-key';

/**
 * A backup is one zip file (stored, not deflated: everything in it is already encrypted, so
 * it would not shrink) holding:
 * - `keys.json`: the workspace key file without its keychain seal (that belongs to one
 *   computer), so the passphrase or the recovery code alone opens the backup anywhere;
 * - `database`: a consistent copy of the database, encrypted as the workspace's is;
 * - `evidence/<2 hex>/<name>`: the evidence files as the store keeps them (encrypted);
 * - `manifest.json`, last: what the backup holds (each entry's size and SHA-256, the counts,
 *   when it was taken) and an HMAC of all that under a key derived from the workspace key.
 * Without the key nobody can make a manifest that verifies, so an altered entry is found by
 * its hash and an altered manifest by its HMAC; a cut file has no zip directory at its end.
 */
export const BACKUP_FORMAT = 'review-desk backup';
export const BACKUP_EXTENSION = '.rdbackup';
export const ENTRY = {
  keys: 'keys.json',
  database: 'database',
  manifest: 'manifest.json',
  evidencePrefix: 'evidence/',
} as const;

const manifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  workspaceId: z.string(),
  takenAt: z.string(),
  counts: z.object({
    claims: z.number().int(),
    decisions: z.number().int(),
    meetings: z.number().int(),
    evidenceFiles: z.number().int(),
  }),
  /** Evidence the database names whose file was already gone when the backup was taken. */
  missingEvidence: z.array(z.string()),
  entries: z.array(z.object({ name: z.string(), size: z.number().int(), sha256: z.string() })),
});
export type BackupManifest = z.infer<typeof manifest>;

export const sealedManifest = z.object({ manifest, mac: z.string() });

export function manifestMac(key: WorkspaceKey, contents: BackupManifest): string {
  return createHmac('sha256', derivedKey(key, 'backup'))
    .update(canonicalJson(contents))
    .digest('hex');
}

/** The name a stored evidence file has inside the backup, from its path under the store. */
export function evidenceEntryName(shard: string, name: string): string {
  return `${ENTRY.evidencePrefix}${shard}/${name}`;
}

const EVIDENCE_ENTRY = /^evidence\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** The shard and file name of an evidence entry, or null for any other (or a crafted) name. */
export function evidenceEntryParts(entry: string): { shard: string; name: string } | null {
  const match = EVIDENCE_ENTRY.exec(entry);
  return match && match[2]!.startsWith(match[1]!) ? { shard: match[1]!, name: match[2]! } : null;
}
