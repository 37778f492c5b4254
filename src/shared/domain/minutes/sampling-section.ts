import { formatKrw, formatKrwPlain } from '../money';
import {
  intervalText,
  percentText,
  ruleText,
  UNCHECKED_LABEL,
  type SampleSummary,
  type StratumFigures,
} from '../sampling';
import { BUDGET_ROW_LABELS } from '../summary';
import { koreanDateTime } from './labels';
import type { SheetBlock, SheetColumn, SheetRow } from './sheet';

/*
 * The minutes' section on the latest post-payment sample of the bracket payouts (사후 표본
 * 점검), laid out once for the PDF and the DOCX. Like the payout position, it is a snapshot of
 * the workspace when the version was drafted: the sample drawn last and every check recorded by
 * then. A workspace with no sample has no section at all, so its minutes read (and hash) as
 * before sampling existed.
 */

type Label = { ko: string; en: string };

export const SAMPLING_SECTION_LABELS = {
  title: {
    ko: '사후 표본 점검 (3만원·5만원 지원 지급분, 최근 표본)',
    en: 'Post-payment sample check',
  },
  tier: { ko: '등급', en: 'Tier' },
  population: { ko: '모집단', en: 'Population' },
  size: { ko: '표본', en: 'Sample' },
  checked: { ko: '확인', en: 'Checked' },
  notConfirmed: { ko: '확인 안 됨', en: 'Not confirmed' },
  errorRate: { ko: '오류율', en: 'Error rate' },
  projected: { ko: '추정 과지급', en: 'Projected overpayment' },
  total: { ko: '합계', en: 'Total' },
} as const satisfies Record<string, Label>;

const L = SAMPLING_SECTION_LABELS;
const cases = (count: number) => `${formatKrwPlain(count)}건`;

const COLUMNS: SheetColumn[] = [
  { title: L.tier.ko, width: 70, align: 'left' },
  { title: L.population.ko, width: 48, align: 'right' },
  { title: L.size.ko, width: 40, align: 'right' },
  { title: L.checked.ko, width: 36, align: 'right' },
  { title: L.notConfirmed.ko, width: 44, align: 'right' },
  { title: L.errorRate.ko, width: 44, align: 'right' },
  { title: L.projected.ko, width: 88, align: 'right' },
];

function stratumRow(s: StratumFigures, confidence: string): SheetRow {
  const counts = [cases(s.population), cases(s.size), cases(s.checked), cases(s.notConfirmed)];
  // The payout section's and the summary screen's names for the brackets.
  const tier = `${BUDGET_ROW_LABELS[s.tier].ko} (${formatKrw(s.bracketAmount)})`;
  if (s.errorRate === null || s.interval === null || s.projected === null)
    return { cells: [tier, ...counts, UNCHECKED_LABEL.ko, '-'] };
  return {
    cells: [tier, ...counts, percentText(s.errorRate), formatKrw(s.projected.point)],
    detail: `${confidence} 구간: 오류율 ${intervalText(s.interval)}, 추정 과지급 ${formatKrw(s.projected.low)} – ${formatKrw(s.projected.high)}`,
  };
}

function totalRow(summary: SampleSummary): SheetRow {
  const { totals } = summary;
  const counts = [totals.population, totals.size, totals.checked, totals.notConfirmed].map(cases);
  const projected = totals.projected;
  return {
    cells: [L.total.ko, ...counts, '', projected ? formatKrw(projected.point) : '-'],
    detail: projected
      ? `합계의 구간은 층별 구간의 합입니다: ${formatKrw(projected.low)} – ${formatKrw(projected.high)}`
      : '모든 층에 확인 결과가 있어야 합계를 추정합니다.',
  };
}

/** The section's blocks, heading included; `number` is its place among the minutes' sections. */
export function samplingSectionBlocks(summary: SampleSummary, number: number): SheetBlock[] {
  const { sample } = summary;
  const scope = sample.batchId === null ? '작업 공간 전체' : `묶음 ${sample.batchId}`;
  const confidence = `${Number((sample.confidence * 100).toFixed(2))}%`;
  return [
    { kind: 'heading', text: `${number}. ${L.title.ko}` },
    {
      kind: 'paragraph',
      size: 'normal',
      text: `표본 #${sample.id}: ${koreanDateTime(sample.drawnAt)}(KST) ${sample.drawnBy} 추출, ${scope}의 3만원·5만원 지원 신청을 등급별로, 신뢰수준·허용오차 ${ruleText(sample.confidence, sample.margin)}, 시드 "${sample.seed}". 회의록 작성 시점까지 기록된 확인 결과이며, 한 건을 다시 확인하면 나중 기록을 따릅니다.`,
    },
    {
      kind: 'table',
      caption: null,
      columns: COLUMNS,
      rows: summary.strata.map((s) => stratumRow(s, confidence)),
      total: totalRow(summary),
    },
    {
      kind: 'paragraph',
      size: 'small',
      text: `오류율 = 확인 안 됨 ÷ 확인, 구간은 윌슨(Wilson) 점수 구간입니다. 추정 과지급 = 오류율 × 모집단 × 지원액 (원 단위 반올림). 표본은 방식 ${sample.method}로 다시 뽑을 수 있습니다: 등급마다 접수번호를 SHA-256("시드:접수번호") 오름차순으로 정렬해 앞에서부터 표본 크기만큼.`,
    },
  ];
}
