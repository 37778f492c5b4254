import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceStore } from '../../../src/main/services/evidence/store';
import { cleanupTempDirs, PDF_BYTES, tempDir } from './helpers';

afterEach(cleanupTempDirs);

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('EvidenceStore', () => {
  it('stores under evidence/<2 hex>/<sha256> and reads the same bytes back', () => {
    const dataDir = tempDir();
    const store = new EvidenceStore(dataDir);
    const put = store.put(PDF_BYTES);
    expect(put.sha256).toBe(sha(PDF_BYTES));
    expect(put.sizeBytes).toBe(PDF_BYTES.length);
    expect(put.path).toBe(join(dataDir, 'evidence', put.sha256.slice(0, 2), put.sha256));
    expect(store.pathFor(put.sha256)).toBe(put.path);
    expect(store.has(put.sha256)).toBe(true);
    expect(store.read(put.sha256).equals(PDF_BYTES)).toBe(true);
  });

  it('stores the same content once and leaves no temp files', () => {
    const dataDir = tempDir();
    const store = new EvidenceStore(dataDir);
    const first = store.put(PDF_BYTES);
    const mtime = statSync(first.path).mtimeMs;
    const second = store.put(Buffer.from(PDF_BYTES));
    expect(second).toEqual(first);
    expect(statSync(first.path).mtimeMs).toBe(mtime);
    const shards = readdirSync(join(dataDir, 'evidence'));
    expect(shards).toEqual([first.sha256.slice(0, 2)]);
    expect(readdirSync(join(dataDir, 'evidence', shards[0]!))).toEqual([first.sha256]);
  });

  it('makes stored files read-only', () => {
    const store = new EvidenceStore(tempDir());
    const { path } = store.put(Buffer.from('hello'));
    expect(statSync(path).mode & 0o777).toBe(0o444);
  });

  it('keeps different content apart, including the empty file', () => {
    const store = new EvidenceStore(tempDir());
    const a = store.put(Buffer.from('a'));
    const empty = store.put(new Uint8Array(0));
    expect(a.sha256).not.toBe(empty.sha256);
    expect(empty.sha256).toBe(sha(new Uint8Array(0)));
    expect(store.read(empty.sha256).length).toBe(0);
    expect(store.read(a.sha256).toString()).toBe('a');
  });

  it('refuses anything but a sha256 digest as a name, so no path can be smuggled in', () => {
    const store = new EvidenceStore(tempDir());
    expect(() => store.pathFor('../../etc/passwd')).toThrow();
    expect(() => store.read('AB'.repeat(32))).toThrow();
    expect(store.has('../x')).toBe(false);
    expect(store.has(sha(Buffer.from('never stored')))).toBe(false);
  });
});
