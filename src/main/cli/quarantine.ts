import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listQuarantine, type QuarantineEntry } from '../db/repositories/quarantine';
import { findBatchById } from '../db/repositories/batches';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { discardQuarantineEntry } from '../services/intake/quarantine-discard';
import { exportQuarantineCsv } from '../services/intake/quarantine-export';

type Open = (db: string | undefined) => ServiceContext;

const STATUS_WORDS: Record<QuarantineEntry['status'], string> = {
  open: '남음 open',
  resolved: '등록됨 resolved',
  discarded: '폐기됨 discarded',
  superseded: '다시 보류됨 superseded',
};

function batchOption(value: string | undefined, command: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isSafeInteger(n) || n <= 0)
    throw new ServiceError('validation_failed', `${command} needs --batch <id> (a whole number)`);
  return n;
}

function runExport(openAt: Open, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { batch: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' } },
  });
  const batchId = batchOption(values.batch, 'quarantine');
  if (!values.out) throw new ServiceError('validation_failed', 'quarantine needs --out <file.csv>');
  const ctx = openAt(values.db);
  try {
    const { rows } = exportQuarantineCsv(ctx, batchId, resolve(values.out));
    process.stdout.write(
      `보류 행 ${rows}건을 ${values.out}에 저장했습니다 / wrote ${rows} quarantined rows\n`,
    );
  } finally {
    ctx.db.close();
  }
}

/** What became of one entry, in words. */
function endOf(entry: QuarantineEntry): string {
  if (entry.resolvedBy !== null) return ` → ${entry.resolvedBy}`;
  if (entry.supersededBy !== null) return ` → #${entry.supersededBy}`;
  if (entry.discard !== null) return `: ${entry.discard.reason} (${entry.discard.by})`;
  return '';
}

function runList(openAt: Open, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      batch: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const batchId = batchOption(values.batch, 'quarantine list');
  const ctx = openAt(values.db);
  try {
    if (!findBatchById(ctx.db, batchId))
      throw new ServiceError('not_found', `batch ${batchId} does not exist`);
    const entries = listQuarantine(ctx.db, batchId);
    const open = entries.filter((entry) => entry.status === 'open').length;
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ batchId, open, entries })}\n`);
      return;
    }
    const lines = [`묶음 ${batchId}: 남은 보류 행 ${open}건 / ${open} open quarantined rows`];
    for (const entry of entries)
      lines.push(
        `  #${entry.id} 행 row ${entry.originalRow} ${entry.claimId ?? '(접수번호 없음)'} ${STATUS_WORDS[entry.status]}${endOf(entry)}`,
      );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    ctx.db.close();
  }
}

function runDiscard(openAt: Open, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      batch: { type: 'string' },
      entry: { type: 'string' },
      reason: { type: 'string' },
      db: { type: 'string' },
    },
  });
  const batchId = batchOption(values.batch, 'quarantine discard');
  const entryId = Number(values.entry);
  if (values.entry === undefined || !Number.isSafeInteger(entryId) || entryId <= 0)
    throw new ServiceError(
      'validation_failed',
      'quarantine discard needs --entry <보류번호>, the first column of the export',
    );
  const ctx = openAt(values.db);
  try {
    discardQuarantineEntry(ctx, { batchId, entryId, reason: values.reason ?? '' });
    process.stdout.write(
      `보류 행 #${entryId}을 폐기했습니다 / discarded quarantined row #${entryId}\n`,
    );
  } finally {
    ctx.db.close();
  }
}

/** quarantine [list|discard] …: the export when no subcommand is named (as before). */
export function runQuarantine(openAt: Open, args: string[]): void {
  const [first, ...rest] = args;
  if (first === 'list') runList(openAt, rest);
  else if (first === 'discard') runDiscard(openAt, rest);
  else if (first === 'export') runExport(openAt, rest);
  else runExport(openAt, args);
}
