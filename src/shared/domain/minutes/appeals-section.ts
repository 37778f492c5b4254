import { APPEAL_STATE_LABELS, type AppealRuling, type AppealState } from '../appeals';
import { OUTCOME_LABELS, type Outcome } from '../decision';
import { formatKrw } from '../money';
import { koreanDateTime } from './labels';
import type { SheetBlock, SheetColumn, SheetRow } from './sheet';

/*
 * The minutes' section on appeals (이의신청): every appeal filed up to the meeting's close, how
 * the secretary ruled on it (admitted to council review or rejected, each with its reason), and
 * for an admitted one the council's decision since, if there is one yet. Laid out once for both
 * the PDF and the DOCX, like the payout section.
 */

export const APPEALS_SECTION_TITLE = '이의신청 (Appeals)';

/** An appeal as a meeting's minutes report it: as it stood when the meeting closed. */
export interface MinutesAppeal {
  id: number;
  claimId: string;
  businessName: string | null;
  /** The day the claimant's appeal came in (YYYY-MM-DD). */
  receivedOn: string;
  grounds: string;
  /** The secretary's ruling, when made by the meeting's close; null while it waited. */
  ruling: { ruling: AppealRuling; reason: string; by: string; at: string } | null;
  /** For an admitted appeal, the council's latest decision on the claim since, if any. */
  decision: { outcome: Outcome; amount: number | null; meetingNumber: number } | null;
}

export const appealStateOf = (appeal: MinutesAppeal): AppealState =>
  appeal.ruling?.ruling ?? 'filed';

const col = (title: string, width: number, align: SheetColumn['align'] = 'left'): SheetColumn => ({
  title,
  width,
  align,
});

function decisionText(appeal: MinutesAppeal): string {
  if (appealStateOf(appeal) !== 'admitted') return '-';
  const { decision } = appeal;
  if (decision === null) return '위원회 결정 전';
  const amount = decision.amount === null ? '' : ` ${formatKrw(decision.amount)}`;
  return `제${decision.meetingNumber}차 회의 ${OUTCOME_LABELS[decision.outcome].ko}${amount}`;
}

function detailOf(appeal: MinutesAppeal): string {
  const lines = [`이의 사유: ${appeal.grounds}`];
  const { ruling } = appeal;
  if (ruling)
    lines.push(
      `${APPEAL_STATE_LABELS[ruling.ruling].ko} 사유: ${ruling.reason} (${ruling.by}, ${koreanDateTime(ruling.at)})`,
    );
  return lines.join('\n');
}

function appealsTable(appeals: readonly MinutesAppeal[]): SheetBlock {
  const rows: SheetRow[] = appeals.map((appeal) => ({
    cells: [
      `#${appeal.id}`,
      appeal.claimId,
      appeal.businessName ?? '-',
      appeal.receivedOn,
      APPEAL_STATE_LABELS[appealStateOf(appeal)].ko,
      decisionText(appeal),
    ],
    detail: detailOf(appeal),
  }));
  return {
    kind: 'table',
    caption: null,
    columns: [
      col('번호', 24, 'center'),
      col('접수번호', 62),
      col('상호', 70),
      col('접수일', 52, 'center'),
      col('처리', 40, 'center'),
      col('위원회 결정', 122),
    ],
    rows,
    total: null,
  };
}

/**
 * The section's blocks, heading included; `number` is its place among the minutes' sections and
 * `closedAt` the meeting's close, up to which the appeals are counted.
 */
export function appealsSectionBlocks(
  appeals: readonly MinutesAppeal[],
  closedAt: string,
  number: number,
): SheetBlock[] {
  const count = (state: AppealState) => appeals.filter((a) => appealStateOf(a) === state).length;
  return [
    { kind: 'heading', text: `${number}. ${APPEALS_SECTION_TITLE}` },
    {
      kind: 'paragraph',
      size: 'normal',
      text: `이 회의가 끝난 ${koreanDateTime(closedAt)}(KST)까지 접수된 이의신청 ${appeals.length}건: 인용 ${count('admitted')}건, 기각 ${count('rejected')}건, 결정 전 ${count('filed')}건. 인용된 신청은 위원회 심사 대상이 되며, 위원회가 정한 금액에서 이미 지급된 구간 지원금을 뺀 차액을 지급합니다.`,
    },
    appealsTable(appeals),
  ];
}
