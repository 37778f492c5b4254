import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatKrw } from '../../shared/domain/money';
import {
  LEDGER_ENCODINGS,
  LEDGER_FORMATS,
  PAYOUT_BASES,
  PAYOUT_BASIS_LABELS,
  type LedgerEncoding,
  type LedgerFormat,
  type LedgerSummary,
} from '../../shared/ipc/ledger-schemas';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { exportLedger } from '../services/ledger';

function refuse(message: string): never {
  throw new ServiceError('validation_failed', message);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  refuse(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
}

/** Pads to a terminal width where a Hangul syllable takes two columns. */
function padLabel(label: string, width: number): string {
  const shown = [...label].reduce((sum, char) => sum + (/[\uac00-\ud7a3]/.test(char) ? 2 : 1), 0);
  return label + ' '.repeat(Math.max(0, width - shown));
}

export function formatLedgerSummary(summary: LedgerSummary, path: string): string {
  const line = (label: string, count: number, total: number) =>
    `  ${padLabel(label, 12)} ${String(count).padStart(7)}건  ${formatKrw(total).padStart(16)}`;
  return [
    `지급 명세 ${summary.count}건 저장 / wrote ${summary.count} payouts: ${path}`,
    ...PAYOUT_BASES.map((basis) =>
      line(
        PAYOUT_BASIS_LABELS[basis].ko,
        summary.byBasis[basis].count,
        summary.byBasis[basis].total,
      ),
    ),
    line('합계 total', summary.count, summary.total),
    ...(summary.awaitingCouncil > 0
      ? [
          `  위원회 대기 ${summary.awaitingCouncil}건 (지급 안 함) / ${summary.awaitingCouncil} committee claims awaiting the council (not paid)`,
        ]
      : []),
    ...(summary.outsideMeeting > 0
      ? [
          `  회의 밖에서 기록된 위원 의견 ${summary.outsideMeeting}건: 지급하지 않음 (XLSX 「회의 밖 기록」 시트) / ${summary.outsideMeeting} claim${summary.outsideMeeting === 1 ? '' : 's'} whose latest record is a member's view outside a meeting: not paid`,
        ]
      : []),
    '',
  ].join('\n');
}

/** Writes the payout ledger as XLSX or CSV to a file that must not exist yet. */
export async function runLedger(
  openAt: (db: string | undefined) => ServiceContext,
  args: string[],
): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: 'string' },
      encoding: { type: 'string' },
      batch: { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
    },
  });
  if (!values.format || !values.out) refuse('ledger needs --format xlsx|csv and --out <file>');
  const format: LedgerFormat = oneOf(values.format, LEDGER_FORMATS, 'format');
  let encoding: LedgerEncoding | undefined;
  if (values.encoding !== undefined) {
    encoding = oneOf(values.encoding, LEDGER_ENCODINGS, 'encoding');
    if (format === 'xlsx')
      refuse('--encoding applies to --format csv only; XLSX is always Unicode');
  }
  let batchId: number | undefined;
  if (values.batch !== undefined) {
    batchId = Number(values.batch);
    if (!Number.isSafeInteger(batchId) || batchId < 1)
      refuse(`--batch must be a positive whole number, not "${values.batch}"`);
  }
  const out = resolve(values.out);
  // Checked before the workspace is opened; exportLedger's exclusive write closes the race.
  if (existsSync(out)) refuse(`${out} exists; the ledger is never written over a file`);

  const ctx = openAt(values.db);
  try {
    const { summary } = await exportLedger(ctx, {
      format,
      ...(encoding ? { encoding } : {}),
      ...(batchId === undefined ? {} : { batchId }),
      out,
    });
    process.stdout.write(formatLedgerSummary(summary, out));
  } finally {
    ctx.db.close();
  }
}
