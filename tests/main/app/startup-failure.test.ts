import Database from 'better-sqlite3-multiple-ciphers';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeStartupFailure,
  MissingNativeBindingError,
  STARTUP_FAILURE_TITLE,
  WorkspaceNotFoundError,
} from '../../../src/main/app/startup-failure';
import { chosenWorkspaceDir, nativeBindingFile } from '../../../src/main/app/startup-paths';
import { MigrationError } from '../../../src/main/db/errors';
import { DATABASE_FILE_NAME } from '../../../src/main/services/open-workspace';
import { makeTempDir } from '../../helpers/temp-workspace';
import { openTestWorkspace } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function tempDir(): string {
  const { dir, cleanup } = makeTempDir('startup-failure-');
  cleanups.push(cleanup);
  return dir;
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** Korean first, then English: the Korean part comes before the first English sentence. */
function expectKoreanThenEnglish(message: string, english: string): void {
  const at = message.indexOf(english);
  expect(at).toBeGreaterThan(0);
  expect(message.slice(0, at)).toMatch(/[가-힣]/);
}

describe('what a failed start tells the person at the machine', () => {
  it('a workspace from a newer Review Desk: update, nothing changed, names the file', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE_NAME);
    const made = openTestWorkspace(dir, {});
    made.db.pragma('user_version = 999');
    made.db.close();
    const error = caught(() => openTestWorkspace(dir, {}));
    const { title, message } = describeStartupFailure(error, { workspaceDir: dir });
    expect(title).toBe(STARTUP_FAILURE_TITLE);
    expect(message).toContain('더 새로운 버전');
    expect(message).toContain('업데이트');
    expect(message).toContain('schema 999');
    expectKoreanThenEnglish(message, 'This workspace was written by a newer Review Desk');
    expect(message).toContain('Update Review Desk');
    expect(message).toContain(file);
  });

  it('a database another process holds: wait for it, then start again', () => {
    const dir = '/data/ws';
    const busy = new Database.SqliteError('database is locked', 'SQLITE_BUSY');
    for (const error of [
      busy,
      // How migrate reports it: the SQLite error is the cause.
      new MigrationError(1, 'claims', busy),
      new Database.SqliteError('database table is locked', 'SQLITE_LOCKED'),
      new Database.SqliteError('recovery', 'SQLITE_BUSY_RECOVERY'),
    ]) {
      const { message } = describeStartupFailure(error, { workspaceDir: dir });
      expect(message).toContain('다른 프로그램이 쓰고 있어서');
      expectKoreanThenEnglish(message, 'Another program is using the workspace database');
      expect(message).toContain(join(dir, DATABASE_FILE_NAME));
    }
  });

  it('the Electron build of better-sqlite3 missing in a checkout: names the file and npm start', () => {
    const location = { packaged: false, resourcesPath: '/unused', appPath: '/repo' };
    const target = {
      betterSqlite3Version: '12.11.1',
      electronVersion: '45.0.0',
      abi: '140',
      platform: 'linux',
      arch: 'x64',
    };
    const error = caught(() =>
      nativeBindingFile(
        location,
        () => target,
        () => false,
      ),
    );
    expect(error).toBeInstanceOf(MissingNativeBindingError);
    const file = (error as MissingNativeBindingError).file;
    expect(file).toContain(join('/repo', '.native'));
    const { message } = describeStartupFailure(error);
    expect(message.split(file).length - 1).toBe(2);
    expect(message).toContain('npm start');
    expectKoreanThenEnglish(
      message,
      'The Electron build of better-sqlite3-multiple-ciphers is missing',
    );
  });

  it('the addon missing from an installed app: reinstall', () => {
    const error = new MissingNativeBindingError('/opt/Review Desk/resources/x.node', true);
    const { message } = describeStartupFailure(error);
    expect(message).toContain('다시 설치');
    expect(message).toContain('Reinstall Review Desk');
    expect(message).toContain('/opt/Review Desk/resources/x.node');
    expect(message).not.toContain('npm start');
  });

  it('an addon built for another runtime: names the file it tried', () => {
    const error = Object.assign(
      new Error(
        "The module 'x.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115.",
      ),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    const { message } = describeStartupFailure(error, { nativeBinding: '/repo/.native/x.node' });
    expect(message).toContain('/repo/.native/x.node');
    expect(message).toContain('NODE_MODULE_VERSION 115');
    expectKoreanThenEnglish(
      message,
      'The database module (better-sqlite3-multiple-ciphers) could not be loaded',
    );
  });

  it('a --workspace or REVIEW_DESK_WORKSPACE folder without a workspace in it', () => {
    const dir = tempDir();
    const fromSwitch = caught(() => chosenWorkspaceDir(dir, {}));
    expect(fromSwitch).toBeInstanceOf(WorkspaceNotFoundError);
    const { message } = describeStartupFailure(fromSwitch);
    expect(message).toContain(dir);
    expect(message).toContain('--workspace');
    expect(message).toContain(DATABASE_FILE_NAME);
    expectKoreanThenEnglish(message, 'is not a Review Desk workspace');

    const fromEnv = caught(() => chosenWorkspaceDir('', { REVIEW_DESK_WORKSPACE: dir }));
    expect(describeStartupFailure(fromEnv).message).toContain('REVIEW_DESK_WORKSPACE');
  });

  it('a folder this account may not write, a full disk, a damaged file', () => {
    const denied = Object.assign(new Error('EACCES: permission denied, mkdir'), { code: 'EACCES' });
    expect(describeStartupFailure(denied, { workspaceDir: '/ws' }).message).toContain('권한');
    const full = new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    expect(describeStartupFailure(full, { workspaceDir: '/ws' }).message).toContain('disk is full');
    const notDb = new Database.SqliteError('file is not a database', 'SQLITE_NOTADB');
    expect(describeStartupFailure(notDb, { workspaceDir: '/ws' }).message).toContain('backup');
  });

  it('a failed migration that is not a lock: the file was left as it was', () => {
    const error = new MigrationError(7, 'flags', new Error('no such column: x'));
    const { message } = describeStartupFailure(error, { workspaceDir: '/ws' });
    expect(message).toContain('migration 7');
    expect(message).toContain('left as it was');
    expect(message).toContain('no such column: x');
  });

  it('anything else still says it could not start, in both languages, with the error', () => {
    const { title, message } = describeStartupFailure(new TypeError('boom'));
    expect(title).toMatch(/시작할 수 없습니다.*cannot start/);
    expect(message).toContain('boom');
    expectKoreanThenEnglish(message, 'An unexpected error stopped Review Desk');
    expect(describeStartupFailure('a string').message).toContain('a string');
  });

  it('a folder that does hold a workspace is taken as it is', () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATABASE_FILE_NAME), '');
    expect(chosenWorkspaceDir(dir, {})).toBe(dir);
    expect(chosenWorkspaceDir('', {})).toBeNull();
  });
});
