import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../src/main/services/errors';
import {
  LEFTOVER_TEMP_FILE_AGE_MS,
  refuseIfTaken,
  removeLeftoverTempFiles,
  writeNewFile,
} from '../../../src/main/services/new-file';
import { makeTempDir } from '../../helpers/temp-workspace';

/* The durable write every handed-out file goes through (issue 12, item 6). */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));
function folder(): string {
  const { dir, cleanup } = makeTempDir('review-desk-new-file-');
  cleanups.push(cleanup);
  return dir;
}

function refusal(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
  throw new Error('expected a refusal');
}

const RULE = 'a signed file is never overwritten';

describe('writeNewFile', () => {
  it('writes every byte under the name and leaves nothing else in the folder', () => {
    const dir = folder();
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 0x5a);
    expect(writeNewFile(join(dir, 'big.bin'), big, RULE)).toBe('written');
    expect(writeNewFile(join(dir, '결정문.json'), '{"한글":"값"}\n', RULE)).toBe('written');
    expect(readFileSync(join(dir, 'big.bin')).equals(big)).toBe(true);
    expect(readFileSync(join(dir, '결정문.json'), 'utf8')).toBe('{"한글":"값"}\n');
    expect(readdirSync(dir).sort()).toEqual(['big.bin', '결정문.json'].sort());
  });

  it('refuses a name that exists (EEXIST), keeps that file and leaves no temp file', () => {
    const dir = folder();
    const taken = join(dir, 'taken.json');
    writeFileSync(taken, 'someone else');
    const error = refusal(() => writeNewFile(taken, 'signed text', RULE));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('never overwritten');
    expect(error.issues?.[0]?.code).toBe('file_exists');
    expect(readFileSync(taken, 'utf8')).toBe('someone else');
    expect(readdirSync(dir)).toEqual(['taken.json']);
    // Not even an empty file counts as free: a name once taken stays taken.
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    expect(refusal(() => writeNewFile(empty, 'x', RULE)).issues?.[0]?.code).toBe('file_exists');
    expect(readFileSync(empty, 'utf8')).toBe('');
  });

  it('counts the same bytes already there as written only when asked to, and never writes over', () => {
    const dir = folder();
    const path = join(dir, 'f.json');
    writeFileSync(path, 'same');
    expect(writeNewFile(path, 'same', RULE, { sameBytesIsDone: true })).toBe('existing');
    expect(refusal(() => writeNewFile(path, 'same', RULE)).issues?.[0]?.code).toBe('file_exists');
    expect(
      refusal(() => writeNewFile(path, 'other', RULE, { sameBytesIsDone: true })).issues?.[0]?.code,
    ).toBe('file_exists');
    expect(readFileSync(path, 'utf8')).toBe('same');
    expect(readdirSync(dir)).toEqual(['f.json']);
  });

  it('a write that fails leaves neither a temp file nor anything under the name', () => {
    const dir = folder();
    // A folder that does not exist: the temp file cannot be made.
    const missing = join(dir, 'no-such-folder', 'x.json');
    const error = refusal(() => writeNewFile(missing, 'x', RULE));
    expect(error.issues?.[0]?.code).toBe('write_failed');
    expect(existsSync(missing)).toBe(false);
    // A name taken by a folder: the temp file is written, then the link is refused; the temp
    // file must be gone afterwards.
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    mkdirSync(join(sub, 'dir.json'));
    expect(refusal(() => writeNewFile(join(sub, 'dir.json'), 'x', RULE)).code).toBe('conflict');
    expect(readdirSync(sub)).toEqual(['dir.json']);
  });
});

describe.runIf(process.platform !== 'win32')('writeNewFile permissions', () => {
  it('gives the file the mode asked for (a private key file: 0600)', () => {
    const dir = folder();
    writeNewFile(join(dir, 'key.json'), '{}', 'a key file is never overwritten', { mode: 0o600 });
    expect(statSync(join(dir, 'key.json')).mode & 0o777).toBe(0o600);
  });
});

/** A file as a killed write would have left it, last changed `ageMs` ago. */
function leftover(dir: string, name: string, ageMs = 2 * LEFTOVER_TEMP_FILE_AGE_MS): string {
  const path = join(dir, name);
  writeFileSync(path, 'half a file');
  const at = (Date.now() - ageMs) / 1000;
  utimesSync(path, at, at);
  return path;
}

