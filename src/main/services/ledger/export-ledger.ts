import { closeSync, openSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { sha256Hex } from '../hashing';
import { publishTempFile, refusalOf, refuseIfTaken, tempNameFor, writeNewFile } from '../new-file';
import type {
  LedgerEncoding,
  LedgerFormat,
  LedgerSummary,
} from '../../../shared/ipc/ledger-schemas';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { writeLedgerCsv } from './ledger-csv';
import { buildLedger, type Ledger } from './ledger-rows';
import { FileSink, MemorySink, type LedgerSink } from './ledger-sink';
import { writeLedgerXlsx } from './ledger-xlsx';

export interface LedgerExportRequest {
  format: LedgerFormat;
  /** CSV only; utf8 (with BOM) when absent. */
  encoding?: LedgerEncoding;
  batchId?: number;
}

/** "payout-ledger-2022-11-20-batch-3-cp949.csv": date (Korean calendar), scope, encoding. */
export function defaultLedgerFileName(at: Date, request: LedgerExportRequest): string {
  const day = new Date(at.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const batch = request.batchId === undefined ? '' : `-batch-${request.batchId}`;
  const encoding = request.encoding === 'cp949' ? '-cp949' : '';
  return `payout-ledger-${day}${batch}${encoding}.${request.format}`;
}

const NEVER_OVER = 'a ledger is never written over another file';

/** The ledger the request asks for; refuses an encoding for XLSX and a batch that is not there. */
function ledgerFor(ctx: ServiceContext, request: LedgerExportRequest): Ledger {
  if (request.format === 'xlsx' && request.encoding !== undefined)
    throw new ServiceError(
      'validation_failed',
      'an encoding applies to CSV only; XLSX is always Unicode',
      [{ path: 'encoding', code: 'csv_only', message: 'an encoding applies to CSV only' }],
    );
  return buildLedger(ctx, { batchId: request.batchId });
}

async function writeLedger(
  ctx: ServiceContext,
  request: LedgerExportRequest,
  ledger: Ledger,
  sink: LedgerSink,
): Promise<void> {
  if (request.format === 'xlsx') await writeLedgerXlsx(ledger, ctx.dataDir, sink);
  else writeLedgerCsv(ledger, request.encoding ?? 'utf8', sink);
}

/** The ledger's bytes in the requested format, with the summary they add up to. */
export async function renderLedger(
  ctx: ServiceContext,
  request: LedgerExportRequest,
): Promise<{ bytes: Buffer; summary: LedgerSummary }> {
  const ledger = ledgerFor(ctx, request);
  const sink = new MemorySink();
  await writeLedger(ctx, request, ledger, sink);
  return { bytes: sink.bytes(), summary: ledger.summary };
}

/**
 * Writes the ledger and records who exported what: a payout list leaves the workspace, so the
 * audit log keeps its scope, totals and the SHA-256 of the bytes handed over.
 */
export function saveLedgerFile(
  ctx: ServiceContext,
  request: LedgerExportRequest,
  path: string,
  rendered: { bytes: Buffer; summary: LedgerSummary },
): void {
  writeNewFile(path, rendered.bytes, NEVER_OVER);
  auditExport(ctx, request, path, rendered.summary, sha256Hex(rendered.bytes));
}

function auditExport(
  ctx: ServiceContext,
  request: LedgerExportRequest,
  path: string,
  summary: LedgerSummary,
  sha256: string,
): void {
  appendAudit(ctx.db, signerOf(ctx), {
    at: ctx.now().toISOString(),
    action: 'ledger.exported',
    subjectType: 'ledger',
    subjectId: request.batchId === undefined ? 'all' : String(request.batchId),
    details: {
      file: basename(path),
      format: request.format,
      encoding: request.format === 'csv' ? (request.encoding ?? 'utf8') : null,
      rows: summary.count,
      total: summary.total,
      sha256,
    },
  });
}

/**
 * Writes the ledger to `out` as it is made: into a dot-named temp file beside it, which takes
 * the name only once whole and synced (publishTempFile, as writeNewFile does with bytes in
 * memory). Nothing is left under `out` when the ledger is refused (a batch that does not exist,
 * CP949 that cannot hold a name) or `out` exists.
 */
export async function exportLedger(
  ctx: ServiceContext,
  request: LedgerExportRequest & { out: string },
): Promise<{ path: string; summary: LedgerSummary }> {
  const { out } = request;
  const ledger = ledgerFor(ctx, request);
  refuseIfTaken(out, NEVER_OVER);
  const temp = tempNameFor(out);
  let sha256: string;
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      const sink = new FileSink(fd);
      await writeLedger(ctx, request, ledger, sink);
      sha256 = sink.sha256();
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw refusalOf(out, error, NEVER_OVER);
  }
  publishTempFile(temp, out, NEVER_OVER);
  auditExport(ctx, request, out, ledger.summary, sha256);
  return { path: out, summary: ledger.summary };
}
