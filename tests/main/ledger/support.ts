import type { ServiceContext } from '../../../src/main/services/context';
import { nextInChain, recordDecision } from '../../../src/main/services/decisions/decisions';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import {
  addToAgenda,
  closeVoting,
  confirmFinalDecision,
  recordVote,
} from '../../../src/main/services/meetings';
import type { Outcome, ReasonCode } from '../../../src/shared/domain/decision';
import { GOOD_ROWS, writeCsv, type Row } from '../../helpers/batch-files';
import { FORMULA_PAYLOADS } from '../../helpers/formula-payloads';
import { actAs, CHAIR, councilWorkspace, MEMBERS, openWith, SECRETARY } from '../meetings/support';

/*
 * A workspace whose ledger is known by heart. Batch 1 is the sample claims:
 *   K-2022-000101  committee, meeting no. 1 approves 620,000
 *   K-2022-000102  committee, partial 400,000 typed without a meeting
 *   K-2022-000103  committee, approved 500,001, then amended to reject: not paid
 *   K-2022-000104  committee, evidence requested: not paid
 *   K-2022-000105  tier_30k: 30,000          K-2022-000106/107  tier_50k: 50,000 each
 *   K-2022-000111  committee, approved 1,230,000, amended to partial 1,000,000
 *   K-2022-000112  committee, deferred: not paid
 *   108 general package, 109 non-monetary, 110 another affiliate: never paid money
 */

export const SAMPLE_LEDGER = [
  { claimId: 'K-2022-000101', basis: 'committee', amount: 620_000, meetingNumber: 1 },
  { claimId: 'K-2022-000102', basis: 'committee', amount: 400_000, meetingNumber: null },
  { claimId: 'K-2022-000105', basis: 'tier_30k', amount: 30_000, meetingNumber: null },
  { claimId: 'K-2022-000106', basis: 'tier_50k', amount: 50_000, meetingNumber: null },
  { claimId: 'K-2022-000107', basis: 'tier_50k', amount: 50_000, meetingNumber: null },
  { claimId: 'K-2022-000111', basis: 'committee', amount: 1_000_000, meetingNumber: null },
] as const;

function decide(
  ctx: ServiceContext,
  claimId: string,
  outcome: Outcome,
  amount: number | null,
  reasonCodes: ReasonCode[] = [],
  note = '',
) {
  return recordDecision(ctx, {
    claimId,
    outcome,
    amount,
    reasonCodes,
    note,
    ...nextInChain(ctx.db, claimId, '금액 정정'),
  });
}

export function seedSampleDecisions(ctx: ServiceContext): void {
  openWith(ctx, 5);
  const motion = { outcome: 'approve' as const, amount: 620_000, reasonCodes: [] };
  addToAgenda(ctx, { meetingId: 1, claimId: 'K-2022-000101', proposal: motion });
  for (const member of MEMBERS) {
    recordVote(ctx, { meetingId: 1, claimId: 'K-2022-000101', member, vote: 'for' });
  }
  closeVoting(ctx, { meetingId: 1, claimId: 'K-2022-000101' });
  actAs(ctx, CHAIR);
  confirmFinalDecision(ctx, {
    meetingId: 1,
    claimId: 'K-2022-000101',
    ...motion,
    note: '제1차 회의 의결',
  });
  actAs(ctx, SECRETARY);

  decide(ctx, 'K-2022-000102', 'partial', 400_000, ['insufficient_proof']);
  decide(ctx, 'K-2022-000103', 'approve', 500_001);
  decide(ctx, 'K-2022-000103', 'reject', null, ['not_caused_by_outage']);
  decide(ctx, 'K-2022-000104', 'request_evidence', null, [], '세금계산서 사본');
  decide(ctx, 'K-2022-000111', 'approve', 1_230_000);
  decide(ctx, 'K-2022-000111', 'partial', 1_000_000, ['insufficient_proof']);
  decide(ctx, 'K-2022-000112', 'defer', null);
}

/** The sample claims with their decisions, as the secretary at the machine. */
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
