import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath } from 'node:fs/promises';
import { dirname, join, relative, isAbsolute } from 'node:path';
import {
  sameContent,
  type EvidenceLimits,
  type EvidenceSource,
  type ReadResult,
} from './source-types';
import { checkEvidenceName, nfcKey } from './names';
import type { TopItem } from './layout';

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

/** A folder's names grouped by their NFC form; null when it cannot be listed. */
type Listing = Map<string, string[]> | null;

async function listByNfc(dir: string): Promise<Listing> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return null;
  }
  const byNfc = new Map<string, string[]>();
  for (const name of names) {
    const key = nfcKey(name);
    const same = byNfc.get(key);
    if (same) same.push(name);
    else byNfc.set(key, [name]);
  }
  return byNfc;
}

export async function openFolderSource(
  folder: string,
  limits: EvidenceLimits,
): Promise<EvidenceSource & { top: TopItem[] }> {
  const rootReal = await realpath(folder);
  // A linked folder counts as no folder, since reading through it is refused as a link. A
  // folder that may not be listed is still read name by name, from its top.
  const top = await readdir(rootReal, { withFileTypes: true }).then(
    (entries) => entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() })),
    () => [],
  );
  // Each folder is listed once per source (an import, a verification), not once per file.
  const listings = new Map<string, Promise<Listing>>();
  const listingOf = (dir: string): Promise<Listing> => {
    let listing = listings.get(dir);
    if (listing === undefined) {
      listing = listByNfc(dir);
      listings.set(dir, listing);
    }
    return listing;
  };

  /**
   * Every path whose segments match the name's by their NFC form. A folder copied from a Mac
   * keeps its NFD names on other systems while the claim file names the same file in NFC; and
   * where both spellings exist side by side (a Linux disk allows it) the name is ambiguous.
   */
  async function pathsByNfc(segments: string[]): Promise<string[]> {
    let paths = [rootReal];
    for (const segment of segments) {
      const wanted = nfcKey(segment);
      const next: string[] = [];
      for (const dir of paths)
        for (const name of (await listingOf(dir))?.get(wanted) ?? []) next.push(join(dir, name));
      paths = next;
      if (paths.length === 0) break;
    }
    return paths;
  }

  async function readPath(target: string, stats: Stats): Promise<ReadResult> {
    try {
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

  async function read(name: string): Promise<ReadResult> {
    const check = checkEvidenceName(name);
    if (!check.ok) return fail(check.problem);
    try {
      const found = await pathsByNfc(check.segments);
      if (found.length === 0) {
        // Not listed by that name: a folder that may not be listed, or a file system that
        // ignores case (Windows, macOS) and finds the name spelt differently.
        const target = join(rootReal, ...check.segments);
        const stats = await lstatOrNull(target);
        return stats === null ? fail('not_found') : await readPath(target, stats);
      }
      const results: ReadResult[] = [];
      for (const target of found) {
        const stats = await lstatOrNull(target);
        results.push(stats === null ? fail('not_found') : await readPath(target, stats));
      }
      // Several files answer to the name: only the same bytes in each may be stored.
      return sameContent(results);
    } catch (error) {
      return fail((error as NodeJS.ErrnoException).code === 'ELOOP' ? 'link' : 'unreadable');
    }
  }

  return { read, names: () => walk(rootReal), close: async () => {}, top };
}

/** Files and links below `root`, descending into real folders only; unlistable ones skipped. */
async function walk(root: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(root, prefix), { withFileTypes: true }).catch(() => []);
  const names: string[] = [];
  for (const entry of entries) {
    const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) names.push(...(await walk(root, name)));
    else if (entry.isFile() || entry.isSymbolicLink()) names.push(name);
  }
  return names;
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