describe('leftover temp files of killed writes', () => {
  it('writing a name removes the temp files earlier attempts at that same name left', () => {
    const dir = folder();
    leftover(dir, '.f.json.0123456789ab.partial');
    // Fresh too: once the name holds its file, no attempt at that name can still succeed.
    leftover(dir, '.f.json.ba9876543210.partial', 0);
    const others = [
      '.g.json.0123456789ab.partial', // another name's attempt
      '.f.json.bak.0123456789ab.partial', // an attempt at f.json.bak
      '.f.json.0123456789AB.partial', // not what writeNewFile names a temp file
      'f.json.0123456789ab.partial',
    ];
    for (const name of others) leftover(dir, name);
    expect(writeNewFile(join(dir, 'f.json'), 'whole', RULE)).toBe('written');
    expect(readdirSync(dir).sort()).toEqual([...others, 'f.json'].sort());
  });

  it('a retry that finds its file already in place removes the same leftovers', () => {
    const dir = folder();
    writeFileSync(join(dir, 'f.json'), 'same');
    leftover(dir, '.f.json.0123456789ab.partial', 0);
    expect(writeNewFile(join(dir, 'f.json'), 'same', RULE, { sameBytesIsDone: true })).toBe(
      'existing',
    );
    expect(readdirSync(dir)).toEqual(['f.json']);
  });

  it('a refused write leaves the temp files of others alone', () => {
    const dir = folder();
    writeFileSync(join(dir, 'f.json'), 'someone else');
    leftover(dir, '.f.json.0123456789ab.partial', 0);
    refusal(() => writeNewFile(join(dir, 'f.json'), 'mine', RULE));
    expect(readdirSync(dir).sort()).toEqual(['.f.json.0123456789ab.partial', 'f.json']);
  });

  it('removeLeftoverTempFiles removes only old `.<name>.<12 hex>.partial` files', () => {
    const dir = folder();
    const old = ['.결정문.json.0123456789ab.partial', '.a.b.c.ffffffffffff.partial'];
    for (const name of old) leftover(dir, name);
    const kept = [
      '.young.json.0123456789ab.partial', // another process may be writing it right now
      '.x.json.0123456789a.partial', // 11 hex digits
      '.x.json.0123456789abc.partial', // 13
      '.x.json.0123456789AB.partial', // upper case
      'x.json.0123456789ab.partial', // no leading dot
      '..0123456789ab.partial', // no name
      '.x.json.0123456789ab.partial.bak',
      '.x.json.0123456789ab.part',
      'x.json',
    ];
    for (const name of kept)
      leftover(dir, name, name.startsWith('.young') ? LEFTOVER_TEMP_FILE_AGE_MS / 2 : undefined);
    // A folder named like a leftover is not one.
    mkdirSync(join(dir, '.folder.0123456789ab.partial'));
    expect(removeLeftoverTempFiles(dir).sort()).toEqual(old.sort());
    expect(readdirSync(dir).sort()).toEqual([...kept, '.folder.0123456789ab.partial'].sort());
    // A folder that is not there has nothing to remove, and says so without throwing.
    expect(removeLeftoverTempFiles(join(dir, 'no-such-folder'))).toEqual([]);
  });
});

describe('refuseIfTaken', () => {
  it('refuses a taken name as writeNewFile would, before any work', () => {
    const dir = folder();
    const taken = join(dir, 'taken.json');
    writeFileSync(taken, 'x');
    const error = refusal(() => refuseIfTaken(taken, RULE));
    expect(error.code).toBe('conflict');
    expect(error.issues?.[0]?.code).toBe('file_exists');
    expect(error.message).toBe(`${taken} already exists; ${RULE}: choose another name`);
    expect(() => refuseIfTaken(join(dir, 'free.json'), RULE)).not.toThrow();
  });

  it.runIf(process.platform !== 'win32')(
    'counts a dangling symlink as taken, as link(2) does',
    () => {
      const dir = folder();
      const link = join(dir, 'link.json');
      symlinkSync(join(dir, 'nowhere'), link);
      expect(refusal(() => refuseIfTaken(link, RULE)).issues?.[0]?.code).toBe('file_exists');
      expect(refusal(() => writeNewFile(link, 'x', RULE)).issues?.[0]?.code).toBe('file_exists');
    },
  );
});
