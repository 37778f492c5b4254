import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath } from 'node:fs/promises';
import { dirname, join, relative, isAbsolute } from 'node:path';
import type { EvidenceLimits, EvidenceSource, ReadResult } from './source-types';
import { checkEvidenceName, nfcKey } from './names';

const fail = (problem: Exclude<ReadResult, { ok: true }>['problem']): ReadResult => ({
  ok: false,
  problem,
});

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/**
 * A folder copied from a Mac keeps its NFD names on other systems, while the claim file
 * names the same file in NFC: walk the segments matching each by its NFC form.
 */
async function findByNfc(root: string, segments: string[]): Promise<string | null> {
  let current = root;
  for (const segment of segments) {
    const wanted = nfcKey(segment);
    let names: string[];
    try {
      names = await readdir(current);
    } catch {
      return null;
    }
    const match = names.find((n) => n === segment) ?? names.find((n) => nfcKey(n) === wanted);
    if (match === undefined) return null;
    current = join(current, match);
  }
  return current;
}

export async function openFolderSource(
  folder: string,
  limits: EvidenceLimits,
): Promise<EvidenceSource> {
  const rootReal = await realpath(folder);

  async function read(name: string): Promise<ReadResult> {
    const check = checkEvidenceName(name);
    if (!check.ok) return fail(check.problem);
    try {
      let target = join(rootReal, ...check.segments);
      let stats = await lstatOrNull(target);
      if (stats === null) {
        const found = await findByNfc(rootReal, check.segments);
        if (found === null) return fail('not_found');
        target = found;
        stats = await lstat(target);
      }
      if (stats.isSymbolicLink()) return fail('link');
      // A linked directory on the way (symlink or Windows junction) would lead outside.
      if (!isInside(rootReal, await realpath(dirname(target)))) return fail('link');
      if (!stats.isFile()) return fail('unreadable');
      // A hard link may share its bytes with any file on the disk, just like a symlink.
      if (stats.nlink > 1) return fail('link');
      if (stats.size > limits.maxFileBytes) return fail('too_large');
      return await readCapped(target, stats, limits.maxFileBytes);
    } catch (error) {
      return fail((error as NodeJS.ErrnoException).code === 'ELOOP' ? 'link' : 'unreadable');
    }
  }

  return { read, close: async () => {} };
}

/**
 * Opens without following links and checks it is still the file that was lstat'ed, so a
 * swap between the checks and the read is caught; reads no further than the cap even if
 * the file grew meanwhile.
 */
async function readCapped(path: string, expected: Stats, maxBytes: number): Promise<ReadResult> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const actual = await handle.stat();
    if (actual.ino !== expected.ino || actual.dev !== expected.dev || !actual.isFile()) {
      return fail('unreadable');
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return fail('too_large');
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } finally {
    await handle.close();
  }
}
