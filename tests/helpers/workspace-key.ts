import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceContext } from '../../src/main/services/context';
import {
  DATABASE_FILE_NAME,
  type OpenWorkspaceOptions,
} from '../../src/main/services/open-workspace';
import { createWorkspace, unlockWorkspace } from '../../src/main/services/unlock-workspace';
import {
  databaseKeyPragma,
  newWorkspaceKey,
  unlockWorkspaceKey,
  workspaceStateOf,
  type WorkspaceKey,
} from '../../src/main/services/workspace-key';

/**
 * Every test workspace is encrypted, as every real one is. They share one passphrase, sealed at
 * scrypt's lowest accepted cost so a test run does not spend minutes stretching it; the
 * passphrase file is what the CLI is given (REVIEW_DESK_PASSPHRASE_FILE, see run-cli.ts).
 */
export const TEST_PASSPHRASE = 'test workspace passphrase';
export const TEST_SCRYPT = { N: 2 ** 14, r: 8, p: 1 };

/** A key for tests of the database layer alone (no key file): one per test file. */
export const TEST_KEY: WorkspaceKey = newWorkspaceKey();

let passphraseFile: string | null = null;

/** A file holding TEST_PASSPHRASE, made once per test process. */
export function testPassphraseFile(): string {
  if (passphraseFile === null) {
    passphraseFile = join(mkdtempSync(join(tmpdir(), 'review-desk-pass-')), 'passphrase.txt');
    writeFileSync(passphraseFile, `${TEST_PASSPHRASE}\n`, { mode: 0o600 });
  }
  return passphraseFile;
}

/** Opens the test workspace in `dir` with TEST_PASSPHRASE, making it the first time. */
export function openTestWorkspace(
  dir: string,
  options: Omit<OpenWorkspaceOptions, 'key'> = {},
): ServiceContext {
  const file = join(dir, options.fileName ?? DATABASE_FILE_NAME);
  const all = { ...options, scrypt: TEST_SCRYPT };
  if (workspaceStateOf(file) === 'none')
    return createWorkspace(dir, { ...all, passphrase: TEST_PASSPHRASE }).ctx;
  return unlockWorkspace(dir, { passphrase: TEST_PASSPHRASE }, all);
}

/** The key of a test workspace's database file (made by openTestWorkspace or the CLI). */
export function testWorkspaceKey(databaseFile: string): WorkspaceKey {
  return unlockWorkspaceKey(databaseFile, { passphrase: TEST_PASSPHRASE }).key;
}

/**
 * A bare connection to an encrypted database, for a test that must reach under the app (to
 * alter a row as an attacker with the key would, or to read what is there).
 */
export function openRawDatabase(
  file: string,
  key: WorkspaceKey,
  options: Database.Options = {},
): Database.Database {
  const db = new Database(file, options);
  db.pragma(databaseKeyPragma(key));
  return db;
}
