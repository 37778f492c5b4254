import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { duplicateInFileIssue, type RowIssue } from '../../../shared/domain/claim-row';
import { TIER_RULE_VERSION, TIERS, type Tier } from '../../../shared/domain/tier';
import type {
  ImportProgress,
  ImportReport,
  ImportRequest,
} from '../../../shared/ipc/intake-schemas';
import {
  beginImmediate,
  commit,
  rollbackIfOpen,
  turnOffAutoCheckpoint,
  type Db,
} from '../../db/connection';
import { checkpointInBackground } from '../../db/background-checkpoint';
import { openWorkspaceConnection } from '../open-workspace';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { findBatchById, insertBatch, setBatchRowCount } from '../../db/repositories/batches';
import { claimBatchLookup, claimValuesInserter } from '../../db/repositories/claims';
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
import { cellsOf, isInvalidRow } from './prepare-rows';
import { prepareInWorker } from './prepare-in-worker';
import { prepareInThisThread, type PreparedSource, type PreparingBatch } from './prepared-source';
import { ImportCancelledError, readUntilStopped } from './read-until';

export { ImportCancelledError } from './read-until';

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** How long a read may stall before the import gives up (READ_STALL_MS; shorter in tests). */
  stallMs?: number;
  /**
   * Where rows are read and prepared: on a worker thread, or in this one. By default a worker
   * for files of WORKER_MIN_BYTES and more; tests choose, to show both give the same result.
   */
  preparer?: 'worker' | 'thread';
  /**
   * 'background': a large import's WAL is copied into the database file on a worker thread
   * after the commit (the app, whose main thread must stay free); 'at-commit' (the CLI, which
   * closes the workspace right after anyway): SQLite's automatic checkpoint, in the commit.
   */
  checkpoint?: 'background' | 'at-commit';
  /** Told the background checkpoint's seconds when it has finished (benches). */
  onCheckpointed?: (seconds: number | null) => void;
}

/**
 * From this size on a file is prepared on a worker thread. Starting one takes tens of
 * milliseconds, which only pays off once preparing takes longer (about 5,000 rows).
 */
export const WORKER_MIN_BYTES = 1024 * 1024;

/** Each list in the report keeps its first entries only; the counts and the database keep all. */
export const REPORT_LIST_LIMIT = 1000;

function pushCapped<T>(list: T[], item: T): void {
  if (list.length < REPORT_LIST_LIMIT) list.push(item);
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // the reader refuses a file that is not there, with its own words
  }
}

