import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../src/main/services/errors';
import { writeNewFile } from '../../../src/main/services/new-file';
import { makeTempDir } from '../../support/temp-workspace';

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
