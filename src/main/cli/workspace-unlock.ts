import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { convertPlainWorkspace } from '../services/convert-plain-workspace';
import { defaultDataDir } from '../services/data-dir';
import { DATABASE_FILE_NAME } from '../services/open-workspace';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { createWorkspace, unlockWorkspace } from '../services/unlock-workspace';
import { workspaceStateOf } from '../services/workspace-key';
import { readPassphrase } from './passphrase';

/** Commands whose own --passphrase-file is for a key they sign with, not for the workspace. */
const OWN_PASSPHRASE_FILE = new Set(['keygen', 'roster', 'export-decisions', 'recommendations']);
/** Commands that never open a workspace: no passphrase is asked for them. */
const NO_WORKSPACE = new Set(['keygen', 'verify', 'demo', 'restore', 'help', '--help']);

export const PASSPHRASE_FILE_VARIABLE = 'REVIEW_DESK_PASSPHRASE_FILE';

/** The workspace's passphrase for this run, once known. */
let passphrase: string | null = null;

/** The passphrase given for this run (by a file), if any: restore tries it on a backup. */
export function workspacePassphrase(): string | null {
  return passphrase;
}

/**
 * Takes a `--passphrase-file <f>` meant for the workspace out of the arguments (for commands
 * that have no such option of their own) and settles the workspace passphrase for this run,
 * asking at the terminal only when no file gives it and the command opens a workspace.
 */
export async function takeWorkspacePassphrase(
  command: string | undefined,
  args: string[],
  actingPassphraseFile: string | undefined,
): Promise<string[]> {
  let rest = args;
  let file: string | undefined;
  if (command !== undefined && !OWN_PASSPHRASE_FILE.has(command)) {
    const at = args.findIndex(
      (a) => a === '--passphrase-file' || a.startsWith('--passphrase-file='),
    );
    if (at >= 0) {
      const inline = args[at]!.includes('=');
      file = inline ? args[at]!.slice('--passphrase-file='.length) : args[at + 1];
      if (!file || file.startsWith('--'))
        throw new ServiceError('validation_failed', '--passphrase-file needs a file');
      rest = [...args.slice(0, at), ...args.slice(at + (inline ? 1 : 2))];
    }
  }
  file ??= process.env[PASSPHRASE_FILE_VARIABLE] || actingPassphraseFile;
  const database = databaseFileIn(rest);
  if (file !== undefined) passphrase = await readPassphrase(file, '');
  else if (command !== undefined && !NO_WORKSPACE.has(command) && process.stdin.isTTY) {
    const creating = database !== null && !existsSync(database);
    passphrase = await readPassphrase(
      undefined,
      'workspace passphrase / 작업 공간 암호: ',
      creating,
    );
  }
  // `roster build` signs a file and opens no workspace; every other such command opens one.
  const opens =
    command !== undefined &&
    !NO_WORKSPACE.has(command) &&
    !(command === 'roster' && rest[0] === 'build');
  if (opens) await convertIfPlain(resolve(database ?? defaultDatabaseFile()));
  return rest;
}

/**
 * A workspace from before encryption is converted on its first open with the passphrase given
 * (after a backup of it is written beside it); the recovery code is printed once, as for a new one.
 */
async function convertIfPlain(file: string): Promise<void> {
  if (passphrase === null || workspaceStateOf(file) !== 'plain') return;
  const { ctx, recoveryCode, backupFile } = await convertPlainWorkspace(dirname(file), {
    passphrase,
  });
  ctx.db.close();
  process.stderr.write(
    `암호화 전의 작업 공간을 암호화했습니다 (먼저 백업: ${backupFile}) / encrypted a workspace from before encryption (backed up first: ${backupFile})\n`,
  );
  process.stderr.write(recoveryCodeNotice(file, recoveryCode));
}

function databaseFileIn(args: string[]): string | null {
  const at = args.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (at < 0) return null;
  return args[at]!.startsWith('--db=') ? args[at]!.slice(5) : (args[at + 1] ?? null);
}

/**
 * Opens (or makes) the encrypted workspace whose database is `file`, with this run's
 * passphrase. Making one prints its recovery code on stderr, the only time it is ever shown.
 */
export function openWorkspaceAt(file: string): ServiceContext {
  if (passphrase === null)
    throw new ServiceError(
      'forbidden',
      `the workspace ${file} is encrypted and no passphrase was given: use --passphrase-file <f>, set ${PASSPHRASE_FILE_VARIABLE}, or run it at a terminal`,
    );
  const dir = dirname(file);
  const fileName = basename(file);
  const state = workspaceStateOf(file);
  if (state === 'none') {
    const { ctx, recoveryCode } = createWorkspace(dir, { passphrase, fileName });
    process.stderr.write(recoveryCodeNotice(file, recoveryCode));
    return ctx;
  }
  return unlockWorkspace(dir, { passphrase }, { fileName });
}

function defaultDatabaseFile(): string {
  return resolve(defaultDataDir(), DATABASE_FILE_NAME);
}

export function recoveryCodeNotice(file: string, code: string): string {
  return [
    `새 작업 공간을 암호화해 만들었습니다 / new encrypted workspace: ${file}`,
    '복구 코드 (지금 한 번만 보입니다. 적거나 인쇄해 노트북과 따로 보관하세요)',
    'recovery code (shown this once: write it down or print it, and keep it away from the laptop):',
    `  ${code}`,
    '',
  ].join('\n');
}