/** A worker where one pays off (or is asked for); this thread otherwise. */
function preparing(request: ImportRequest, options: ImportOptions): PreparingBatch {
  const where =
    options.preparer ?? (fileSize(request.file) >= WORKER_MIN_BYTES ? 'worker' : 'thread');
  return where === 'worker' ? prepareInWorker(request) : prepareInThisThread(request);
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
  let progress = { bytesRead: 0, totalBytes: 0 };
  const report = (phase: ImportProgress['phase'], rowsRead: number) => {
    const seconds = (performance.now() - started) / 1000;
    options.onProgress?.({
      phase,
      rowsRead,
      ...progress,
      rowsPerSecond: seconds > 0 ? Math.round(rowsRead / seconds) : 0,
    });
  };
  report('checking', 0);
  const fixesFor = request.intoBatchId ?? null;

  const stop = { file: request.file, signal: options.signal, stallMs: options.stallMs };
  const batchFile = preparing(request, options);
  let prepared: PreparedSource;
  let contentHash: string;
  let source: Awaited<ReturnType<typeof openEvidenceSource>>;
  try {
    contentHash = await readUntilStopped(batchFile.contentHash(), stop);
    const earlier = findImportByContentHash(ctx.db, contentHash);
    if (earlier) {
      throw new ServiceError(
        'conflict',
        `${fileName} was already imported into batch ${earlier.batchId} ("${earlier.batchName}") on ${earlier.importedAt}; nothing was imported again`,
      );
    }
    if (fixesFor !== null && !findBatchById(ctx.db, fixesFor))
      throw new ServiceError('not_found', `batch ${fixesFor} does not exist`);
    prepared = await readUntilStopped(batchFile.opened(), stop);
    source = await openEvidenceSource(request.evidence ?? null);
  } catch (error) {
    // Refused before the transaction began: release the file and say why.
    batchFile.close();
    report('failed', 0);
    throw error;
  }
  const { format, encoding, totalBytes } = prepared.facts;
  progress = { bytesRead: 0, totalBytes };
  const collector = createEvidenceCollector(
    source,
    new EvidenceStore(ctx.dataDir, ctx.workspaceKey),
  );
  const db: Db = openWorkspaceConnection(ctx);
  // The connection keeps openDatabase's 64 MiB page cache. At 100k claims the new pages all fit,
  // so each is encrypted once, at the commit; with 16 MiB they spilled to the WAL and were read
  // back and decrypted, again and again (100k: 4.5 s then, 4.0 s now; 1M: 80 s then, 48 s now).
  // A million rows still stay within the import's memory budget (bench import.1m peakRssMB).
  const checkpointLater = options.checkpoint === 'background';
  if (checkpointLater) turnOffAutoCheckpoint(db);
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
      format,
      encoding,
      importedAt: now,
      importedBy: ctx.actor,
      rowCount: 0,
    });
    const insertClaim = claimValuesInserter(db, batchId);
    const insertEvidence = evidenceInserter(db);
    const quarantine = quarantineInserter(db);
    const batchOf = claimBatchLookup(db);
    const resolve = resolverFor(db);
    const isOpen = openEntryLookup(db);

    const result: ImportReport = {
      batchId,
      file: { name: fileName, format, encoding },
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
    // A returning row ends the entry it copies only while that entry is open in this batch:
    // a second copy of the same row in the file is an ordinary row.
    const fixesOf = (named: number | null) =>
      fixesFor !== null && named !== null && isOpen(batchId, named) ? named : null;

    const chunks = prepared.chunks();
    for (;;) {
      const next = await readUntilStopped(chunks.next(), stop);
      if (next.done) break;
      const chunk = next.value;
      for (const [index, item] of chunk.rows.entries()) {
        result.rows += 1;
        if (isInvalidRow(item)) {
          const { row, values, claimId, issues, named } = item;
          setAside(row, values, claimId, issues, fixesOf(named));
          continue;
        }
        const { values, evidence, named } = item;
        const [claimId, row] = values;
        if (!insertClaim(values)) {
          const existing = batchOf(claimId)!;
          const cells = cellsOf(chunk, index);
          // The same id earlier in this very file is a bad row; one from another batch is a duplicate.
          if (existing === batchId && fixesFor === null)
            setAside(row, cells, claimId, [duplicateInFileIssue()], fixesOf(named));
          else setAsideDuplicate(row, cells, claimId, existing, fixesOf(named));
          continue;
        }
        if (evidence !== null) {
          for (const [position, name] of evidence.entries()) {
            const outcome = await collector.collect(name);
            insertEvidence({ claimId, position, ...outcome });
            if (outcome.status !== 'stored') {
              pushCapped(result.evidenceProblems, {
                claimId,
                fileName: name,
                status: outcome.status,
                problem: outcome.problem,
              });
            }
            result.evidence[outcome.status] += 1;
          }
        }
        if (fixesFor !== null) resolve(batchId, claimId, importFileId, now, fixesOf(named));
        result.tiers[values[14]] += 1;
        result.imported += 1;
      }
      progress = { bytesRead: chunk.bytesRead, totalBytes };
      report('reading', result.rows);
      // Let progress events and a cancel request through between chunks.
      await new Promise((resolveTick) => setImmediate(resolveTick));
      if (options.signal?.aborted) throw new ImportCancelledError();
    }

    result.evidenceLayout = evidenceLayoutReport(source.shape, result);
    report('committing', result.rows);
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
        format,
        encoding,
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
    if (checkpointLater)
      void checkpointInBackground(db, ctx.nativeBinding).then((seconds) =>
        options.onCheckpointed?.(seconds),
      );
    result.seconds = (performance.now() - started) / 1000;
    report('done', result.rows);
    return result;
  } catch (error) {
    rollbackIfOpen(db);
    report(error instanceof ImportCancelledError ? 'cancelled' : 'failed', 0);
    throw error;
  } finally {
    db.close();
    batchFile.close();
    await source.close();
  }
}
