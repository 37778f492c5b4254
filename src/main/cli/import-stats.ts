import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { columnMapping } from '../../shared/ipc/intake-schemas';
import type { ServiceContext } from '../services/context';
import { importBatch } from '../services/intake/import-batch';
import { batchStats, sharesOf } from '../services/stats/stats';
import { Refusal } from './cli-errors';
import {
  ALLOW_MISSING_EVIDENCE,
  MISSING_EVIDENCE_EXIT,
  missingEvidenceMessage,
} from './missing-evidence';
import { formatImportReport, formatStats } from './text-output';

type Open = (db: string | undefined) => ServiceContext;

function readMapping(path: string | undefined) {
  if (path === undefined) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Refusal(`mapping file ${path} is not readable JSON: ${(error as Error).message}`);
  }
  const parsed = columnMapping.safeParse(raw);
  if (!parsed.success)
    throw new Refusal(
      `mapping file ${path} must map header names to batch fields: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new Refusal(`--${name} must be a positive whole number, not "${value}"`);
  return n;
}

/** Returns the exit code: 0, or MISSING_EVIDENCE_EXIT once the batch is in. */
export async function runImport(openAt: Open, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      evidence: { type: 'string' },
      mapping: { type: 'string' },
      sheet: { type: 'string' },
      'into-batch': { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      progress: { type: 'boolean', default: false },
      [ALLOW_MISSING_EVIDENCE]: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw new Refusal('import needs the batch file: review-desk import <file>');
  const ctx = openAt(values.db);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  try {
    const report = await importBatch(
      ctx,
      {
        file: resolve(file),
        evidence: values.evidence ? resolve(values.evidence) : null,
        mapping: readMapping(values.mapping),
        sheet: values.sheet ?? null,
        intoBatchId: positiveInt(values['into-batch'], 'into-batch') ?? null,
      },
      {
        signal: controller.signal,
        onProgress: values.progress
          ? (p) => process.stderr.write(`${JSON.stringify(p)}\n`)
          : undefined,
      },
    );
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatImportReport(report));
    // Without --evidence every named file is "not supplied", a choice the report states; only
    // files looked for in the evidence given and not there make the run fail.
    if (!values.evidence || report.evidence.missing === 0 || values[ALLOW_MISSING_EVIDENCE])
      return 0;
    process.stderr.write(missingEvidenceMessage(report));
    return MISSING_EVIDENCE_EXIT;
  } finally {
    ctx.db.close();
  }
}

export function runStats(openAt: Open, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      batch: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const batchId = positiveInt(values.batch, 'batch');
  const ctx = openAt(values.db);
  try {
    const stats = batchStats(ctx, batchId);
    const shares = {
      byAffiliate: sharesOf(stats.byAffiliate),
      byClaimantType: sharesOf(stats.byClaimantType),
      byDamageType: sharesOf(stats.byDamageType),
      byTier: sharesOf(stats.byTier),
    };
    process.stdout.write(
      values.json ? `${JSON.stringify({ ...stats, shares })}\n` : formatStats(stats, shares),
    );
  } finally {
    ctx.db.close();
  }
}
