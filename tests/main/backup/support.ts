import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import {
  BACKUP_FORMAT_VERSION,
  HEADER_BYTES,
  HEADER_MAGIC,
  TRAILER_BYTES,
  TRAILER_MAGIC,
  type SealedManifest,
} from '../../../src/main/services/backup/format';
import type { ServiceContext } from '../../../src/main/services/context';
import { ServiceError } from '../../../src/main/services/errors';
import type { KeyProtector } from '../../../src/main/services/identity';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { createWorkspace } from '../../../src/main/services/unlock-workspace';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { GOOD_ROWS, writeCsv } from '../../helpers/batch-files';
import { seatCouncil } from '../../helpers/council';
import { steppingClock } from '../../helpers/temp-workspace';
import { TEST_PASSPHRASE, TEST_SCRYPT } from '../../helpers/workspace-key';
import { PNG_BYTES } from '../evidence/helpers';
import { seedSampleDecisions } from '../ledger/support';
import { actAs, COUNCIL, SECRETARY } from '../meetings/support';

/** Every file under `root` (recursively), as paths. */
export function filesUnder(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...filesUnder(path));
    else if (stat.isFile()) out.push(path);
  }
  return out.sort();
}

/** Every file under `root` by its path relative to it, with its SHA-256: to show nothing moved. */
export function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(root).map((file) => [
      relative(root, file),
      createHash('sha256').update(readFileSync(file)).digest('hex'),
    ]),
  );
}

export function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A refusal (sync or async) as a ServiceError, with its issue codes. */
export async function refusalOf(
  act: () => unknown,
): Promise<{ error: ServiceError; codes: string[] }> {
  let caught: unknown = null;
  try {
    await act();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a refusal').toBeInstanceOf(ServiceError);
  const error = caught as ServiceError;
  return { error, codes: error.issues.map((issue) => issue.code) };
}

export const EVIDENCE_CSV = '일자,매출\n2022-10-15,1200000\n';

/**
 * A workspace as a council has it, made as a person makes one (so its recovery code is known):
 * the sample claims, the council seated on a signed roster, two meetings' decisions and views
 * outside meetings (the ledger tests' story), then a batch with two evidence files. The
 * secretary is left acting.
 */
export async function councilWorkspaceWithEvidence(
  dir: string,
  scratch: string,
  options: { protector?: KeyProtector } = {},
): Promise<{ ctx: ServiceContext; recoveryCode: string }> {
  const { ctx, recoveryCode } = createWorkspace(dir, {
    passphrase: TEST_PASSPHRASE,
    scrypt: TEST_SCRYPT,
    now: steppingClock(),
    ...(options.protector ? { protector: options.protector } : {}),
  });
  loadSampleClaims(ctx);
  seatCouncil(ctx, COUNCIL);
  actAs(ctx, SECRETARY);
  seedSampleDecisions(ctx);
  const evidence = join(scratch, 'evidence', 'K-2022-100001');
  mkdirSync(evidence, { recursive: true });
  writeFileSync(join(evidence, 'pos.csv'), EVIDENCE_CSV);
  writeFileSync(join(evidence, 'receipt.png'), PNG_BYTES);
  const report = await importBatch(ctx, {
    file: writeCsv(scratch, 'with-evidence.csv', GOOD_ROWS, 'utf-8'),
    evidence: join(scratch, 'evidence'),
  });
  expect(report.evidence).toEqual({ stored: 2, rejected: 0, missing: 0 });
  return { ctx, recoveryCode };
}

export interface EntryBytes {
  name: string;
  data: Buffer;
  /** Where the entry's data starts in the backup file. */
  dataOffset: number;
}

/**
 * A (whole) backup file taken apart by its documented layout (format.ts), read here on its own
 * rather than through the restore's reader: each entry's bytes where the manifest puts them,
 * and the sealed manifest as text with where it starts.
 */
export function backupParts(file: string): {
  entries: EntryBytes[];
  manifestText: string;
  manifestOffset: number;
} {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, HEADER_MAGIC.length).equals(HEADER_MAGIC)).toBe(true);
  const trailer = bytes.subarray(bytes.length - TRAILER_BYTES);
  expect(trailer.subarray(16).equals(TRAILER_MAGIC)).toBe(true);
  const manifestOffset = Number(trailer.readBigUInt64LE(0));
  const manifestLength = Number(trailer.readBigUInt64LE(8));
  const manifestText = bytes.toString('utf8', manifestOffset, manifestOffset + manifestLength);
  const sealed = JSON.parse(manifestText) as SealedManifest;
  const entries = sealed.manifest.entries.map((entry) => ({
    name: entry.name,
    data: Buffer.from(bytes.subarray(entry.offset, entry.offset + entry.size)),
    dataOffset: entry.offset,
  }));
  return { entries, manifestText, manifestOffset };
}

/**
 * Writes a backup file of these entries, back to back after the header, then `manifest` (the
 * sealed manifest, as given: offsets are not recomputed) and the closing record.
 */
export function writeBackupParts(
  file: string,
  entries: { data: Buffer }[],
  manifest: string,
): void {
  const header = Buffer.alloc(HEADER_BYTES);
  HEADER_MAGIC.copy(header);
  header.writeUInt32LE(BACKUP_FORMAT_VERSION, 8);
  const body = Buffer.concat([header, ...entries.map((e) => e.data)]);
  const manifestBytes = Buffer.from(manifest);
  const trailer = Buffer.alloc(TRAILER_BYTES);
  trailer.writeBigUInt64LE(BigInt(body.length), 0);
  trailer.writeBigUInt64LE(BigInt(manifestBytes.length), 8);
  TRAILER_MAGIC.copy(trailer, 16);
  writeFileSync(file, Buffer.concat([body, manifestBytes, trailer]));
}
