import { quorumRuleText, THRESHOLD_LABELS, VOTE_RESULT_LABELS } from '../committee';
import { OUTCOME_LABELS, REASON_LABELS } from '../decision';
import { formatKrw } from '../money';
import { TIER_LABELS } from '../tier';
import {
  koreanDate,
  koreanDateTime,
  koreanTime,
  MINUTES_STATUS_LABELS,
  ROLL_CALL_LABELS,
  shortHash,
} from './labels';
import type {
  MinutesAmendment,
  MinutesItem,
  MinutesProposal,
  RollCallEntry,
  StoredMinutesModel,
} from './model';
import { appealsSectionBlocks } from './appeals-section';
import { payoutSectionBlocks } from './payout-section';
import { samplingSectionBlocks } from './sampling-section';
import type { MinutesSheet, MinutesVersionInfo, SheetBlock, SheetColumn, SheetRow } from './sheet';
import type { TotalRow } from './totals';

const won = (amount: number | null) => (amount === null ? '-' : formatKrw(amount));
const col = (title: string, width: number, align: SheetColumn['align'] = 'left'): SheetColumn => ({
  title,
  width,
  align,
});

function meetingHours(model: StoredMinutesModel): string {
  const opened = koreanTime(model.meeting.openedAt);
  const closed = koreanTime(model.meeting.closedAt);
  const day = koreanDate(model.meeting.heldOn);
  if (opened.date === model.meeting.heldOn && closed.date === model.meeting.heldOn)
    return `${day} ${opened.time} ~ ${closed.time}`;
  // Recorded on other days than the meeting date: show both instants in full, never guess.
  return `${day} (기록 개회 ${opened.date} ${opened.time}, 폐회 ${closed.date} ${closed.time})`;
}

const names = (list: string[], chair: string | null) =>
  list.map((name) => (name === chair ? `${name}(위원장)` : name)).join(', ');

function statusLine(v: MinutesVersionInfo): string {
  if (v.status === 'approved' && v.approvedAt && v.approvedBy)
    return `제${v.version}판 · ${koreanDate(koreanTime(v.approvedAt).date)} 위원장 ${v.approvedBy} 승인`;
  return `제${v.version}판 ${MINUTES_STATUS_LABELS[v.status].ko} · 승인 전`;
}

function overviewFields(model: StoredMinutesModel, v: MinutesVersionInfo): SheetBlock {
  const { attendance, officers, rules, roster } = model;
  const present = attendance.present.length;
  const quorum = `${quorumRuleText(rules.quorum, 'ko')}: ${attendance.quorumMet ? '충족' : '미달'} (재적 ${attendance.members}명 중 ${present}명 출석)`;
  const approval =
    v.approvedAt && v.approvedBy
      ? `승인 ${koreanDateTime(v.approvedAt)} ${v.approvedBy}`
      : '승인 전 (초안)';
  const items = model.items.length;
  return {
    kind: 'fields',
    rows: [
      { label: '회 의 명', value: `${model.council} 제${model.meeting.number}차 회의` },
      { label: '일    시', value: `${meetingHours(model)} (회의 기록의 개회·폐회 시각, KST)` },
      { label: '장    소', value: model.meeting.place || '-' },
      { label: '재적위원', value: `${attendance.members}명` },
      { label: '출석위원', value: `${present}명: ${names(attendance.present, officers.chair)}` },
      {
        label: '불참위원',
        value: attendance.absent.length
          ? `${attendance.absent.length}명: ${names(attendance.absent, officers.chair)}`
          : '없음',
      },
      { label: '의결정족수', value: quorum },
      { label: '의결 요건', value: THRESHOLD_LABELS[rules.threshold.kind].ko },
      { label: '간    사', value: officers.secretary ?? model.meeting.openedBy },
      { label: '안    건', value: items ? `${items}건 (제1호 ~ 제${items}호)` : '없음' },
      {
        label: '위원 명부',
        value: roster
          ? `제${roster.version}판 (${roster.validFrom} 시행) · 지문 ${roster.fingerprint}`
          : '가져온 위원 명부 없음',
      },
      {
        label: '회 의 록',
        value: `제${v.version}판 · 작성 ${koreanDateTime(v.madeAt)} ${v.madeBy} · ${approval}`,
      },
    ],
  };
}

function proposalText(proposal: MinutesProposal | null): string {
  if (!proposal) return '없음';
  const amount = proposal.amount === null ? '' : ` ${formatKrw(proposal.amount)}`;
  return `${OUTCOME_LABELS[proposal.outcome].ko}${amount}`;
}

const ROLL_CALL_ORDER: RollCallEntry[] = [
  'for',
  'against',
  'abstain',
  'recused',
  'no_vote',
  'absent',
];

