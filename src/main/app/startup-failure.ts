import { join } from 'node:path';
import { DatabaseTooNewError, MigrationError } from '../db/errors';
import { DATABASE_FILE_NAME } from '../services/open-workspace';

/**
 * Why the app stopped while starting, as the person at the machine reads it: Korean first, then
 * English, each saying what is wrong and what to do. No Electron here, so every case is tested
 * (tests/main/app/startup-failure.test.ts); main/index.ts shows it with dialog.showErrorBox and
 * exits with code 1.
 */
export interface StartupFailure {
  title: string;
  message: string;
}

/** What main knew when it failed, so a message can name the file it was working on. */
export interface StartupContext {
  /** The workspace folder being opened, once chosen. */
  workspaceDir?: string;
  /** The better-sqlite3 addon handed to the database, once found. */
  nativeBinding?: string;
}

/** The Electron build of better-sqlite3 is not where main looked for it. */
export class MissingNativeBindingError extends Error {
  readonly code = 'native_binding_missing';
  constructor(
    readonly file: string,
    readonly packaged: boolean,
  ) {
    super(`the Electron build of better-sqlite3-multiple-ciphers is missing at ${file}`);
    this.name = 'MissingNativeBindingError';
  }
}

/** --workspace or REVIEW_DESK_WORKSPACE names a folder that holds no workspace database. */
export class WorkspaceNotFoundError extends Error {
  readonly code = 'workspace_not_found';
  constructor(
    readonly dir: string,
    readonly source: '--workspace' | 'REVIEW_DESK_WORKSPACE',
  ) {
    super(`${dir} (${source}) is not a Review Desk workspace: it has no ${DATABASE_FILE_NAME}`);
    this.name = 'WorkspaceNotFoundError';
  }
}

export const STARTUP_FAILURE_TITLE = 'Review Desk를 시작할 수 없습니다 · Review Desk cannot start';

/** The error and its causes (MigrationError wraps the SQLite error it met), outermost first. */
function chainOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 8) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withCode(error: unknown, pattern: RegExp): unknown {
  return chainOf(error).find((link) => pattern.test(codeOf(link)));
}

/** Korean, then English; a technical detail (the underlying error) last, once. */
function both(korean: string, english: string, detail?: string): string {
  return detail === undefined
    ? `${korean}\n\n${english}`
    : `${korean}\n\n${english}\n\n(${detail})`;
}

