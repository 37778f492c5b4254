import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EvidenceStore,
  StoredEvidenceAlteredError,
} from '../../../src/main/services/evidence/store';
import { newWorkspaceKey } from '../../../src/main/services/workspace-key';
import { cleanupTempDirs, PDF_BYTES, tempDir } from './helpers';
import { TEST_KEY } from '../../helpers/workspace-key';

afterEach(cleanupTempDirs);

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('EvidenceStore', () => {
  it('stores encrypted under evidence/<2 hex>/<keyed name> and reads the same bytes back', () => {
    const dataDir = tempDir();
    const store = new EvidenceStore(dataDir, TEST_KEY);
    const put = store.put(PDF_BYTES);
    expect(put.sha256).toBe(sha(PDF_BYTES));
    expect(put.sizeBytes).toBe(PDF_BYTES.length);
    // The name is one per content but not the content's hash: the folder does not tell
    // which known file it holds.
    const name = basename(put.path);
    expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect(name).not.toBe(put.sha256);
    expect(put.path).toBe(join(dataDir, 'evidence', name.slice(0, 2), name));
    const onDisk = readFileSync(put.path);
    expect(onDisk.includes(Buffer.from(PDF_BYTES).subarray(0, 16))).toBe(false);
    expect(store.pathFor(put.sha256)).toBe(put.path);
    expect(store.has(put.sha256)).toBe(true);
    expect(store.read(put.sha256).equals(PDF_BYTES)).toBe(true);
  });

  it('stores the same content once and leaves no temp files', () => {
    const dataDir = tempDir();
    const store = new EvidenceStore(dataDir, TEST_KEY);
    const first = store.put(PDF_BYTES);
    const mtime = statSync(first.path).mtimeMs;
    const second = store.put(Buffer.from(PDF_BYTES));
    expect(second).toEqual(first);
    expect(statSync(first.path).mtimeMs).toBe(mtime);
    const shards = readdirSync(join(dataDir, 'evidence'));
    expect(shards).toEqual([basename(first.path).slice(0, 2)]);
    expect(readdirSync(join(dataDir, 'evidence', shards[0]!))).toEqual([basename(first.path)]);
  });

  it('opens only with the workspace key it was stored under, and only under its own name', () => {
    const dataDir = tempDir();
    const store = new EvidenceStore(dataDir, TEST_KEY);
    const a = store.put(Buffer.from('영수증 A'));
    const b = store.put(Buffer.from('영수증 B'));
    const otherKey = new EvidenceStore(dataDir, newWorkspaceKey());
    expect(otherKey.has(a.sha256)).toBe(false);
    // A file moved under another content's name does not decrypt there.
    chmodSync(b.path, 0o644);
    copyFileSync(a.path, b.path);
    expect(() => store.read(b.sha256)).toThrow(StoredEvidenceAlteredError);
    expect(store.read(a.sha256).toString()).toBe('영수증 A');
  });

  it('makes stored files read-only', () => {
    const store = new EvidenceStore(tempDir(), TEST_KEY);
    const { path } = store.put(Buffer.from('hello'));
    expect(statSync(path).mode & 0o777).toBe(0o444);
  });

  it('keeps different content apart, including the empty file', () => {
    const store = new EvidenceStore(tempDir(), TEST_KEY);
    const a = store.put(Buffer.from('a'));
    const empty = store.put(new Uint8Array(0));
    expect(a.sha256).not.toBe(empty.sha256);
    expect(empty.sha256).toBe(sha(new Uint8Array(0)));
    expect(store.read(empty.sha256).length).toBe(0);
    expect(store.read(a.sha256).toString()).toBe('a');
  });

  it('refuses anything but a sha256 digest as a name, so no path can be smuggled in', () => {
    const store = new EvidenceStore(tempDir(), TEST_KEY);
    expect(() => store.pathFor('../../etc/passwd')).toThrow();
    expect(() => store.read('AB'.repeat(32))).toThrow();
    expect(store.has('../x')).toBe(false);
    expect(store.has(sha(Buffer.from('never stored')))).toBe(false);
  });
});
