import { CLAIMANT_TYPE_LABELS, DAMAGE_TYPE_LABELS } from '../../shared/domain/claim';
import { EVIDENCE_PROBLEM_LABELS } from '../../shared/domain/evidence';
import { formatKrw } from '../../shared/domain/money';
import { TIER_LABELS, TIERS } from '../../shared/domain/tier';
import type { ImportReport } from '../../shared/ipc/intake-schemas';
import type { Stats } from '../../shared/ipc/stats-schemas';

/** Terminal output for people: Korean first, English after, as in the app. */

const QUARANTINE_LINES_SHOWN = 20;

export function formatImportReport(report: ImportReport): string {
  const lines = [
    `신청 묶음 ${report.batchId} 가져옴 / batch ${report.batchId} imported (${report.seconds.toFixed(1)} s)`,
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
  return `${lines.join('\n')}\n`;
}

type Shares = Record<
  'byAffiliate' | 'byClaimantType' | 'byDamageType' | 'byTier',
  Record<string, number>
>;

export function formatStats(stats: Stats, shares: Shares): string {
  const row = (label: string, n: number, share: number | undefined) =>
    `  ${label.padEnd(24)} ${String(n).padStart(9)}  ${(share ?? 0).toFixed(1).padStart(5)}%`;
  const lines = [`신청 claims: ${stats.claims}`, '계열사 affiliate'];
  lines.push(
    row('카카오 Kakao', stats.byAffiliate.kakao, shares.byAffiliate['kakao']),
    row('기타 계열사 other', stats.byAffiliate.other, shares.byAffiliate['other']),
  );
  lines.push('신청인구분 claimant type');
  for (const [key, n] of Object.entries(stats.byClaimantType))
    lines.push(
      row(
        CLAIMANT_TYPE_LABELS[key as keyof typeof CLAIMANT_TYPE_LABELS].ko,
        n,
        shares.byClaimantType[key],
      ),
    );
  lines.push('피해유형 damage type');
  for (const [key, n] of Object.entries(stats.byDamageType))
    lines.push(
      row(
        DAMAGE_TYPE_LABELS[key as keyof typeof DAMAGE_TYPE_LABELS].ko,
        n,
        shares.byDamageType[key],
      ),
    );
  lines.push('등급 tier');
  for (const tier of TIERS)
    lines.push(row(TIER_LABELS[tier].ko, stats.byTier[tier], shares.byTier[tier]));
  lines.push(
    `위원회 심사 대기 review queue: ${stats.reviewQueue.count}건, 신청 합계 ${formatKrw(stats.reviewQueue.totalClaimed)}`,
  );
  return `${lines.join('\n')}\n`;
}