/** Which error gets which message: the one decision main makes when a start fails. */
export function describeStartupFailure(
  error: unknown,
  context: StartupContext = {},
): StartupFailure {
  const databaseFile = context.workspaceDir
    ? join(context.workspaceDir, DATABASE_FILE_NAME)
    : undefined;
  const fileLine = (file: string | undefined) => (file ? `\n${file}` : '');
  const message = ((): string => {
    if (error instanceof MissingNativeBindingError) {
      return error.packaged
        ? both(
            `설치된 Review Desk에 데이터베이스 모듈(better-sqlite3-multiple-ciphers)이 없습니다. Review Desk를 다시 설치하세요.\n찾은 곳: ${error.file}`,
            `The installed Review Desk lacks its database module (better-sqlite3-multiple-ciphers). Reinstall Review Desk.\nLooked for: ${error.file}`,
          )
        : both(
            `Electron용 better-sqlite3-multiple-ciphers 빌드가 없습니다. 저장소 폴더에서 npm start(또는 node scripts/electron-native.mjs ensure)를 실행하면 만들어집니다.\n찾은 곳: ${error.file}`,
            `The Electron build of better-sqlite3-multiple-ciphers is missing. Run npm start (or node scripts/electron-native.mjs ensure) in the checkout; it makes this file.\nLooked for: ${error.file}`,
          );
    }
    if (error instanceof WorkspaceNotFoundError) {
      return both(
        `${error.source}에 지정한 폴더는 Review Desk 작업 공간이 아닙니다(${DATABASE_FILE_NAME} 파일이 없습니다). 작업 공간 폴더(예: review-desk demo가 만든 workspace 폴더)를 지정하거나, 지정하지 않고 시작하면 기본 작업 공간이 열립니다.\n${error.dir}`,
        `The folder given by ${error.source} is not a Review Desk workspace (it has no ${DATABASE_FILE_NAME}). Give a workspace folder (such as the workspace folder review-desk demo made), or start without it to open the default workspace.\n${error.dir}`,
      );
    }
    const tooNew = chainOf(error).find((link) => link instanceof DatabaseTooNewError);
    if (tooNew instanceof DatabaseTooNewError) {
      return both(
        `이 작업 공간은 더 새로운 버전의 Review Desk가 만든 것입니다(스키마 ${tooNew.foundVersion}, 이 버전은 ${tooNew.supportedVersion}까지 엽니다). 내용을 지키기 위해 열지 않았고, 파일은 바뀌지 않았습니다. Review Desk를 최신 버전으로 업데이트한 뒤 다시 시작하세요.\n${tooNew.file}`,
        `This workspace was written by a newer Review Desk (schema ${tooNew.foundVersion}; this version opens up to ${tooNew.supportedVersion}). It was not opened, so nothing in it changed. Update Review Desk, then start it again.\n${tooNew.file}`,
      );
    }
    if (withCode(error, /^SQLITE_(BUSY|LOCKED)(_|$)/)) {
      return both(
        `작업 공간 데이터베이스를 다른 프로그램이 쓰고 있어서 열지 못했습니다(실행 중인 review-desk 명령, 다른 사용자 계정의 Review Desk, 백업이나 동기화 프로그램 등). 그 프로그램이 끝난 뒤 Review Desk를 다시 시작하세요.${fileLine(databaseFile)}`,
        `Another program is using the workspace database, so it could not be opened (a running review-desk command, Review Desk under another user account, a backup or sync tool). Start Review Desk again once that program has finished.${fileLine(databaseFile)}`,
      );
    }
    const dlopen = chainOf(error).find(
      (link) => codeOf(link) === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION/.test(messageOf(link)),
    );
    if (dlopen !== undefined) {
      const file = context.nativeBinding;
      return both(
        `데이터베이스 모듈(better-sqlite3-multiple-ciphers)을 불러오지 못했습니다. 다른 Electron 버전용으로 만들어진 것으로 보입니다. 저장소에서 실행 중이면 .native 폴더를 지우고 npm start를 다시 실행하고, 설치본이면 Review Desk를 다시 설치하세요.${fileLine(file)}`,
        `The database module (better-sqlite3-multiple-ciphers) could not be loaded; it seems built for another Electron version. In a checkout, delete the .native folder and run npm start again; an installed app needs reinstalling.${fileLine(file)}`,
        messageOf(dlopen),
      );
    }
    if (withCode(error, /^(SQLITE_FULL|ENOSPC)/)) {
      return both(
        `디스크에 남은 공간이 없어 작업 공간을 열지 못했습니다. 공간을 비운 뒤 다시 시작하세요.${fileLine(context.workspaceDir)}`,
        `The disk is full, so the workspace could not be opened. Free some space, then start again.${fileLine(context.workspaceDir)}`,
      );
    }
    if (withCode(error, /^(SQLITE_CANTOPEN|SQLITE_READONLY|EACCES|EPERM|EROFS)/)) {
      return both(
        `작업 공간 폴더나 데이터베이스 파일을 열거나 쓸 수 없습니다. 이 사용자 계정에 그 폴더의 읽기·쓰기 권한이 있는지 확인하세요.${fileLine(databaseFile ?? context.workspaceDir)}`,
        `The workspace folder or its database file cannot be opened or written. Check that this user account may read and write that folder.${fileLine(databaseFile ?? context.workspaceDir)}`,
      );
    }
    if (withCode(error, /^(SQLITE_NOTADB|SQLITE_CORRUPT)/)) {
      return both(
        `작업 공간 데이터베이스가 손상되었거나 Review Desk 데이터베이스가 아닙니다. 파일을 다른 곳으로 옮겨 두고 백업에서 되살리세요.${fileLine(databaseFile)}`,
        `The workspace database is damaged or is not a Review Desk database. Move the file aside and restore the workspace from a backup.${fileLine(databaseFile)}`,
      );
    }
    if (error instanceof MigrationError) {
      return both(
        `작업 공간 데이터베이스를 이 버전에 맞게 고치지 못했습니다(마이그레이션 ${error.version} ${error.migrationName}). 파일은 바뀌지 않았습니다. 이 메시지를 Review Desk 담당자에게 알려 주세요.${fileLine(databaseFile)}`,
        `The workspace database could not be brought up to this version (migration ${error.version}, ${error.migrationName}). The file was left as it was. Please pass this message on to whoever maintains Review Desk.${fileLine(databaseFile)}`,
        messageOf(error),
      );
    }
    return both(
      `시작하는 중에 예기치 않은 오류가 났습니다. 이 메시지를 Review Desk 담당자에게 알려 주세요.`,
      `An unexpected error stopped Review Desk while starting. Please pass this message on to whoever maintains Review Desk.`,
      messageOf(error),
    );
  })();
  return { title: STARTUP_FAILURE_TITLE, message };
}
