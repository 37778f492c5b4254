import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import {
  FIELD_HEADERS,
  isQuarantineExport,
  overLimit,
  QUARANTINE_ENTRY_HEADER,
  QUARANTINE_EXPORT_HEADERS,
  rawRowPicker,
  resolveColumns,
  type ResolvedColumns,
} from '../../../shared/domain/batch-format';
import { unguardCell } from '../../../shared/domain/spreadsheet-cell';
import {
  duplicateInFileIssue,
  validateClaimRow,
  type RowIssue,
} from '../../../shared/domain/claim-row';
import { classifyTier, TIER_RULE_VERSION, TIERS, type Tier } from '../../../shared/domain/tier';
import type {
  ImportProgress,
  ImportReport,
  ImportRequest,
} from '../../../shared/ipc/intake-schemas';
import {
  beginImmediate,
  commit,
  rollbackIfOpen,
  setPageCacheKiB,
  type Db,
} from '../../db/connection';
import { openWorkspaceConnection } from '../open-workspace';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { findBatchById, insertBatch, setBatchRowCount } from '../../db/repositories/batches';
import { claimBatchLookup, claimInserter } from '../../db/repositories/claims';
import { evidenceInserter } from '../../db/repositories/evidence';
import {
  findImportByContentHash,
  insertImportFile,
  setImportFileRowCount,
} from '../../db/repositories/import-files';
import { openEntryLookup, quarantineInserter, resolverFor } from '../../db/repositories/quarantine';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { createEvidenceCollector } from '../evidence/collect';
import { evidenceLayoutReport } from '../evidence/layout-hint';
import { openEvidenceSource } from '../evidence/source';
import { EvidenceStore } from '../evidence/store';
import { refreshDerivedData } from '../derived-data';
import { hashClaimContent } from '../hashing';
import { openBatchReader, type BatchReader } from './readers';
import { ImportCancelledError, readUntilStopped } from './read-until';

export { ImportCancelledError } from './read-until';

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** How long a read may stall before the import gives up (READ_STALL_MS; shorter in tests). */
  stallMs?: number;
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** An unreadable file is refused with the reader's typed error (its issue code and place). */
function openReader(request: ImportRequest): Promise<BatchReader> {
  return openBatchReader(request.file, { sheet: request.sheet ?? null });
}

