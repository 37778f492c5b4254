import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { ServiceError } from '../../../src/main/services/errors';
import { DATABASE_FILE_NAME } from '../../../src/main/services/open-workspace';
import {
  createWorkspace,
  lockWorkspace,
  unlockWorkspace,
} from '../../../src/main/services/unlock-workspace';
import {
  changeWorkspacePassphrase,
  keyFilePathFor,
  newRecoveryCode,
  newWorkspaceKey,
  normalizeRecoveryCode,
  readKeyFile,
  unlockWorkspaceKey,
  type Unlock,
  type WorkspaceKeyFile,
} from '../../../src/main/services/workspace-key';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import type { ServiceContext } from '../../../src/main/services/context';
import { InMemoryKeyProtector } from '../../helpers/in-memory-key-protector';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_PASSPHRASE, TEST_SCRYPT } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
const open: ServiceContext[] = [];
afterEach(() => {
  for (const ctx of open.splice(0)) if (ctx.db.open) ctx.db.close();
  cleanups.splice(0).forEach((fn) => fn());
});

function tempDir(): string {
  const { dir, cleanup } = makeTempDir('review-desk-key-');
  cleanups.push(cleanup);
  return dir;
}

const CROCKFORD = '[0-9A-HJKMNP-TV-Z]';
const RECOVERY_CODE = new RegExp(`^${CROCKFORD}{4}(?:-${CROCKFORD}{4}){5}$`);

function keep<T extends ServiceContext>(ctx: T): T {
  open.push(ctx);
  return ctx;
}

/**
 * A new workspace with the sample claims in it, locked again: what a person opens. Returns
 * where it is, its recovery code and how many claims it holds.
 */
function madeWorkspace(options: { protector?: InMemoryKeyProtector; dir?: string } = {}) {
  const dir = options.dir ?? tempDir();
  const made = createWorkspace(dir, {
    passphrase: TEST_PASSPHRASE,
    scrypt: TEST_SCRYPT,
    ...(options.protector ? { protector: options.protector } : {}),
  });
  loadSampleClaims(made.ctx);
  const claims = claimCount(made.ctx);
  expect(claims).toBeGreaterThan(0);
  lockWorkspace(made.ctx);
  const database = join(dir, DATABASE_FILE_NAME);
  return {
    dir,
    database,
    keyFile: keyFilePathFor(database),
    recoveryCode: made.recoveryCode,
    claims,
  };
}

function claimCount(ctx: ServiceContext): number {
  return ctx.db.prepare('SELECT count(*) FROM claims').pluck().get() as number;
}

/** Opens, checks the claims are there (the database really decrypted), and locks again. */
function opensWith(
  ws: { dir: string; claims: number },
  unlock: Unlock,
  options: { protector?: InMemoryKeyProtector } = {},
) {
  const ctx = keep(unlockWorkspace(ws.dir, unlock, { scrypt: TEST_SCRYPT, ...options }));
  expect(claimCount(ctx)).toBe(ws.claims);
  const by = ctx.unlockedBy;
  lockWorkspace(ctx);
  return by;
}

function refusal(act: () => unknown): { error: ServiceError; codes: string[] } {
  let caught: unknown = null;
  try {
    act();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a refusal').toBeInstanceOf(ServiceError);
  const error = caught as ServiceError;
  return { error, codes: error.issues.map((issue) => issue.code) };
}

/** Each file in `dir` by name, with the SHA-256 of its bytes (hashes compare fast; buffers do not). */
function filesIn(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((name) => [
      name,
      createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex'),
    ]),
  );
}

/** Replaces 0 by O and 1 by `one` wherever they are, as a person copying from paper might. */
function misread(code: string, one: string): string {
  return code.replace(/0/g, 'O').replace(/1/g, one);
}

