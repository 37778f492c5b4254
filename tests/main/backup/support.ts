import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { expect } from 'vitest';
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

export interface ZipEntryBytes {
  name: string;
  data: Buffer;
  /** Where the entry's data starts in the zip file. */
  dataOffset: number;
}

/** Every entry of a (whole) zip file, in order, with its bytes and where they sit in the file. */
export async function zipEntries(file: string): Promise<ZipEntryBytes[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const bytes = readFileSync(file);
  try {
    const out: ZipEntryBytes[] = [];
    for await (const entry of zip.eachEntry()) {
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      // Local file header: 30 fixed bytes, then the name and the extra field (their lengths at
      // 26 and 28).
      const header = entry.relativeOffsetOfLocalHeader;
      expect(bytes.readUInt32LE(header)).toBe(0x04034b50);
      const dataOffset =
        header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
      out.push({ name: entry.fileName, data: Buffer.concat(chunks), dataOffset });
    }
    return out;
  } finally {
    zip.close();
  }
}

/** Writes a zip of these entries (stored, as a backup is) to `file`. */
export async function writeZip(file: string, entries: { name: string; data: Buffer }[]) {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { compress: false });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(file, Buffer.concat(chunks));
}
