import { readFileSync, statSync } from 'node:fs';
import { decideBufferEncoding, decodeBuffer } from './encoding';
import { CHUNK_ROWS, UnreadableBatchError, type BatchReader, type SourceRow } from './types';

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** An array of objects whose values may hold small structures: deeper is not a batch. */
const MAX_NESTING = 32;

/** How deep arrays and objects nest, counted without recursion (a hostile file may nest 5,000 deep). */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_NESTING) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export const JSON_LIMITS = {
  /**
   * A JSON batch is read whole (its text and its objects are in memory at once), so it is kept
   * to a size a laptop holds easily; larger batches come as CSV or XLSX, which stream.
   */
  fileBytes: 256 * 1024 * 1024,
};

/** A JSON batch is an array of objects; each object's keys are its headers. */
export async function openJsonReader(file: string): Promise<BatchReader> {
  const size = statSync(file).size;
  if (size > JSON_LIMITS.fileBytes)
    throw new UnreadableBatchError(
      file,
      `a JSON batch is read whole and may be at most ${JSON_LIMITS.fileBytes / 1024 / 1024} MB; this one is ${Math.ceil(size / 1024 / 1024)} MB (save it as CSV or XLSX, which are read as they stream)`,
      'json_too_large',
    );
  const bytes = readFileSync(file);
  let parsed: unknown;
  try {
    // The encoding is decided on the whole file: a few bad bytes are refused, never re-read.
    parsed = JSON.parse(decodeBuffer(bytes, decideBufferEncoding(bytes)));
  } catch (error) {
    throw new UnreadableBatchError(file, `not valid JSON (${(error as Error).message})`);
  }
  const depth = nestingDepth(parsed);
  if (depth > MAX_NESTING)
    throw new UnreadableBatchError(
      file,
      `a JSON batch is an array of flat objects; this one nests more than ${MAX_NESTING} levels deep`,
    );
  if (!Array.isArray(parsed))
    throw new UnreadableBatchError(file, 'a JSON batch must be an array of objects');
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const item of parsed) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    for (const key of Object.keys(item)) {
      if (seen.has(key)) continue;
      seen.add(key);
      headers.push(key);
    }
  }
  const rows: SourceRow[] = parsed.map((item: unknown, index) => ({
    // Row numbers count array items from 1, as a person reading the file would.
    row: index + 1,
    values:
      item !== null && typeof item === 'object' && !Array.isArray(item)
        ? Object.fromEntries(Object.entries(item).map(([key, value]) => [key, text(value)]))
        : { '(값)': text(item) },
  }));
  return {
    format: 'json',
    encoding: null,
    sheets: [],
    headers,
    chunks: async function* () {
      for (let i = 0; i < rows.length; i += CHUNK_ROWS) yield rows.slice(i, i + CHUNK_ROWS);
    },
    bytesRead: () => statSync(file).size,
    totalBytes: bytes.length,
    close: () => undefined,
  };
}
