import { generateClaimRows } from './generate-claims';
import { writeBatchCsv } from './write-batch';

/**
 * Synthetic claim batches for the demo workspace, tests and benchmarks. Nothing here is real
 * data: ids, names, numbers and contacts are generated from a seed.
 */

export { BOUNDARY_LOSSES, koreanUnits, spellLoss } from './amounts';
export {
  CLAIMANT_SHARES,
  DAMAGE_SHARES,
  KAKAO_SHARE,
  formatClaimId,
  generateClaimRows,
  type ClaimRow,
  type GenerateClaimsOptions,
} from './generate-claims';
export {
  DEMO_TIMESTAMP,
  crc32,
  makeEvidenceFile,
  makeJpeg,
  makeNoteTxt,
  makePdf,
  makePng,
  makePosCsv,
  makeSalesLedgerXlsx,
  type EvidenceContext,
} from './evidence-files';
export {
  EVIDENCE_KINDS,
  MISSING_EVIDENCE_RATE,
  evidenceKindOf,
  isDeliberatelyMissing,
  type EvidenceKind,
} from './evidence-names';
export { Random, hashSeed, mulberry32 } from './random';
export {
  csvField,
  listEvidence,
  writeBatchCsv,
  writeBatchJson,
  writeBatchXlsx,
  writeEvidenceFolder,
  writeEvidenceZip,
  type CsvEncoding,
  type CsvOptions,
  type HeaderLanguage,
} from './write-batch';

/**
 * A benchmark batch: UTF-8 CSV with Korean headers, rows generated as they are written so a
 * million rows (about 200 MB) never sit in memory. Returns the number of data rows.
 */
export function writeLargeBatch(path: string, rowCount: number, seed: number): Promise<number> {
  return writeBatchCsv(path, generateClaimRows({ count: rowCount, seed }), {
    encoding: 'utf-8',
    headers: 'ko',
  });
}
