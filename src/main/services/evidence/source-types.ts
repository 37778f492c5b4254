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
  close(): Promise<void>;
}
