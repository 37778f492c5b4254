import type { EvidenceProblem } from '../../../shared/domain/evidence';

export interface EvidenceLimits {
  maxFileBytes: number;
  maxZipEntryBytes: number;
  maxZipTotalBytes: number;
}

export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxZipEntryBytes: 50 * 1024 * 1024,
  maxZipTotalBytes: 2 * 1024 * 1024 * 1024,
};

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; problem: EvidenceProblem };

/** Where a batch's evidence files come from: a folder, a zip, or nothing at all. */
export interface EvidenceSource {
  read(name: string): Promise<ReadResult>;
  /**
   * The names of the files it holds, with "/" between folders, as read() takes them: for
   * evidence that arrives without a list (the claim's folder, or everything). Links are listed
   * but not followed; read() refuses them, so they are reported rather than silently skipped.
   */
  names(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * What a name that several files answer to reads as (a zip holding it twice, or two names
 * differing only in Unicode normalisation): the bytes when every one read the same, the
 * problem when every one failed alike, else ambiguous_name, never whichever came first.
 */
export function sameContent(results: ReadResult[]): ReadResult {
  const [first, ...rest] = results;
  if (first === undefined) return { ok: false, problem: 'not_found' };
  const alike = rest.every((r) =>
    first.ok ? r.ok && r.bytes.equals(first.bytes) : !r.ok && r.problem === first.problem,
  );
  return alike ? first : { ok: false, problem: 'ambiguous_name' };
}
