import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { derivedKey, type WorkspaceKey } from '../workspace-key';

/**
 * A backup is one file, laid out so it is written front to back in one pass and checked from
 * its end:
 *
 *     header    16 bytes  "RDBACKUP", format version (u32 LE), 0 (u32)
 *     entries             each entry's bytes, back to back, in the manifest's order
 *     manifest            UTF-8 JSON: { manifest, mac }
 *     trailer   24 bytes  manifest offset (u64 LE), manifest length (u64 LE), "RDBKEND\n"
 *
 * The entries are:
 * - `keys.json`: the workspace key file without its keychain seal (that belongs to one
 *   computer), so the passphrase or the recovery code alone opens the backup anywhere;
 * - `database` and, when the WAL was not empty, `database-wal`: the database's files as one
 *   consistent snapshot holds them (inReadSnapshot), encrypted as the workspace's are; opening
 *   the restored database replays its WAL;
 * - `evidence/<2 hex>/<name>`: the evidence files as the store keeps them (encrypted).
 *
 * The manifest gives each entry's name, offset, size and SHA-256, the counts and when the
 * backup was taken, sealed by an HMAC under a key derived from the workspace key. Nobody
 * without the key can make a manifest that verifies, so an altered entry is found by its hash,
 * an altered manifest by its HMAC, bytes slipped between entries by the offsets (the entries
 * must tile the space between header and manifest exactly), and a cut file by its missing
 * trailer. (Version 1 was a zip of the same entries; its per-file streams and CRC-32 made a
 * backup of 12k evidence files 12x slower than tar, decision 0013.)
 */
export const BACKUP_FORMAT = 'review-desk backup';
export const BACKUP_FORMAT_VERSION = 2;
export const BACKUP_EXTENSION = '.rdbackup';
export const ENTRY = {
  keys: 'keys.json',
  database: 'database',
  databaseWal: 'database-wal',
  evidencePrefix: 'evidence/',
} as const;

export const HEADER_MAGIC = Buffer.from('RDBACKUP', 'latin1');
export const HEADER_BYTES = 16;
export const TRAILER_MAGIC = Buffer.from('RDBKEND\n', 'latin1');
export const TRAILER_BYTES = 24;

export function headerBytes(): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  HEADER_MAGIC.copy(header, 0);
  header.writeUInt32LE(BACKUP_FORMAT_VERSION, 8);
  return header;
}

export function trailerBytes(manifestOffset: number, manifestLength: number): Buffer {
  const trailer = Buffer.alloc(TRAILER_BYTES);
  trailer.writeBigUInt64LE(BigInt(manifestOffset), 0);
  trailer.writeBigUInt64LE(BigInt(manifestLength), 8);
  TRAILER_MAGIC.copy(trailer, 16);
  return trailer;
}

const manifestEntry = z.object({
  name: z.string(),
  offset: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ManifestEntry = z.infer<typeof manifestEntry>;

const manifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_FORMAT_VERSION),
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
  entries: z.array(manifestEntry),
});
export type BackupManifest = z.infer<typeof manifest>;

export const sealedManifest = z.object({ manifest, mac: z.string() });
export type SealedManifest = z.infer<typeof sealedManifest>;

export function manifestMac(key: WorkspaceKey, contents: BackupManifest): string {
  return createHmac('sha256', derivedKey(key, 'backup'))
    .update(canonicalJson(contents))
    .digest('hex');
}

/** The entries that are the workspace's own files (the rest are evidence). */
export function isWorkspaceFileEntry(name: string): boolean {
  return name === ENTRY.keys || name === ENTRY.database || name === ENTRY.databaseWal;
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
