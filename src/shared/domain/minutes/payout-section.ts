import { formatKrw, formatKrwPlain } from '../money';
import { BUDGET_ROW_LABELS, PUBLISHED_RULES, type BudgetRowId } from '../summary';
import { koreanDateTime } from './labels';
import { payoutRow, type MinutesPayoutSummary } from './payout';
import type { MinutesVersionInfo, SheetBlock, SheetColumn, SheetRow } from './sheet';

/*
 * The minutes' section on the workspace's payout position (지급 현황), laid out once for both
 * the PDF and the DOCX. Row names are the budget view's (BUDGET_ROW_LABELS), so the minutes and
 * the summary screen call each figure the same thing.
 */

export const PAYOUT_SECTION_TITLE = '지급 현황 (회의록 작성 시점, 작업 공간 전체)';

const won = (amount: number | null) => (amount === null ? '-' : formatKrw(amount));
/** Workspace counts run to tens of thousands: grouped as money is. */
const cases = (count: number) => `${formatKrwPlain(count)}건`;
const label = (id: BudgetRowId) => BUDGET_ROW_LABELS[id].ko;

const COLUMNS: SheetColumn[] = [
  { title: '구분', width: 140, align: 'left' },
  { title: '건수', width: 50, align: 'right' },
  { title: '지원액', width: 70, align: 'right' },
  { title: '금액', width: 110, align: 'right' },
];

function bracketCells(summary: MinutesPayoutSummary, id: 'tier_30k' | 'tier_50k'): SheetRow {
  const row = payoutRow(summary, id);
  return { cells: [label(id), cases(row.count), won(row.unitAmount), won(row.amount)] };
}

function toPayTable(summary: MinutesPayoutSummary): SheetBlock {
  const approved = payoutRow(summary, 'committee_paid');
  const withoutMeeting = summary.committeeWithoutMeeting ?? 0;
  return {
    kind: 'table',
    caption: '가. 지급 예정 (건수 × 지원액 = 금액)',
    columns: COLUMNS,
    rows: [
      bracketCells(summary, 'tier_30k'),
      bracketCells(summary, 'tier_50k'),
      {
        cells: [label('committee_paid'), cases(approved.count), '결정 금액', won(approved.amount)],
        ...(withoutMeeting > 0
          ? {
              detail: `이 중 ${cases(withoutMeeting)}은 회의에서 확정되지 않은 결정입니다 (심사 화면이나 결정서에서 기록).`,
            }
          : {}),
      },
    ],
    total: {
      cells: ['지급 예정 합계', cases(summary.toPay.count), '', won(summary.toPay.amount)],
    },
  };
}

function notPaidTable(summary: MinutesPayoutSummary): SheetBlock {
  const open = payoutRow(summary, 'committee_open');
  const pack = payoutRow(summary, 'general_package');
  const unpriced =
    open.unpriced > 0
      ? ` 청구액이 없는 ${cases(open.unpriced)}은 금액을 알 수 없어 빠져 있습니다.`
      : '';
  const outside = summary.outsideMeeting ?? 0;
  const outsideNote =
    outside > 0
      ? ` 따로, 마지막 기록이 회의 밖에서 적은 위원 의견인 사건 ${cases(outside)}은 그 의견대로 지급하지 않습니다 (지급은 위원회 결정을 따름).`
      : '';
  return {
    kind: 'table',
    caption: '나. 지급 외 (미결 청구액과 보상 패키지)',
    columns: COLUMNS,
    rows: [
      {
        cells: [label('committee_open'), cases(open.count), '-', won(open.amount)],
        detail: `결정 전·보완 요청·이월 사건입니다. 모두 청구액대로 지급하면 지급 총액은 최대 ${won(summary.ceiling)}입니다.${unpriced}${outsideNote}`,
      },
      { cells: [label('general_package'), cases(pack.count), '-', '금전 아님'] },
    ],
    total: null,
  };
}

/** The published rules, word for word as the summary screen shows them; never added in. */
export function publishedReferenceLine(): string {
  const rules = [
    PUBLISHED_RULES.tier_30k,
    PUBLISHED_RULES.tier_50k,
    PUBLISHED_RULES.committee,
    PUBLISHED_RULES.general_package,
  ].map((rule) => rule.ko);
  return `발표 기준 (참고, 위 합계에 더하지 않음): ${rules.join(' / ')}`;
}

/** The section's blocks, heading included; `number` is its place among the minutes' sections. */
export function payoutSectionBlocks(
  summary: MinutesPayoutSummary,
  v: MinutesVersionInfo,
  number: number,
): SheetBlock[] {
  return [
    { kind: 'heading', text: `${number}. ${PAYOUT_SECTION_TITLE}` },
    {
      kind: 'paragraph',
      size: 'normal',
      text: `회의록 제${v.version}판을 작성한 ${koreanDateTime(v.madeAt)}(KST) 현재, 이 회의의 안건만이 아니라 작업 공간의 모든 신청 ${cases(summary.claims)}을 합한 수치입니다. 지급 예정 합계는 지급 명세의 합계와 같습니다.`,
    },
    toPayTable(summary),
    notPaidTable(summary),
    { kind: 'paragraph', size: 'small', text: publishedReferenceLine() },
  ];
}