/**
 * The roll call as Korean committee minutes print it: members named under each way they voted
 * ("찬성 3명(이도윤, 김민준, 최하은), 반대 1명(정우진), 불참 1명(한지민)"), recusals and
 * absences named as such. Empty groups are left out.
 */
export function rollCallText(item: Pick<MinutesItem, 'rollCall'>): string {
  return ROLL_CALL_ORDER.map((vote) => {
    const members = item.rollCall.filter((entry) => entry.vote === vote).map((e) => e.member);
    return members.length
      ? `${ROLL_CALL_LABELS[vote].ko} ${members.length}명(${members.join(', ')})`
      : '';
  })
    .filter((group) => group !== '')
    .join(', ');
}

/**
 * The line under an item: the roll call, then what was put to the vote where the decision is
 * not simply the motion carried (a motion voted down, or a vote without one), then reasons
 * and the chair's note.
 */
function detailOf(item: MinutesItem): string {
  const lines = [`표결: ${rollCallText(item)}`];
  if (item.result !== 'carried' || item.proposal === null)
    lines.push(`상정안: ${proposalText(item.proposal)} (${VOTE_RESULT_LABELS[item.result].ko})`);
  const { reasonCodes, note } = item.decision;
  const reasons: string[] = [];
  if (reasonCodes.length)
    reasons.push(`사유: ${reasonCodes.map((code) => REASON_LABELS[code].ko).join(', ')}`);
  if (note.trim()) reasons.push(`비고: ${note.trim()}`);
  if (reasons.length) lines.push(reasons.join(' / '));
  return lines.join('\n');
}

function decisionsTable(model: StoredMinutesModel): SheetBlock {
  const rows: SheetRow[] = model.items.map((item) => ({
    cells: [
      String(item.position),
      item.claimId,
      item.businessName ?? '-',
      won(item.claimedLoss),
      VOTE_RESULT_LABELS[item.result].ko,
      OUTCOME_LABELS[item.decision.outcome].ko,
      won(item.decision.amount),
    ],
    detail: detailOf(item),
  }));
  return {
    kind: 'table',
    caption: null,
    columns: [
      col('호', 16, 'center'),
      col('접수번호', 62),
      col('상호', 84),
      col('신청 피해액', 56, 'right'),
      col('표결', 40, 'center'),
      col('의결', 56, 'center'),
      col('인정액', 56, 'right'),
    ],
    rows,
    total: null,
  };
}

function voteChangeLines(model: StoredMinutesModel): SheetBlock[] {
  const lines = model.items.flatMap((item) =>
    item.voteChanges.map(
      (c) =>
        `제${item.position}호 ${item.claimId}: ${c.member} ${ROLL_CALL_LABELS[c.from].ko} → ${ROLL_CALL_LABELS[c.to].ko} (${koreanTime(c.at).time})`,
    ),
  );
  if (lines.length === 0) return [];
  return [{ kind: 'paragraph', text: `표결 변경 기록: ${lines.join('; ')}`, size: 'small' }];
}

const totalCells = (label: string, row: TotalRow) => [
  label,
  `${row.count}건`,
  formatKrw(row.claimed),
  formatKrw(row.decided),
];
const totalColumns = (first: string) => [
  col(first, 120),
  col('건수', 50, 'right'),
  col('신청 피해액', 100, 'right'),
  col('인정액', 100, 'right'),
];

function totalsTables(model: StoredMinutesModel): SheetBlock[] {
  const { totals } = model;
  return [
    {
      kind: 'table',
      caption: '가. 등급별',
      columns: totalColumns('등급'),
      rows: totals.byTier.map((row) => ({ cells: totalCells(TIER_LABELS[row.tier].ko, row) })),
      total: { cells: totalCells('합계', totals.all) },
    },
    {
      kind: 'table',
      caption: '나. 의결 결과별',
      columns: totalColumns('의결'),
      rows: totals.byOutcome.map((row) => ({
        cells: totalCells(OUTCOME_LABELS[row.outcome].ko, row),
      })),
      total: { cells: totalCells('합계', totals.all) },
    },
  ];
}

function recordParagraphs(model: StoredMinutesModel, v: MinutesVersionInfo): SheetBlock[] {
  const { roster } = model;
  return [
    {
      kind: 'paragraph',
      size: 'normal',
      text: roster
        ? `위원 명부 제${roster.version}판 (${roster.validFrom} 시행), 지문 ${roster.fingerprint}, SHA-256 ${roster.sha256}`
        : '이 작업공간에는 가져온 위원 명부가 없습니다.',
    },
    {
      kind: 'paragraph',
      size: 'normal',
      text: `이 회의록(제${v.version}판)은 Review Desk 작업공간의 회의·표결·결정 기록에서 작성되었으며, 손으로 입력한 내용이 없습니다. 내용의 SHA-256: ${v.sha256}`,
    },
  ];
}

