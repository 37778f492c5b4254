import type { ServiceContext } from '../../../src/main/services/context';
import { nextInChain, recordDecision } from '../../../src/main/services/decisions/decisions';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import {
  addToAgenda,
  closeMeeting,
  closeVoting,
  confirmFinalDecision,
  recordVote,
} from '../../../src/main/services/meetings';
import { latestCouncilDecision } from '../../../src/main/db/repositories/decisions';
import {
  reviewStateOf,
  transitionKind,
  type Outcome,
  type ReasonCode,
} from '../../../src/shared/domain/decision';
import { GOOD_ROWS, writeCsv, type Row } from '../../helpers/batch-files';
import { FORMULA_PAYLOADS } from '../../helpers/formula-payloads';
import { actAs, CHAIR, councilWorkspace, MEMBERS, openWith, SECRETARY } from '../meetings/support';

/*
 * A workspace whose ledger is known by heart. Batch 1 is the sample claims. The ledger pays a
 * committee claim only at the council's decision (the latest made in a meeting); what a member
 * records outside a meeting is their view and pays nothing.
 *   K-2022-000101  committee, meeting no. 1 approves 620,000; a member's view outside a meeting
 *                  later "amends" it to 1원: still paid 620,000
 *   K-2022-000102  committee, meeting no. 1 partially approves 400,000
 *   K-2022-000103  committee, meeting no. 1 approves 500,001, meeting no. 2 amends to reject
 *   K-2022-000104  committee, meeting no. 1 requests evidence: not paid, awaiting the council
 *   K-2022-000105  tier_30k: 30,000          K-2022-000106/107  tier_50k: 50,000 each
 *   K-2022-000111  committee, meeting no. 1 approves 1,230,000, meeting no. 2 amends to
 *                  partial 1,000,000
 *   K-2022-000112  committee, meeting no. 1 votes it down and defers it; a member's view
 *                  outside a meeting approves 650,000: not paid, awaiting the council
 *   108 general package, 109 non-monetary, 110 another affiliate: never paid money
 */

export const SAMPLE_LEDGER = [
  { claimId: 'K-2022-000101', basis: 'committee', amount: 620_000, meetingNumber: 1 },
  { claimId: 'K-2022-000102', basis: 'committee', amount: 400_000, meetingNumber: 1 },
  { claimId: 'K-2022-000105', basis: 'tier_30k', amount: 30_000, meetingNumber: null },
  { claimId: 'K-2022-000106', basis: 'tier_50k', amount: 50_000, meetingNumber: null },
  { claimId: 'K-2022-000107', basis: 'tier_50k', amount: 50_000, meetingNumber: null },
  { claimId: 'K-2022-000111', basis: 'committee', amount: 1_000_000, meetingNumber: 2 },
] as const;

/** The committee claims no council decision pays: 104 (evidence requested), 112 (deferred). */
export const SAMPLE_AWAITING = ['K-2022-000104', 'K-2022-000112'] as const;
/** The committee claims whose latest record is a member's view outside a meeting. */
export const SAMPLE_OUTSIDE_MEETING = ['K-2022-000101', 'K-2022-000112'] as const;

/** The member who records views outside a meeting (recording needs a member's key). */
export const DECIDING_MEMBER = '김민준';

/** What a member records outside any meeting: their view, in the chain, never paid. */
export function recordView(
  ctx: ServiceContext,
  claimId: string,
  outcome: Outcome,
  amount: number | null,
  reasonCodes: ReasonCode[] = [],
  note = '',
) {
  actAs(ctx, DECIDING_MEMBER);
  return recordDecision(ctx, {
    claimId,
    outcome,
    amount,
    reasonCodes,
    note,
    ...nextInChain(ctx.db, claimId, '금액 정정'),
  });
}

/** One agenda item: a motion (null: none) and whether the five voting members carry it. */
export interface CouncilItem {
  claimId: string;
  motion: { outcome: Outcome; amount: number | null; reasonCodes: ReasonCode[] } | null;
  note: string;
}

/**
 * Meeting `number` as the council holds it: the secretary opens it with all five voting
 * members present, puts the items on the agenda, records everyone's vote (for a motion,
 * against an item without one) and closes it; the chair confirms each item: the motion when it
 * carried, a deferral otherwise (with a reason when it amends the council's final decision).
 * Leaves the secretary acting. Returns the meeting's id.
 */
