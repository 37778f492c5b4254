import type { ImportReport } from '../../shared/ipc/intake-schemas';

/**
 * Not 1, which means nothing happened: the batch is in the workspace (importing the same
 * file again is refused), only files the 증빙 column names were not in --evidence.
 */
export const MISSING_EVIDENCE_EXIT = 3;

export const ALLOW_MISSING_EVIDENCE = 'allow-missing-evidence';

/** The lines for stderr: what happened to the batch, which flag accepts it, and the hint. */
export function missingEvidenceMessage(report: ImportReport): string {
  const { batchId } = report;
  const n = report.evidence.missing;
  const lines = [
    `증빙 파일 ${n}개를 찾지 못했습니다. 신청 묶음 ${batchId}은 가져와 저장했습니다 (같은 파일은 다시 가져올 수 없음). 없는 증빙을 받아들이려면 --${ALLOW_MISSING_EVIDENCE} / ` +
      `${n} evidence file(s) named in the batch were not found; batch ${batchId} was imported and kept (the same file cannot be imported again); --${ALLOW_MISSING_EVIDENCE} accepts missing files`,
  ];
  if (report.evidenceLayout)
    lines.push(report.evidenceLayout.hint.ko, report.evidenceLayout.hint.en);
  return lines.map((line) => `review-desk: ${line}\n`).join('');
}
