import { REASON_LABELS } from '../../shared/domain/decision';
import { koreanDateTime } from '../../shared/domain/minutes/labels';
import { formatKrw, formatKrwPlain } from '../../shared/domain/money';
import {
  intervalText,
  percentText,
  projectedText,
  ruleText,
  UNCHECKED_LABEL,
  VERDICT_LABELS,
  type SampleRecord,
  type SampleSummary,
  type StratumFigures,
} from '../../shared/domain/sampling';
import { TIER_LABELS } from '../../shared/domain/tier';
import type { SampleCheck, SampledClaim } from '../db/repositories/samples';

/** Terminal output of `sample`: Korean first, English after, as in the app. */

const n = (count: number) => formatKrwPlain(count);

function scopeText(sample: SampleRecord): string {
  return sample.batchId === null
    ? '작업 공간 전체 whole workspace'
    : `묶음 batch ${sample.batchId}`;
}

export function sampleHeading(sample: SampleRecord): string {
  return (
    `표본 sample #${sample.id}: ${koreanDateTime(sample.drawnAt)} KST ${sample.drawnBy}, ` +
    `${scopeText(sample)}, 신뢰수준·허용오차 confidence ±margin ${ruleText(sample.confidence, sample.margin)}, ` +
    `시드 seed "${sample.seed}", 방식 method ${sample.method}`
  );
}

function countsLine(s: Pick<StratumFigures, 'population' | 'size' | 'checked' | 'notConfirmed'>) {
  return `    모집단 population ${n(s.population)}, 표본 size ${n(s.size)}, 확인 checked ${n(s.checked)}, 확인 안 됨 not confirmed ${n(s.notConfirmed)}`;
}

function stratumLines(s: StratumFigures, confidence: string): string[] {
  const label = TIER_LABELS[s.tier];
  const lines = [`  ${label.ko} / ${label.en} (${formatKrw(s.bracketAmount)})`, countsLine(s)];
  if (s.errorRate === null || s.interval === null || s.projected === null) {
    lines.push(`    오류율 error rate: ${UNCHECKED_LABEL.ko} / ${UNCHECKED_LABEL.en}`);
    return lines;
  }
  lines.push(
    `    오류율 error rate ${percentText(s.errorRate)} (${confidence} 신뢰구간 Wilson interval ${intervalText(s.interval)})`,
    `    추정 과지급 projected overpayment ${projectedText(s.projected)}`,
  );
  return lines;
}

export function formatSampleStatus(summary: SampleSummary): string {
  const confidence = percentText(summary.sample.confidence).replace('.0%', '%');
  const { totals } = summary;
  const lines = [
    sampleHeading(summary.sample),
    ...summary.strata.flatMap((s) => stratumLines(s, confidence)),
    '  합계 total',
    countsLine(totals),
    totals.projected
      ? `    추정 과지급 projected overpayment ${formatKrw(totals.projected.point)} (층별 구간의 합 sum of the strata's intervals: ${formatKrw(totals.projected.low)} – ${formatKrw(totals.projected.high)})`
      : `    추정 과지급 projected overpayment: 모든 층을 확인한 뒤 / once every stratum has checks`,
  ];
  return `${lines.join('\n')}\n`;
}

export function formatDrawn(summary: SampleSummary): string {
  const { sample } = summary;
  const lines = [
    `표본 #${sample.id}을 추출했습니다 / drew sample #${sample.id}`,
    `  ${sampleHeading(sample)}`,
    ...summary.strata.map(
      (s) =>
        `  ${TIER_LABELS[s.tier].ko} / ${TIER_LABELS[s.tier].en}: 모집단 population ${n(s.population)} → 표본 size ${n(s.size)}`,
    ),
    `  확인할 목록 worklist: review-desk sample list --sample ${sample.id} --out <file.csv>`,
  ];
  return `${lines.join('\n')}\n`;
}

function verdictText(check: SampleCheck | null): string {
  if (check === null) return `${UNCHECKED_LABEL.ko} ${UNCHECKED_LABEL.en}`;
  const label = VERDICT_LABELS[check.verdict];
  const reasons = check.reasonCodes.map((code) => REASON_LABELS[code].ko).join(', ');
  return `${label.ko} ${label.en}${reasons ? ` (${reasons}; ${check.reasonCodes.join(', ')})` : ''} · ${check.checkedBy}`;
}

export function formatChecked(check: SampleCheck): string {
  return `표본 #${check.sampleId} ${check.claimId} 확인 기록 / check recorded: ${verdictText(check)}\n`;
}

export function formatSampleList(sample: SampleRecord, claims: SampledClaim[]): string {
  const lines = [sampleHeading(sample)];
  for (const claim of claims)
    lines.push(`  ${claim.tier} #${claim.position} ${claim.claimId}: ${verdictText(claim.check)}`);
  return `${lines.join('\n')}\n`;
}
