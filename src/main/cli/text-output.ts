import { EVIDENCE_PROBLEM_LABELS } from '../../shared/domain/evidence';
import { TIER_LABELS, TIERS } from '../../shared/domain/tier';
import type { ImportReport } from '../../shared/ipc/intake-schemas';

/** Terminal output for people: Korean first, English after, as in the app. */

const QUARANTINE_LINES_SHOWN = 20;

const ENCODING_WORDS = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 (BOM)', cp949: 'CP949 (EUC-KR)' };

export function formatImportReport(report: ImportReport): string {
  const lines = [
    `신청 묶음 ${report.batchId} 가져옴 / batch ${report.batchId} imported (${report.seconds.toFixed(1)} s)`,
    `  파일 file ${report.file.name}: ${report.file.format.toUpperCase()}${report.file.encoding ? `, 인코딩 encoding ${ENCODING_WORDS[report.file.encoding]}` : ''}`,
    `  행 rows ${report.rows} = 등록 imported ${report.imported} + 보류 quarantined ${report.quarantined} + 중복 duplicates ${report.duplicates}`,
    ...TIERS.map(
      (tier) => `  ${TIER_LABELS[tier].ko} / ${TIER_LABELS[tier].en}: ${report.tiers[tier]}`,
    ),
    `  증빙 evidence: 저장 stored ${report.evidence.stored}, 거부 rejected ${report.evidence.rejected}, 없음 missing ${report.evidence.missing}`,
  ];
  for (const entry of report.quarantine.slice(0, QUARANTINE_LINES_SHOWN)) {
    lines.push(
      `  보류 row ${entry.row} ${entry.claimId ?? '(접수번호 없음)'}: ${entry.reasons.map((r) => `${r.field} ${r.ko} / ${r.en}`).join('; ')}`,
    );
  }
  if (report.quarantine.length > QUARANTINE_LINES_SHOWN)
    lines.push(`  … ${report.quarantine.length - QUARANTINE_LINES_SHOWN} more (--json lists all)`);
  for (const entry of report.duplicateClaims.slice(0, QUARANTINE_LINES_SHOWN)) {
    lines.push(
      `  중복 row ${entry.row} ${entry.claimId}: 이미 묶음 ${entry.existingBatchId}에 있음 / already in batch ${entry.existingBatchId}`,
    );
  }
  for (const problem of report.evidenceProblems.slice(0, QUARANTINE_LINES_SHOWN)) {
    const label = EVIDENCE_PROBLEM_LABELS[problem.problem];
    lines.push(`  증빙 ${problem.claimId} ${problem.fileName}: ${label.ko} / ${label.en}`);
  }
  if (report.evidenceLayout)
    lines.push(`  ${report.evidenceLayout.hint.ko}`, `  ${report.evidenceLayout.hint.en}`);
  return `${lines.join('\n')}\n`;
}

/** `stats`, with both bases and the published figures: its own file, stats-text.ts. */
export { formatStats } from './stats-text';
