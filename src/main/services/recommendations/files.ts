import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ServiceContext } from '../context';
import { importRecommendations } from './import';
import { refusal, type Refusal } from './refusals';

/*
 * Members' files on disk, for the app: reading the ones the secretary chose, each on its own
 * (an unreadable file is that file's refusal, not the whole import's failure), and writing a
 * member's signed file where they chose (src/main/services/new-file.ts, never over a file).
 */

/** Far above a real file (one recommendation is some 300 bytes); anything bigger is not read. */
export const MAX_RECOMMENDATIONS_FILE_BYTES = 20 * 1024 * 1024;

export type RecommendationFileResult = { file: string } & (
  | {
      status: 'accepted';
      member: string;
      batchId: number;
      batchName: string;
      count: number;
      fileSha256: string;
      alreadyImported: boolean;
    }
  | ({ status: 'refused' } & Refusal)
);

function readOne(file: string): { text: string } | { refused: Refusal } {
  try {
    const size = statSync(file).size;
    if (size > MAX_RECOMMENDATIONS_FILE_BYTES)
      return { refused: refusal('too_large', { size, max: MAX_RECOMMENDATIONS_FILE_BYTES }) };
    return { text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : code;
    return {
      refused: refusal('unreadable', { detail: `${basename(file)} (${detail ?? 'error'})` }),
    };
  }
}

/** Imports the files in order, each verified and stored on its own; one result per file. */
export function importRecommendationFiles(
  ctx: ServiceContext,
  files: readonly string[],
): RecommendationFileResult[] {
  const read = files.map(readOne);
  const readable = read.flatMap((r, index) => ('text' in r ? [{ index, text: r.text }] : []));
  const results: (RecommendationFileResult | undefined)[] = read.map((r, index) =>
    'refused' in r ? { file: files[index]!, status: 'refused', ...r.refused } : undefined,
  );
  const imported = importRecommendations(
    ctx,
    readable.map((r) => r.text),
  );
  for (const { index, ...accepted } of imported.files) {
    const at = readable[index]!.index;
    results[at] = { file: files[at]!, status: 'accepted', ...accepted };
  }
  for (const { index, ...refused } of imported.refused) {
    const at = readable[index]!.index;
    results[at] = { file: files[at]!, status: 'refused', ...refused };
  }
  return results as RecommendationFileResult[];
}

/** A file name that says whose and which batch, portable across file systems. */
export function recommendationsFileName(member: string, batchId: number): string {
  const safe = member.replace(/[\\/:*?"<>|\s.]+/g, '_');
  return `recommendations-batch-${batchId}-${safe}.json`;
}
