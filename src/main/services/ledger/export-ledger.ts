import { basename } from 'node:path';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { sha256Hex } from '../hashing';
import { writeNewFile } from '../new-file';
import type {
  LedgerEncoding,
  LedgerFormat,
  LedgerSummary,
} from '../../../shared/ipc/ledger-schemas';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { ledgerCsvBytes } from './ledger-csv';
import { buildLedger } from './ledger-rows';
import { ledgerXlsxBytes } from './ledger-xlsx';

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

/** The ledger's bytes in the requested format, with the summary they add up to. */
export async function renderLedger(
  ctx: ServiceContext,
  request: LedgerExportRequest,
): Promise<{ bytes: Buffer; summary: LedgerSummary }> {
  if (request.format === 'xlsx' && request.encoding !== undefined)
    throw new ServiceError(
      'validation_failed',
      'an encoding applies to CSV only; XLSX is always Unicode',
      [{ path: 'encoding', code: 'csv_only', message: 'an encoding applies to CSV only' }],
    );
  const ledger = buildLedger(ctx, { batchId: request.batchId });
  const bytes =
    request.format === 'xlsx'
      ? await ledgerXlsxBytes(ledger, ctx.dataDir)
      : ledgerCsvBytes(ledger, request.encoding ?? 'utf8');
  return { bytes, summary: ledger.summary };
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
  writeNewFile(path, rendered.bytes, 'a ledger is never written over another file');
  appendAudit(ctx.db, signerOf(ctx), {
    at: ctx.now().toISOString(),
    action: 'ledger.exported',
    subjectType: 'ledger',
    subjectId: request.batchId === undefined ? 'all' : String(request.batchId),
    details: {
      file: basename(path),
      format: request.format,
      encoding: request.format === 'csv' ? (request.encoding ?? 'utf8') : null,
      rows: rendered.summary.count,
      total: rendered.summary.total,
      sha256: sha256Hex(rendered.bytes),
    },
  });
}

/**
 * Renders the ledger and writes it to `out`. Nothing is written when the ledger is refused (a
 * batch that does not exist, CP949 that cannot hold a name) or `out` exists.
 */
export async function exportLedger(
  ctx: ServiceContext,
  request: LedgerExportRequest & { out: string },
): Promise<{ path: string; summary: LedgerSummary }> {
  const rendered = await renderLedger(ctx, request);
  saveLedgerFile(ctx, request, request.out, rendered);
  return { path: request.out, summary: rendered.summary };
}