export function councilDecides(
  ctx: ServiceContext,
  number: number,
  heldOn: string,
  items: CouncilItem[],
): number {
  actAs(ctx, SECRETARY);
  const { id: meetingId } = openWith(ctx, 5, { number, heldOn });
  for (const { claimId, motion } of items) {
    addToAgenda(ctx, { meetingId, claimId, proposal: motion });
    for (const member of MEMBERS)
      recordVote(ctx, { meetingId, claimId, member, vote: motion ? 'for' : 'against' });
    closeVoting(ctx, { meetingId, claimId });
  }
  closeMeeting(ctx, meetingId);
  actAs(ctx, CHAIR);
  for (const { claimId, motion, note } of items)
    confirmFinalDecision(ctx, {
      meetingId,
      claimId,
      ...(motion ?? { outcome: 'defer' as const, amount: null, reasonCodes: [] }),
      note,
      amendmentReason: amendsCouncil(ctx, claimId) ? `제${number}차 회의 재심의` : null,
    });
  actAs(ctx, SECRETARY);
  return meetingId;
}

/**
 * Whether a meeting's decision on `claimId` amends the council's own final decision (and so
 * needs a reason): views recorded outside meetings since then do not count.
 */
function amendsCouncil(ctx: ServiceContext, claimId: string): boolean {
  const standing = latestCouncilDecision(ctx.db, claimId) ?? null;
  return transitionKind(reviewStateOf(standing)) === 'amendment';
}

const motion = (outcome: Outcome, amount: number | null, reasonCodes: ReasonCode[] = []) => ({
  outcome,
  amount,
  reasonCodes,
});

/** The story above; leaves the secretary acting. */
export function seedSampleDecisions(ctx: ServiceContext): void {
  councilDecides(ctx, 1, '2022-12-20', [
    { claimId: 'K-2022-000101', motion: motion('approve', 620_000), note: '제1차 회의 의결' },
    {
      claimId: 'K-2022-000102',
      motion: motion('partial', 400_000, ['insufficient_proof']),
      note: '',
    },
    { claimId: 'K-2022-000103', motion: motion('approve', 500_001), note: '' },
    {
      claimId: 'K-2022-000104',
      motion: motion('request_evidence', null),
      note: '세금계산서 사본',
    },
    { claimId: 'K-2022-000111', motion: motion('approve', 1_230_000), note: '' },
    { claimId: 'K-2022-000112', motion: null, note: '부결, 차기 회의 이월' },
  ]);
  councilDecides(ctx, 2, '2023-01-10', [
    {
      claimId: 'K-2022-000103',
      motion: motion('reject', null, ['not_caused_by_outage']),
      note: '',
    },
    {
      claimId: 'K-2022-000111',
      motion: motion('partial', 1_000_000, ['insufficient_proof']),
      note: '',
    },
  ]);
  recordView(ctx, 'K-2022-000101', 'partial', 1, ['insufficient_proof']);
  recordView(ctx, 'K-2022-000112', 'approve', 650_000);
  actAs(ctx, SECRETARY);
}

/** The sample claims with their decisions, the secretary acting (their key unlocked). */
export function ledgerWorkspace() {
  const ws = councilWorkspace();
  seedSampleDecisions(ws);
  return ws;
}

/** A small business in the 30,000 (even) or 50,000 (odd) bracket named `name`. */
export function bracketRow(id: string, name: string, i: number): Row {
  const row = [...GOOD_ROWS[1]!];
  row[0] = id;
  row[8] = name;
  row[10] = i % 2 === 0 ? '200,000' : '400,000';
  return row;
}

/** Imports, through the real import, one bracket claim per formula payload as its business name. */
export async function importHostileBatch(ctx: ServiceContext, dir: string) {
  const rows = FORMULA_PAYLOADS.map((payload, i) =>
    bracketRow(`K-2022-3000${String(i).padStart(2, '0')}`, payload, i),
  );
  return importBatch(ctx, { file: writeCsv(dir, 'hostile.csv', rows, 'utf-8-bom') });
}
