import iconv from 'iconv-lite';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import {
  sameContent,
  type EvidenceLimits,
  type EvidenceSource,
  type ReadResult,
} from './source-types';
import { checkEvidenceName, nfcKey } from './names';
import type { TopItem } from './layout';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

interface Indexed {
  entry: Entry;
  /** As checkEvidenceName spells it: "/" between segments, the entry's own normalisation. */
  name: string;
  isDirectory: boolean;
}

const fail = (problem: Exclude<ReadResult, { ok: true }>['problem']): ReadResult => ({
  ok: false,
  problem,
});

/**
 * yauzl's own decoding would fail the whole zip on one odd name and reads names without
 * the UTF-8 flag as CP437, while Korean Windows tools write CP949 there. Order: Info-ZIP
 * Unicode Path field, the UTF-8 flag, bytes that happen to be valid UTF-8, then CP949.
 */
export function decodeEntryName(entry: Entry): string {
  const raw = entry.fileNameRaw;
  for (const field of entry.extraFields) {
    if (field.id === 0x7075 && field.data.length >= 6 && field.data[0] === 1) {
      if (field.data.readUInt32LE(1) === crc32(raw)) return field.data.subarray(5).toString('utf8');
    }
  }
  if ((entry.generalPurposeBitFlag & 0x800) !== 0) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return iconv.decode(raw, 'cp949');
  }
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    );
  });
}

/**
 * Reads the central directory once; entry data is only touched when a claim names it. Every
 * entry is kept under its name's NFC form: a zip may hold one name twice, or two names that
 * differ only in Unicode normalisation (NFC and NFD look the same), and a claim naming such a
 * file must not silently get whichever came first.
 */
function indexEntries(zip: ZipFile): Promise<Map<string, Indexed[]>> {
  const byNfc = new Map<string, Indexed[]>();
  return new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(byNfc));
    zip.on('entry', (entry: Entry) => {
      const name = decodeEntryName(entry);
      const check = checkEvidenceName(name);
      // Entries with absolute or ".." names can never be asked for: claim names with them
      // are refused before lookup.
      if (check.ok) {
        const item = { entry, name: check.key, isDirectory: /[\\/]$/.test(name) };
        const key = nfcKey(check.key);
        const same = byNfc.get(key);
        if (same) same.push(item);
        else byNfc.set(key, [item]);
      }
      zip.readEntry();
    });
    zip.readEntry();
  });
}

/** The zip's top names; a name counts as a folder only when every entry there is inside it. */
function topItemsOf(index: Map<string, Indexed[]>): TopItem[] {
  const isFolder = new Map<string, boolean>();
  for (const [key, items] of index) {
    const [name, ...inside] = key.split('/');
    const folder = inside.length > 0 || items.every((item) => item.isDirectory);
    isFolder.set(name!, (isFolder.get(name!) ?? true) && folder);
  }
  return [...isFolder].map(([name, isDirectory]) => ({ name, isDirectory }));
}

export async function openZipSource(
  path: string,
  limits: EvidenceLimits,
): Promise<EvidenceSource & { top: TopItem[] }> {
  const zip = await openZip(path);
  let index: Map<string, Indexed[]>;
  try {
    index = await indexEntries(zip);
  } catch (error) {
    zip.close();
    throw error;
  }
  // Counts what was really inflated, so many small bombs cannot add up past the total cap.
  let extracted = 0;

  async function readItem(item: Indexed): Promise<ReadResult> {
    const { entry } = item;
    if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) return fail('link');
    if (item.isDirectory) return fail('unreadable');
    const remaining = limits.maxZipTotalBytes - extracted;
    const cap = Math.min(limits.maxZipEntryBytes, remaining);
    if (entry.uncompressedSize > cap) return fail('zip_too_large');
    if (entry.isEncrypted() || !entry.canDecodeFileData()) return fail('unreadable');
    const result = await inflate(zip, entry, cap);
    if (result.ok) extracted += result.bytes.length;
    return result;
  }

  async function read(name: string): Promise<ReadResult> {
    const check = checkEvidenceName(name);
    if (!check.ok) return fail(check.problem);
    const items = index.get(nfcKey(check.key));
    if (items === undefined) return fail('not_found');
    if (items.length === 1) return readItem(items[0]!);
    // One name, several entries: only the same bytes under each keep the name meaning one
    // file. The headers tell most apart without inflating anything; entries the headers call
    // equal are inflated (each checked against its CRC) and compared byte for byte, since a
    // CRC-32 is easily matched on purpose.
    const first = items[0]!.entry;
    const differ = items.some(
      ({ entry }) =>
        entry.uncompressedSize !== first.uncompressedSize || entry.crc32 !== first.crc32,
    );
    if (differ) return fail('ambiguous_name');
    const results: ReadResult[] = [];
    for (const item of items) results.push(await readItem(item));
    // Past the caps is past the caps, whichever entry it was.
    return results.find((r) => !r.ok && r.problem === 'zip_too_large') ?? sameContent(results);
  }

  // One name per file: entries the index keeps together answer to one name in read().
  const names = async () =>
    [...index.values()].flatMap((items) => {
      const file = items.find((item) => !item.isDirectory);
      return file ? [file.name] : [];
    });

  return {
    read,
    names,
    close: async () => zip.close(),
    top: topItemsOf(index),
  };
}

/**
 * Counts the inflated bytes itself (yauzl's own size check is off, so this one count
 * decides) and stops past the cap whatever the header claims. An entry inflating beyond
 * its declared size is a bomb with a lying header; one falling short is corrupt, and so is one
 * whose bytes do not match the CRC-32 the central directory gives (yauzl checks no CRC).
 */
function inflate(zip: ZipFile, entry: Entry, cap: number): Promise<ReadResult> {
  return new Promise((resolve) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return resolve(fail('unreadable'));
      const chunks: Buffer[] = [];
      let total = 0;
      let settled = false;
      const settle = (result: ReadResult) => {
        if (settled) return;
        settled = true;
        resolve(result);
      };
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > cap || total > entry.uncompressedSize) {
          settle(fail('zip_too_large'));
          stream.destroy();
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', () => settle(fail('unreadable')));
      stream.on('end', () => {
        if (total !== entry.uncompressedSize) return settle(fail('unreadable'));
        const bytes = Buffer.concat(chunks, total);
        if (crc32(bytes) !== entry.crc32) return settle(fail('unreadable'));
        settle({ ok: true, bytes });
      });
    });
  });
}
