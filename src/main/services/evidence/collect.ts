import {
  evidenceStatusFor,
  type EvidenceMediaType,
  type EvidenceProblem,
} from '../../../shared/domain/evidence';
import { checkEvidenceName, nfcKey } from './names';
import { sniffMediaType } from './sniff';
import type { EvidenceSource } from './source-types';
import type { EvidenceStore } from './store';

export type EvidenceOutcome =
  | {
      fileName: string;
      status: 'stored';
      sha256: string;
      mediaType: EvidenceMediaType;
      sizeBytes: number;
      problem: null;
    }
  | {
      fileName: string;
      status: 'missing' | 'rejected';
      sha256: null;
      mediaType: null;
      sizeBytes: number | null;
      problem: EvidenceProblem;
    };

/** Reads one named file, and stores it only if its content is an accepted type. */
export async function collectEvidence(
  source: EvidenceSource,
  store: EvidenceStore,
  fileName: string,
): Promise<EvidenceOutcome> {
  const read = await source.read(fileName);
  if (!read.ok) {
    const status = evidenceStatusFor(read.problem);
    return {
      fileName,
      status,
      sha256: null,
      mediaType: null,
      sizeBytes: null,
      problem: read.problem,
    };
  }
  const sizeBytes = read.bytes.length;
  const sniffed = sniffMediaType(read.bytes, fileName);
  if (!sniffed.ok) {
    const status = evidenceStatusFor(sniffed.problem);
    return { fileName, status, sha256: null, mediaType: null, sizeBytes, problem: sniffed.problem };
  }
  const { sha256 } = store.put(read.bytes);
  return {
    fileName,
    status: 'stored',
    sha256,
    mediaType: sniffed.mediaType,
    sizeBytes,
    problem: null,
  };
}

export interface EvidenceCollector {
  collect(fileName: string): Promise<EvidenceOutcome>;
  /** Per file read, not per claim naming it. */
  counts(): { stored: number; rejected: number; missing: number };
}

/** How many recent files the collector remembers: enough for claims that share evidence
 * nearby, bounded so a million-row import does not hold every outcome in memory. */
export const COLLECTOR_CACHE_SIZE = 2000;

/**
 * One per import: a file named by several claims is read and hashed once while it is among the
 * recent ones (a file named again much later is read again, and stored once all the same,
 * since the store is content-addressed). Names that differ only in separators or Unicode
 * normalisation are the same file, yet each outcome keeps the spelling its claim used.
 */
export function createEvidenceCollector(
  source: EvidenceSource,
  store: EvidenceStore,
): EvidenceCollector {
  const cache = new Map<string, Promise<EvidenceOutcome>>();
  const counts = { stored: 0, rejected: 0, missing: 0 };

  function keyFor(fileName: string): string {
    const check = checkEvidenceName(fileName);
    // Refused names never reach the disk, so the raw spelling is a fine key for them.
    return check.ok ? nfcKey(check.key) : `\0${fileName}`;
  }

  return {
    async collect(fileName) {
      const key = keyFor(fileName);
      let pending = cache.get(key);
      if (pending === undefined) {
        pending = collectEvidence(source, store, fileName);
        cache.set(key, pending);
        if (cache.size > COLLECTOR_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        // A failed read (e.g. disk full on store) may be retried by the next claim.
        pending.then(
          (outcome) => (counts[outcome.status] += 1),
          () => cache.delete(key),
        );
      }
      return { ...(await pending), fileName };
    },
    counts() {
      return { ...counts };
    },
  };
}
