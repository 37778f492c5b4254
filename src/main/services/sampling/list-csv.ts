import Papa from 'papaparse';
import { VERDICT_LABELS } from '../../../shared/domain/sampling';
import { guardCell } from '../../../shared/domain/spreadsheet-cell';
import type { ServiceContext } from '../context';
import { writeNewFile } from '../new-file';
import { listSample } from './status';

export const SAMPLE_LIST_HEADERS = [
  '표본 sample',
  '등급 tier',
  '순번 position',
  '접수번호 claim',
  '확인 결과 verdict',
  '사유 reason codes',
  '확인자 checked by',
] as const;

/**
 * The sampled claims as CSV (UTF-8 with BOM, so Korean Excel reads it), in stratum and rank
 * order, with each claim's current verdict: the reviewers' worklist. Claim ids came from the
 * intake file, so every cell is guarded against formulas.
 */
export function writeSampleListCsv(
  ctx: ServiceContext,
  sampleId: number,
  outFile: string,
): { rows: number } {
  const { sample, claims } = listSample(ctx, sampleId);
  const rows = claims.map((claim) => [
    String(sample.id),
    claim.tier,
    String(claim.position),
    claim.claimId,
    claim.check ? VERDICT_LABELS[claim.check.verdict].ko : '',
    claim.check ? claim.check.reasonCodes.join(' ') : '',
    claim.check?.checkedBy ?? '',
  ]);
  const table = [[...SAMPLE_LIST_HEADERS], ...rows].map((row) => row.map(guardCell));
  writeNewFile(
    outFile,
    `\uFEFF${Papa.unparse(table, { newline: '\r\n' })}`,
    'a sample list is never saved over another file',
  );
  return { rows: rows.length };
}
