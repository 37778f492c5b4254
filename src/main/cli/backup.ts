import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackupMade, RestoreCheck, RestoreReport } from '../../shared/ipc/backup-schemas';
import { restoreBackup } from '../services/backup/restore-backup';
import { writeBackup } from '../services/backup/write-backup';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { forgetKey } from '../services/workspace-key';
import { readPassphrase } from './passphrase';
import { workspacePassphrase } from './workspace-unlock';

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

function countsLine(counts: BackupMade['counts']): string {
  return `신청 claims ${counts.claims}, 결정 decisions ${counts.decisions}, 회의 meetings ${counts.meetings}, 증빙 파일 evidence files ${counts.evidenceFiles}`;
}

export async function runBackup(
  openAt: (db: string | undefined) => ServiceContext,
  args: string[],
): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.out)
    throw new ServiceError('validation_failed', 'backup needs --out <file.rdbackup>');
  const ctx = openAt(values.db);
  try {
    const made = await writeBackup(ctx, resolve(values.out));
    process.stdout.write(
      values.json
        ? `${JSON.stringify(made)}\n`
        : `백업했습니다 / backed up: ${made.file} (${mb(made.sizeBytes)} MB, ${made.takenAt})\n  ${countsLine(made.counts)}\n`,
    );
  } finally {
    ctx.db.close();
  }
}

export async function runRestore(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      'recovery-code-file': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file || !values.to)
    throw new ServiceError('validation_failed', 'restore needs the backup file and --to <dir>');
  const unlock = await restoreSecret(values['recovery-code-file']);
  const { report, key } = await restoreBackup(resolve(file), resolve(values.to), unlock);
  forgetKey(key);
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatRestore(report));
}

async function restoreSecret(
  recoveryCodeFile: string | undefined,
): Promise<{ recoveryCode: string } | { passphrase: string }> {
  if (recoveryCodeFile !== undefined) {
    try {
      return { recoveryCode: readFileSync(recoveryCodeFile, 'utf8').split(/\r?\n/)[0] ?? '' };
    } catch {
      throw new ServiceError('not_found', `recovery code file ${recoveryCodeFile} is not readable`);
    }
  }
  const passphrase = workspacePassphrase();
  if (passphrase !== null) return { passphrase };
  return { recoveryCode: await readPassphrase(undefined, 'recovery code / 복구 코드: ') };
}

/** A restore's check as the CLI says it (the app's screen says it in Korean or English). */
export function restoreCheckInWords({ check, count }: RestoreCheck): string {
  switch (check) {
    case 'fileWhole':
      return `the backup file is whole (its closing record and manifest read; its ${count} entries tile it)`;
    case 'manifestAuthentic':
      return 'its manifest is authentic (HMAC under the workspace key)';
    case 'entryHashes':
      return `every entry matches its SHA-256 in the manifest (${count})`;
    case 'integrity':
      return 'PRAGMA integrity_check: ok';
    case 'auditChain':
      return `the audit chain verifies (${count} entries)`;
    case 'evidenceDecrypts':
      return `every evidence file decrypts to its SHA-256 (${count})`;
    case 'evidenceMissing':
      return `${count} evidence files were already missing from the workspace when the backup was taken`;
  }
}

function formatRestore(report: RestoreReport): string {
  return [
    `복원했습니다 / restored: ${report.workspaceDir}`,
    `  ${report.takenAt} 기준 / as of ${report.takenAt}`,
    `  ${countsLine(report.counts)}`,
    '  확인 / checked:',
    ...report.checks.map((check) => `    - ${restoreCheckInWords(check)}`),
    '',
  ].join('\n');
}
