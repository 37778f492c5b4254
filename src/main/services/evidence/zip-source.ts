import iconv from 'iconv-lite';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { EvidenceLimits, EvidenceSource, ReadResult } from './source-types';
import { checkEvidenceName, nfcKey } from './names';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

interface Indexed {
  entry: Entry;
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

/** Reads the central directory once; entry data is only touched when a claim names it. */
function indexEntries(
  zip: ZipFile,
): Promise<{ exact: Map<string, Indexed>; nfc: Map<string, Indexed> }> {
  const exact = new Map<string, Indexed>();
  const nfc = new Map<string, Indexed>();
  return new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve({ exact, nfc }));
    zip.on('entry', (entry: Entry) => {
      const name = decodeEntryName(entry);
      const check = checkEvidenceName(name);
      // Entries with absolute or ".." names can never be asked for: claim names with them
      // are refused before lookup.
      if (check.ok) {
        const item = { entry, isDirectory: /[\\/]$/.test(name) };
        // The first of duplicate names wins, as with most extractors.
        if (!exact.has(check.key)) exact.set(check.key, item);
        if (!nfc.has(nfcKey(check.key))) nfc.set(nfcKey(check.key), item);
      }
      zip.readEntry();
    });
    zip.readEntry();
  });
}

export async function openZipSource(path: string, limits: EvidenceLimits): Promise<EvidenceSource> {
  const zip = await openZip(path);
  let index: Awaited<ReturnType<typeof indexEntries>>;
  try {
    index = await indexEntries(zip);
  } catch (error) {
    zip.close();
    throw error;
  }
  // Counts what was really inflated, so many small bombs cannot add up past the total cap.
  let extracted = 0;

  async function read(name: string): Promise<ReadResult> {
    const check = checkEvidenceName(name);
    if (!check.ok) return fail(check.problem);
    const item = index.exact.get(check.key) ?? index.nfc.get(nfcKey(check.key));
    if (item === undefined) return fail('not_found');
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

  return {
    read,
    close: async () => zip.close(),
  };
}

/**
 * Counts the inflated bytes itself (yauzl's own size check is off, so this one count
 * decides) and stops past the cap whatever the header claims. An entry inflating beyond
 * its declared size is a bomb with a lying header; one falling short is corrupt.
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
        settle({ ok: true, bytes: Buffer.concat(chunks, total) });
      });
    });
  });
}