function signatureBlock(model: StoredMinutesModel, v: MinutesVersionInfo): SheetBlock {
  const { chair, secretary } = model.officers;
  const rows: { role: string; name: string }[] = [];
  rows.push({ role: '위 원 장', name: chair ?? '' });
  rows.push({ role: '간    사', name: secretary ?? model.meeting.openedBy });
  for (const member of model.attendance.present)
    if (member !== chair) rows.push({ role: '위    원', name: member });
  return {
    kind: 'signatures',
    statement: '위 회의록의 내용이 사실과 다름없음을 확인하며 서명합니다.',
    date:
      v.approvedAt !== null
        ? koreanDate(koreanTime(v.approvedAt).date)
        : '          년      월      일',
    rows,
  };
}

function decisionText(decision: {
  outcome: MinutesAmendment['to']['outcome'];
  amount: number | null;
}) {
  return proposalText({ ...decision, reasonCodes: [] });
}

/**
 * The council's decisions changed outside a meeting since the previous one (the secretary's
 * proposal, co-signed by the chair): reported to the council here, as its rules require.
 */
function amendmentBlocks(model: StoredMinutesModel): SheetBlock[] {
  const amendments = model.amendments ?? [];
  if (amendments.length === 0) return [];
  return [
    {
      kind: 'table',
      caption: '지난 회의 이후 회의 밖에서 정정된 위원회 결정 (간사 제안, 위원장 공동 서명)',
      columns: [
        col('접수번호', 62),
        col('이전 결정', 66),
        col('정정 결정', 66),
        col('사유', 96),
        col('제안 · 공동 서명', 80),
      ],
      total: null,
      rows: amendments.map((a) => ({
        cells: [
          a.claimId,
          decisionText(a.from),
          decisionText(a.to),
          a.reason,
          `${a.proposedBy} · ${a.cosignedBy} (${koreanDateTime(a.cosignedAt)})`,
        ],
      })),
    },
  ];
}

/** The minutes of one version, laid out as an official Korean committee document reads. */
export function minutesSheet(model: StoredMinutesModel, v: MinutesVersionInfo): MinutesSheet {
  const meetingName = `${model.council} 제${model.meeting.number}차 회의`;
  const status = v.status === 'approved' ? '' : ` ${MINUTES_STATUS_LABELS[v.status].ko}`;
  // A version drafted before the minutes carried the payout summary prints without it.
  const afterTotals = model.payoutSummary ? payoutSectionBlocks(model.payoutSummary, v, 3) : [];
  const appealsAt = afterTotals.length ? 4 : 3;
  const appeals = model.appeals?.length
    ? appealsSectionBlocks(model.appeals, model.meeting.closedAt, appealsAt)
    : [];
  const samplingAt = appeals.length ? appealsAt + 1 : appealsAt;
  const sampling = model.sampling ? samplingSectionBlocks(model.sampling, samplingAt) : [];
  const next = sampling.length ? samplingAt + 1 : samplingAt;
  return {
    title: '회 의 록',
    subtitle: meetingName,
    statusLine: statusLine(v),
    draft: v.status !== 'approved',
    header: {
      left: `${model.council} · 제${model.meeting.number}차 회의록`,
      right: `제${v.version}판${status}`,
    },
    footer: { left: `회의록 제${v.version}판${status}`, right: `SHA-256 ${shortHash(v.sha256)}` },
    metadata: {
      title: `${meetingName} 회의록`,
      author: model.officers.secretary ?? model.meeting.openedBy,
      subject: `회의록 제${v.version}판${status}`,
      keywords: `minutes-sha256:${v.sha256}`,
      createdAt: v.madeAt,
    },
    blocks: [
      overviewFields(model, v),
      { kind: 'heading', text: '1. 안건 및 의결 결과' },
      decisionsTable(model),
      {
        kind: 'paragraph',
        size: 'small',
        text: '표결은 기명으로 적습니다. 회피: 이해충돌로 그 안건의 표결에서 빠진 위원 / 불참: 회의에 출석하지 않은 위원 / 미표결: 출석했으나 표결하지 않은 위원',
      },
      ...voteChangeLines(model),
      ...amendmentBlocks(model),
      { kind: 'heading', text: '2. 집계' },
      ...totalsTables(model),
      ...afterTotals,
      ...appeals,
      ...sampling,
      { kind: 'heading', text: `${next}. 위원 명부와 회의록 확인` },
      ...recordParagraphs(model, v),
      { kind: 'heading', text: `${next + 1}. 서명` },
      signatureBlock(model, v),
    ],
  };
}