describe('creating and unlocking a workspace', () => {
  it('opens with the passphrase, the recovery code and the keychain that sealed it', () => {
    const protector = new InMemoryKeyProtector();
    const ws = madeWorkspace({ protector });
    expect(opensWith(ws, { passphrase: TEST_PASSPHRASE })).toBe('passphrase');
    expect(opensWith(ws, { recoveryCode: ws.recoveryCode })).toBe('recovery-code');
    expect(opensWith(ws, { keychain: protector })).toBe('os-keychain');
  });

  it('takes the recovery code however it is typed: lowercase, spaces for dashes, no dashes', () => {
    const ws = madeWorkspace();
    const spaced = ws.recoveryCode.toLowerCase().replace(/-/g, ' ');
    expect(spaced).not.toBe(ws.recoveryCode);
    expect(opensWith(ws, { recoveryCode: spaced })).toBe('recovery-code');
    expect(opensWith(ws, { recoveryCode: `  ${ws.recoveryCode.replace(/-/g, '')}\n` })).toBe(
      'recovery-code',
    );
    expect(
      opensWith(ws, { recoveryCode: ws.recoveryCode.toLowerCase().replace(/-/g, ' - ') }),
    ).toBe('recovery-code');
  });

  it('reads O as 0 and I or L as 1 in a recovery code', () => {
    // A code with both a 0 and a 1 in it, so the misreading is really there to be forgiven.
    let ws = madeWorkspace();
    for (let tries = 0; !/0/.test(ws.recoveryCode) || !/1/.test(ws.recoveryCode); tries += 1) {
      expect(tries).toBeLessThan(80);
      ws = madeWorkspace();
    }
    for (const one of ['I', 'L', 'i', 'l']) {
      const typed = misread(ws.recoveryCode, one);
      expect(typed).not.toBe(ws.recoveryCode);
      expect(opensWith(ws, { recoveryCode: typed })).toBe('recovery-code');
    }
    expect(normalizeRecoveryCode('oooo-iiii-llll-0000-1111-abcd')).toBe(
      '0000-1111-1111-0000-1111-ABCD',
    );
  });

  it('makes recovery codes of six groups of four Crockford base32 characters, each new', () => {
    const codes = Array.from({ length: 500 }, () => newRecoveryCode());
    for (const code of codes) {
      expect(code).toMatch(RECOVERY_CODE);
      expect(code).not.toMatch(/[ILOU]/);
      expect(normalizeRecoveryCode(code)).toBe(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
    // Every one of the 32 characters turns up: the code uses the whole alphabet.
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(32);
    expect(madeWorkspace().recoveryCode).toMatch(RECOVERY_CODE);
  });
});

describe('a refusal to unlock says what to do and loses nothing', () => {
  const cases: {
    name: string;
    unlock: (ws: ReturnType<typeof madeWorkspace>) => Unlock;
    status: ServiceError['code'];
    code: string;
    says: RegExp;
  }[] = [
    {
      name: 'a wrong passphrase',
      unlock: () => ({ passphrase: `${TEST_PASSPHRASE}!` }),
      status: 'forbidden',
      code: 'wrong_passphrase',
      says: /passphrase does not open .*recovery code/,
    },
    {
      name: 'a wrong recovery code',
      unlock: (ws) => ({ recoveryCode: otherCode(ws.recoveryCode) }),
      status: 'forbidden',
      code: 'wrong_recovery_code',
      says: /recovery code does not open .*check it against the printed code/,
    },
    {
      name: 'a recovery code one character short',
      unlock: (ws) => ({ recoveryCode: ws.recoveryCode.slice(0, -1) }),
      status: 'validation_failed',
      code: 'malformed_recovery_code',
      says: /24 letters and digits in six groups of four/,
    },
    {
      name: 'a recovery code with a U in it (not in its alphabet)',
      unlock: (ws) => ({ recoveryCode: `U${ws.recoveryCode.slice(1)}` }),
      status: 'validation_failed',
      code: 'malformed_recovery_code',
      says: /six groups of four/,
    },
    {
      name: 'no keychain on this machine',
      unlock: () => ({ keychain: undefined }),
      status: 'forbidden',
      code: 'keychain_unavailable',
      says: /no OS keychain .*open it with the passphrase or the recovery code/,
    },
    {
      name: "another machine's keychain",
      unlock: () => ({ keychain: new InMemoryKeyProtector() }),
      status: 'forbidden',
      code: 'keychain_unavailable',
      says: /another computer .*open it with the passphrase or the recovery code/,
    },
  ];

  for (const c of cases)
    it(`${c.name}: ${c.code}`, () => {
      const protector = new InMemoryKeyProtector();
      const ws = madeWorkspace({ protector });
      const before = filesIn(ws.dir);
      // Given a keychain to seal into, a successful unlock would add a seal: a refused one must not.
      const { error, codes } = refusal(() =>
        unlockWorkspace(ws.dir, c.unlock(ws), { scrypt: TEST_SCRYPT, protector }),
      );
      expect(error.code).toBe(c.status);
      expect(codes).toEqual([c.code]);
      expect(error.message).toMatch(c.says);
      expect(error.issues[0]!.message).toMatch(c.says);
      expect(filesIn(ws.dir)).toEqual(before);
      expect(opensWith(ws, { passphrase: TEST_PASSPHRASE })).toBe('passphrase');
      expect(opensWith(ws, { keychain: protector })).toBe('os-keychain');
    });

  it('a workspace made without a keychain does not open by one', () => {
    const ws = madeWorkspace();
    const before = filesIn(ws.dir);
    const { codes } = refusal(() =>
      unlockWorkspace(ws.dir, { keychain: new InMemoryKeyProtector() }),
    );
    expect(codes).toEqual(['keychain_unavailable']);
    expect(filesIn(ws.dir)).toEqual(before);
  });

  it('a missing key file is said plainly: key_file_missing, and how to get it back', () => {
    const ws = madeWorkspace();
    const keyBytes = readFileSync(ws.keyFile);
    const databaseBytes = readFileSync(ws.database);
    rmSync(ws.keyFile);
    const { error, codes } = refusal(() =>
      unlockWorkspace(ws.dir, { passphrase: TEST_PASSPHRASE }),
    );
    expect(error.code).toBe('not_found');
    expect(codes).toEqual(['key_file_missing']);
    expect(error.message).toMatch(/put it back .* or restore the workspace from a backup/);
    expect(readFileSync(ws.database).equals(databaseBytes)).toBe(true);
    writeFileSync(ws.keyFile, keyBytes);
    expect(opensWith(ws, { passphrase: TEST_PASSPHRASE })).toBe('passphrase');
  });
});

/** A well-formed recovery code that is not `code`. */
function otherCode(code: string): string {
  let other = newRecoveryCode();
  while (other === code) other = newRecoveryCode();
  return other;
}

describe('creating a workspace', () => {
  it('refuses a passphrase under 8 characters (counted as characters) and writes nothing', () => {
    for (const short of ['', 'short', '1234567', '비밀번호일곱자', '🔑🔑🔑🔑🔑🔑🔑']) {
      const dir = tempDir();
      const { error, codes } = refusal(() =>
        createWorkspace(dir, { passphrase: short, scrypt: TEST_SCRYPT }),
      );
      expect(error.code).toBe('validation_failed');
      expect(codes).toEqual(['passphrase_too_short']);
      expect(error.message).toMatch(/at least 8 characters/);
      expect(readdirSync(dir)).toEqual([]);
    }
    // Eight Hangul syllables are 24 bytes but 8 characters: enough, as 8 ASCII ones are.
    for (const enough of ['12345678', '비밀번호여덟글자']) {
      const dir = tempDir();
      const made = keep(createWorkspace(dir, { passphrase: enough, scrypt: TEST_SCRYPT }).ctx);
      lockWorkspace(made);
      expect(opensWith({ dir, claims: 0 }, { passphrase: enough })).toBe('passphrase');
    }
  });

  it('refuses to make a workspace where one is, encrypted or plain, and leaves it as it was', () => {
    const ws = madeWorkspace();
    const before = filesIn(ws.dir);
    const { error } = refusal(() =>
      createWorkspace(ws.dir, { passphrase: 'another passphrase', scrypt: TEST_SCRYPT }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/already a workspace/);
    expect(filesIn(ws.dir)).toEqual(before);
    expect(opensWith(ws, { passphrase: TEST_PASSPHRASE })).toBe('passphrase');

    // A key file alone (its database not yet written) counts as a workspace too.
    const keyOnly = tempDir();
    writeFileSync(keyFilePathFor(join(keyOnly, DATABASE_FILE_NAME)), readFileSync(ws.keyFile));
    expect(
      refusal(() => createWorkspace(keyOnly, { passphrase: TEST_PASSPHRASE, scrypt: TEST_SCRYPT }))
        .error.code,
    ).toBe('conflict');

    const plainDir = tempDir();
    const plainFile = join(plainDir, DATABASE_FILE_NAME);
    const plain = new Database(plainFile);
    plain.exec("CREATE TABLE claims (claim_id TEXT); INSERT INTO claims VALUES ('K-1')");
    plain.close();
    const plainBytes = readFileSync(plainFile);
    expect(
      refusal(() => createWorkspace(plainDir, { passphrase: TEST_PASSPHRASE, scrypt: TEST_SCRYPT }))
        .error.code,
    ).toBe('conflict');
    const { error: opened, codes } = refusal(() =>
      unlockWorkspace(plainDir, { passphrase: TEST_PASSPHRASE }),
    );
    expect(opened.code).toBe('conflict');
    expect(codes).toEqual(['plain_workspace']);
    expect(readdirSync(plainDir)).toEqual([DATABASE_FILE_NAME]);
    expect(readFileSync(plainFile).equals(plainBytes)).toBe(true);
  });
});

describe('the key file binds each seal to its workspace', () => {
  function rewrite(file: string, change: (contents: WorkspaceKeyFile) => WorkspaceKeyFile) {
    writeFileSync(file, `${JSON.stringify(change(readKeyFile(file)), null, 2)}\n`);
  }

  it("a seal pasted from another workspace's key file does not open this one", () => {
    // Same passphrase for both: only the workspace id in the seal's bound data tells them apart.
    const a = madeWorkspace();
    const b = madeWorkspace();
    const fileA = readKeyFile(a.keyFile);
    expect(fileA.workspaceId).not.toBe(readKeyFile(b.keyFile).workspaceId);
    rewrite(b.keyFile, (fileB) => ({ ...fileB, wraps: fileA.wraps }));
    const passphrase = refusal(() => unlockWorkspace(b.dir, { passphrase: TEST_PASSPHRASE }));
    expect(passphrase.codes).toEqual(['wrong_passphrase']);
    const code = refusal(() => unlockWorkspace(b.dir, { recoveryCode: a.recoveryCode }));
    expect(code.codes).toEqual(['wrong_recovery_code']);

    // And the other way: a's whole key file claiming b's id opens nothing either.
    rewrite(a.keyFile, (file) => ({ ...file, workspaceId: readKeyFile(b.keyFile).workspaceId }));
    expect(refusal(() => unlockWorkspace(a.dir, { passphrase: TEST_PASSPHRASE })).codes).toEqual([
      'wrong_passphrase',
    ]);
    expect(refusal(() => unlockWorkspace(a.dir, { recoveryCode: a.recoveryCode })).codes).toEqual([
      'wrong_recovery_code',
    ]);
    // Put back as it was, a opens again: the refusal came from the pasted id alone.
    rewrite(a.keyFile, () => fileA);
    expect(opensWith(a, { passphrase: TEST_PASSPHRASE })).toBe('passphrase');
  });

  it('a keychain seal pasted from another workspace does not open this one', () => {
    const protector = new InMemoryKeyProtector();
    const a = madeWorkspace({ protector });
    const b = madeWorkspace({ protector });
    const sealA = readKeyFile(a.keyFile).wraps.find((w) => w.by === 'os-keychain')!;
    rewrite(b.keyFile, (fileB) => ({
      ...fileB,
      wraps: [...fileB.wraps.filter((w) => w.by !== 'os-keychain'), sealA],
    }));
    expect(refusal(() => unlockWorkspace(b.dir, { keychain: protector })).codes).toEqual([
      'keychain_unavailable',
    ]);
    expect(opensWith(b, { passphrase: TEST_PASSPHRASE })).toBe('passphrase');
  });
});

describe('changing the passphrase', () => {
  it('after opening with the recovery code: the new one works, the old fails, the code stays', () => {
    const protector = new InMemoryKeyProtector();
    const ws = madeWorkspace({ protector });
    const unlocked = unlockWorkspaceKey(ws.database, { recoveryCode: ws.recoveryCode });
    expect(unlocked.means).toBe('recovery-code');
    const before = readFileSync(ws.keyFile);
    expect(
      refusal(() => changeWorkspacePassphrase(ws.database, unlocked, 'short', TEST_SCRYPT)).codes,
    ).toEqual(['passphrase_too_short']);
    expect(readFileSync(ws.keyFile).equals(before)).toBe(true);

    const fresh = 'a new passphrase, 새 암호';
    changeWorkspacePassphrase(ws.database, unlocked, fresh, TEST_SCRYPT);
    expect(readdirSync(ws.dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect(opensWith(ws, { passphrase: fresh })).toBe('passphrase');
    expect(refusal(() => unlockWorkspace(ws.dir, { passphrase: TEST_PASSPHRASE })).codes).toEqual([
      'wrong_passphrase',
    ]);
    expect(opensWith(ws, { recoveryCode: ws.recoveryCode })).toBe('recovery-code');
    expect(opensWith(ws, { keychain: protector })).toBe('os-keychain');
    const wraps = readKeyFile(ws.keyFile)
      .wraps.map((w) => w.by)
      .sort();
    expect(wraps).toEqual(['os-keychain', 'passphrase', 'recovery-code']);
  });
});

describe('the database and the key', () => {
  it('the database opened with another key is refused: database_key_mismatch', () => {
    const ws = madeWorkspace();
    const before = readFileSync(ws.database);
    const { error, codes } = refusal(() => openDatabase(ws.database, { key: newWorkspaceKey() }));
    expect(error.code).toBe('forbidden');
    expect(codes).toEqual(['database_key_mismatch']);
    expect(readFileSync(ws.database).equals(before)).toBe(true);
    // Without any key it is not a database at all to SQLite.
    const bare = new Database(ws.database, { readonly: true });
    expect(() => bare.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(
      /not a database/,
    );
    bare.close();
    expect(opensWith(ws, { passphrase: TEST_PASSPHRASE })).toBe('passphrase');
  });

  it('locking closes the database and overwrites the key bytes', () => {
    const ws = madeWorkspace();
    const ctx = keep(unlockWorkspace(ws.dir, { passphrase: TEST_PASSPHRASE }));
    const key = ctx.workspaceKey;
    expect(key.length).toBe(32);
    expect(key.some((byte) => byte !== 0)).toBe(true);
    const copy = Buffer.from(key);
    lockWorkspace(ctx);
    expect(ctx.db.open).toBe(false);
    expect(key.every((byte) => byte === 0)).toBe(true);
    expect(ctx.workspaceKey.every((byte) => byte === 0)).toBe(true);
    // The key it held was the real one: a copy taken before still opens the database.
    const db = openDatabase(ws.database, { key: copy, migrate: false });
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(ws.claims);
    db.close();
    expect(existsSync(ws.keyFile)).toBe(true);
  });
});