function checkColumns(headers: readonly string[], request: ImportRequest): ResolvedColumns {
  const columns = resolveColumns(headers, request.mapping ?? {});
  const problems = [
    ...columns.missingRequired.map((field) => ({
      path: field,
      code: 'missing_column',
      message: `no column for ${FIELD_HEADERS[field].ko} (${field})`,
    })),
    ...columns.duplicateFields.map((field) => ({
      path: field,
      code: 'duplicate_column',
      message: `more than one column maps to ${FIELD_HEADERS[field].ko} (${field})`,
    })),
  ];
  if (problems.length > 0) {
    throw new ServiceError(
      'validation_failed',
      `${basename(request.file)} needs a column mapping: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  }
  return columns;
}

/**
 * For a quarantine export coming back (isQuarantineExport): its headers and cells with the
 * export's guard removed (unguardCell, which touches only text guardCell could have made), and
 * without the export's own columns; entryOf reads the row's 보류번호 (the entry it copies).
 * Any other file is read exactly as it is, so a person's own leading ' is kept.
 */
function restoreRoundTrip(headers: readonly string[]): {
  headers: readonly string[];
  values: (cells: Record<string, string>) => Record<string, string>;
  entryOf: (cells: Record<string, string>) => number | null;
} {
  if (!isQuarantineExport(headers))
    return { headers, values: (cells) => cells, entryOf: () => null };
  const restored = headers.map(unguardCell);
  const renamed = new Map(headers.map((header, i) => [header, restored[i]!]));
  return {
    headers: restored,
    values: (cells) => {
      const out: Record<string, string> = {};
      for (const [header, cell] of Object.entries(cells)) {
        // The export's own columns are not the claimant's data: a row set aside again is kept
        // under the file's headers only, so the next export has the same shape.
        if (QUARANTINE_EXPORT_HEADERS.includes(header)) continue;
        // defineProperty keeps a "__proto__" header an ordinary key.
        Object.defineProperty(out, renamed.get(header) ?? unguardCell(header), {
          value: unguardCell(cell),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    },
    entryOf: (cells) => {
      const text = unguardCell(cells[QUARANTINE_ENTRY_HEADER] ?? '').trim();
      return /^[1-9]\d{0,15}$/.test(text) ? Number(text) : null;
    },
  };
}

/** Each list in the report keeps its first entries only; the counts and the database keep all. */
export const REPORT_LIST_LIMIT = 1000;

function pushCapped<T>(list: T[], item: T): void {
  if (list.length < REPORT_LIST_LIMIT) list.push(item);
}

const emptyTiers = (): Record<Tier, number> =>
  Object.fromEntries(TIERS.map((tier) => [tier, 0])) as Record<Tier, number>;

/**
 * Imports one batch file, with its evidence, in a single transaction on a connection of its
 * own: the app keeps reading the committed workspace meanwhile, and a cancel, an error or a
 * killed process leaves the database exactly as it was. Every row ends up as a claim, in
 * quarantine with its reasons, or in quarantine as a duplicate of an earlier batch's claim.
 */
export async function importBatch(
  ctx: ServiceContext,
  request: ImportRequest,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now();
  const fileName = basename(request.file);
  const report = (phase: ImportProgress['phase'], rowsRead: number, reader: BatchReader | null) => {
    const seconds = (performance.now() - started) / 1000;
    options.onProgress?.({
      phase,
      rowsRead,
      bytesRead: reader?.bytesRead() ?? 0,
      totalBytes: reader?.totalBytes ?? 0,
      rowsPerSecond: seconds > 0 ? Math.round(rowsRead / seconds) : 0,
    });
  };
  report('checking', 0, null);

  const contentHash = await hashFile(request.file).catch(() => {
    throw new ServiceError('validation_failed', `${request.file} cannot be read`);
  });
  const earlier = findImportByContentHash(ctx.db, contentHash);
  if (earlier) {
    throw new ServiceError(
      'conflict',
      `${fileName} was already imported into batch ${earlier.batchId} ("${earlier.batchName}") on ${earlier.importedAt}; nothing was imported again`,
    );
  }
  const fixesFor = request.intoBatchId ?? null;
  if (fixesFor !== null && !findBatchById(ctx.db, fixesFor))
    throw new ServiceError('not_found', `batch ${fixesFor} does not exist`);

  const stop = { file: request.file, signal: options.signal, stallMs: options.stallMs };
  const opening = openReader(request);
  const reader = await readUntilStopped(opening, stop).catch((error: unknown) => {
    // A reader that opens after the import gave up on it is closed as soon as it does.
    opening.then((late) => late.close()).catch(() => undefined);
    throw error;
  });
  // A quarantine export coming back carries the export's formula guard in every cell; it is
  // removed here, where it was added, so the claims get the source's text (issue 12).
  const restore = restoreRoundTrip(reader.headers);
  let source: Awaited<ReturnType<typeof openEvidenceSource>>;
  let columns: ResolvedColumns;
  try {
    columns = checkColumns(restore.headers, request);
    source = await openEvidenceSource(request.evidence ?? null);
  } catch (error) {
    // Refused before the transaction began: release the file and say why.
    reader.close();
    report('failed', 0, reader);
    throw error;
  }
  const collector = createEvidenceCollector(
    source,
    new EvidenceStore(ctx.dataDir, ctx.workspaceKey),
  );
  const db: Db = openWorkspaceConnection(ctx);
  // A modest page cache: a million-row import must stay within a laptop's memory (bench: peakRssMB).
  setPageCacheKiB(db, 16384);
  try {
    beginImmediate(db);
    const now = ctx.now().toISOString();
    const batchId =
      fixesFor ??
      insertBatch(db, {
        name: fileName,
        sourceFile: request.file,
        contentHash,
        importedAt: now,
        importedBy: ctx.actor,
        rowCount: 0,
      }).id;
    const importFileId = insertImportFile(db, {
      batchId,
      kind: fixesFor === null ? 'original' : 'fix',
      contentHash,
      sourceFile: request.file,
      format: reader.format,
      encoding: reader.encoding,
      importedAt: now,
      importedBy: ctx.actor,
      rowCount: 0,
    });
    const insertClaim = claimInserter(db);
    const insertEvidence = evidenceInserter(db);
    const quarantine = quarantineInserter(db);
    const batchOf = claimBatchLookup(db);
    const resolve = resolverFor(db);
    const isOpen = openEntryLookup(db);
    const pick = rawRowPicker(columns.mapping);

    const result: ImportReport = {
      batchId,
      file: { name: fileName, format: reader.format, encoding: reader.encoding },
      rows: 0,
      imported: 0,
      quarantined: 0,
      duplicates: 0,
      tiers: emptyTiers(),
      evidence: { stored: 0, rejected: 0, missing: 0 },
      quarantine: [],
      duplicateClaims: [],
      evidenceProblems: [],
      evidenceLayout: null,
      seconds: 0,
    };

    /** A row that did not become a claim: kept whole in quarantine, counted, listed. */
    const setAside = (
      row: number,
      values: Record<string, string>,
      claimId: string | null,
      reasons: RowIssue[],
      fixesEntryId: number | null,
    ) => {
      quarantine({
        batchId,
        importFileId,
        sourceRow: row,
        kind: 'invalid',
        claimId,
        raw: values,
        reasons,
        existingBatchId: null,
        fixesEntryId,
      });
      result.quarantined += 1;
      pushCapped(result.quarantine, { row, claimId, reasons });
    };
    const setAsideDuplicate = (
      row: number,
      values: Record<string, string>,
      claimId: string,
      existingBatchId: number,
      fixesEntryId: number | null,
    ) => {
      quarantine({
        batchId,
        importFileId,
        sourceRow: row,
        kind: 'duplicate',
        claimId,
        raw: values,
        reasons: [],
        existingBatchId,
        fixesEntryId,
      });
      result.duplicates += 1;
      pushCapped(result.duplicateClaims, { row, claimId, existingBatchId });
    };

    const chunks = reader.chunks();
    for (;;) {
      const next = await readUntilStopped(chunks.next(), stop);
      if (next.done) break;
      const chunk = next.value;
      for (const { row, values: cells } of chunk) {
        result.rows += 1;
        const values = restore.values(cells);
        // A returning row ends the entry it copies only while that entry is open in this batch:
        // a second copy of the same row in the file is an ordinary row.
        const named = restore.entryOf(cells);
        const fixes = fixesFor !== null && named !== null && isOpen(batchId, named) ? named : null;
        const raw = pick(values);
        const checked = validateClaimRow(raw);
        if (!checked.ok) {
          const hasId = raw.claim_id !== '' && overLimit('claim_id', raw.claim_id) === null;
          setAside(row, values, hasId ? raw.claim_id : null, checked.issues, fixes);
          continue;
        }
        const claim = checked.claim;
        const tier = classifyTier(claim);
        const { evidence, ...fields } = claim;
        const inserted = insertClaim({
          ...fields,
          batchId,
          sourceRow: row,
          tier,
          tierRuleVersion: TIER_RULE_VERSION,
          contentHash: hashClaimContent(claim),
        });
        if (!inserted) {
          const existing = batchOf(claim.claimId)!;
          // The same id earlier in this very file is a bad row; one from another batch is a duplicate.
          if (existing === batchId && fixesFor === null)
            setAside(row, values, claim.claimId, [duplicateInFileIssue()], fixes);
          else setAsideDuplicate(row, values, claim.claimId, existing, fixes);
          continue;
        }
        for (const [position, name] of evidence.entries()) {
          const outcome = await collector.collect(name);
          insertEvidence({ claimId: claim.claimId, position, ...outcome });
          if (outcome.status !== 'stored') {
            pushCapped(result.evidenceProblems, {
              claimId: claim.claimId,
              fileName: name,
              status: outcome.status,
              problem: outcome.problem,
            });
          }
          result.evidence[outcome.status] += 1;
        }
        if (fixesFor !== null) resolve(batchId, claim.claimId, importFileId, now, fixes);
        result.tiers[tier] += 1;
        result.imported += 1;
      }
      report('reading', result.rows, reader);
      // Let progress events and a cancel request through between chunks.
      await new Promise((resolveTick) => setImmediate(resolveTick));
      if (options.signal?.aborted) throw new ImportCancelledError();
    }

    result.evidenceLayout = evidenceLayoutReport(source.shape, result);
    report('committing', result.rows, reader);
    if (fixesFor === null) setBatchRowCount(db, batchId, result.rows);
    setImportFileRowCount(db, importFileId, result.rows);
    const { byFlag } = refreshDerivedData(db);
    appendAudit(db, signerOf(ctx), {
      at: now,
      action: fixesFor === null ? 'batch.imported' : 'batch.fixes_imported',
      subjectType: 'batch',
      subjectId: String(batchId),
      details: {
        file: fileName,
        contentHash,
        format: reader.format,
        encoding: reader.encoding,
        rows: result.rows,
        imported: result.imported,
        quarantined: result.quarantined,
        duplicates: result.duplicates,
        tiers: result.tiers,
        evidence: result.evidence,
        tierRuleVersion: TIER_RULE_VERSION,
        flags: byFlag,
      },
    });
    commit(db);
    result.seconds = (performance.now() - started) / 1000;
    report('done', result.rows, reader);
    return result;
  } catch (error) {
    rollbackIfOpen(db);
    report(error instanceof ImportCancelledError ? 'cancelled' : 'failed', 0, reader);
    throw error;
  } finally {
    db.close();
    reader.close();
    await source.close();
  }
}
