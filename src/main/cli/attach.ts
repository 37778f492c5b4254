import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EVIDENCE_PROBLEM_LABELS } from '../../shared/domain/evidence';
import type { SupplementReport } from '../../shared/ipc/supplements-schemas';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { attachEvidence } from '../services/supplements/attach';
import { attachEvidenceFromFile } from '../services/supplements/attach-from-file';
import { ALLOW_MISSING_EVIDENCE, MISSING_EVIDENCE_EXIT } from './missing-evidence';

type Open = (db: string | undefined) => ServiceContext;

const BACK_IN_QUEUE = '보완 요청에 대한 답변으로 심사 대기열에 돌아감 / back in the review queue';

/** Terminal output for people: Korean first, English after, as in the app. */
export function formatSupplementReport(report: SupplementReport): string {
  const lines = [`증빙 추가 접수 supplementary evidence from ${report.source}`];
  for (const claim of report.claims) {
    lines.push(
      `  ${claim.claimId}: 저장 stored ${claim.stored}, 거부 rejected ${claim.rejected}, 없음 missing ${claim.missing}`,
    );
    if (claim.answered) lines.push(`    ${BACK_IN_QUEUE}`);
    for (const file of claim.files) {
      if (file.problem === null) continue;
      const why = EVIDENCE_PROBLEM_LABELS[file.problem];
      lines.push(`    ${file.fileName}: ${why.ko} / ${why.en}`);
    }
  }
  for (const { row, claimId } of report.unknownClaims)
    lines.push(
      `  행 row ${row}: 없는 접수번호 unknown claim "${claimId}", 붙이지 않음 / nothing attached`,
    );
  for (const { row, claimId } of report.rowsWithoutFiles)
    lines.push(`  행 row ${row}: ${claimId} 증빙 이름 없음 / names no file`);
  return `${lines.join('\n')}\n`;
}

function missingMessage(missing: number): string {
  return (
    `review-desk: 증빙 파일 ${missing}개를 찾지 못했습니다. 나머지는 붙여 저장했습니다. 없는 증빙을 받아들이려면 --${ALLOW_MISSING_EVIDENCE} / ` +
    `${missing} evidence file(s) were not found; the rest were attached and kept; --${ALLOW_MISSING_EVIDENCE} accepts missing files\n`
  );
}

/** Returns the exit code: 0, or MISSING_EVIDENCE_EXIT once what was found is attached. */
export async function runAttach(openAt: Open, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      claim: { type: 'string' },
      evidence: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      [ALLOW_MISSING_EVIDENCE]: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if ((values.claim === undefined) === (file === undefined))
    throw new ServiceError(
      'validation_failed',
      'attach needs either --claim <id> or a file of claim ids and evidence names, not both',
    );
  if (!values.evidence)
    throw new ServiceError('validation_failed', 'attach needs --evidence <dir|zip>');
  const evidence = resolve(values.evidence);
  const ctx = openAt(values.db);
  try {
    const report =
      values.claim !== undefined
        ? await attachEvidence(ctx, { claimId: values.claim, evidence })
        : await attachEvidenceFromFile(ctx, { file: resolve(file!), evidence });
    process.stdout.write(
      values.json ? `${JSON.stringify(report)}\n` : formatSupplementReport(report),
    );
    const missing = report.claims.reduce((sum, claim) => sum + claim.missing, 0);
    if (missing === 0 || values[ALLOW_MISSING_EVIDENCE]) return 0;
    process.stderr.write(missingMessage(missing));
    return MISSING_EVIDENCE_EXIT;
  } finally {
    ctx.db.close();
  }
}
