import { afterEach, describe, expect, it } from 'vitest';
import { iterateAudit } from '../../../src/main/db/repositories/audit-log';
import {
  cosignAmendment,
  listAmendments,
  proposeAmendment,
} from '../../../src/main/services/amendments/amendments';
import { verifyAuditLog } from '../../../src/main/services/audit-log/verify-acts';
import type { ServiceContext } from '../../../src/main/services/context';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import { buildLedger } from '../../../src/main/services/ledger';
import { exportRecommendations } from '../../../src/main/services/recommendations';
import { councilOf } from '../../helpers/council';
import { findMeetingByNumber } from '../../../src/main/db/repositories/meetings';
import { currentMinutesModel } from '../../../src/main/services/minutes/versions';
import { minutesSheet } from '../../../src/shared/domain/minutes';
import { councilDecides, ledgerWorkspace, SAMPLE_OUTSIDE_MEETING } from '../ledger/support';
import { actAs, CHAIR, councilWorkspace, expectServiceError, SECRETARY } from '../meetings/support';

/*
 * The council's decision changed outside a meeting takes the secretary's proposal and the
 * chair's co-signature. The workspace is the ledger's known story (tests/main/ledger/support):
 * meeting no. 1 approved K-2022-000102 partially at 400,000.
 */

const CLAIM = 'K-2022-000102';
let ws: ReturnType<typeof councilWorkspace> | undefined;
afterEach(() => ws?.cleanup());

const paidFor = (ctx: ServiceContext, claimId: string) =>
  buildLedger(ctx).rows.find((row) => row.claimId === claimId)?.amount ?? null;

const toOne원 = {
  claimId: CLAIM,
  outcome: 'partial' as const,
  amount: 1,
  reasonCodes: ['insufficient_proof' as const],
  note: '',
  reason: '영수증 금액 재확인',
};

describe("amending the council's decision outside a meeting", () => {
  it("a proposal alone changes nothing: the ledger pays the meeting's amount until the chair co-signs", () => {
    ws = ledgerWorkspace();
    actAs(ws, SECRETARY);
    const proposal = proposeAmendment(ws, toOne원);
    expect(proposal).toMatchObject({ status: 'pending', proposedBy: SECRETARY, amount: 1 });
    expect(paidFor(ws, CLAIM)).toBe(400_000);

    // The secretary cannot finish it herself, nor can a member.
    expectServiceError(() => cosignAmendment(ws!, proposal.id), 'forbidden', 'chair_required');
    actAs(ws, '김민준');
    expectServiceError(() => cosignAmendment(ws!, proposal.id), 'forbidden', 'chair_required');
    expect(paidFor(ws, CLAIM)).toBe(400_000);

    actAs(ws, CHAIR);
    const { amendment, decision } = cosignAmendment(ws, proposal.id);
    expect(amendment).toMatchObject({
      status: 'cosigned',
      cosignedBy: CHAIR,
      decisionId: decision.id,
    });
    expect(decision).toMatchObject({
      amount: 1,
      amendmentReason: '영수증 금액 재확인',
      meetingId: null,
    });
    expect(paidFor(ws, CLAIM)).toBe(1);
    // The council's own decision, not a member's view: not counted among views outside meetings.
    expect(buildLedger(ws).summary.outsideMeeting).toBe(SAMPLE_OUTSIDE_MEETING.length);
    expectServiceError(() => cosignAmendment(ws!, proposal.id), 'conflict');
  });

  it('each step is an audit entry signed by its own key, and the whole log verifies', () => {
    ws = ledgerWorkspace();
    actAs(ws, SECRETARY);
    const { id } = proposeAmendment(ws, toOne원);
    actAs(ws, CHAIR);
    cosignAmendment(ws, id);
    const entries = [...iterateAudit(ws.db)].filter((e) => e.subjectId === CLAIM).slice(-3);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['council_amendment.proposed', SECRETARY],
      ['decision.amended', CHAIR],
      ['council_amendment.cosigned', CHAIR],
    ]);
    expect(entries.every((e) => e.signature !== null)).toBe(true);
    expect(verifyAuditLog(ws.db)).toMatchObject({ ok: true, actProblems: [] });
  });

  it('only the secretary proposes; a reason is needed; the decision rules apply; the council must have decided', () => {
    ws = ledgerWorkspace();
    actAs(ws, CHAIR);
    expectServiceError(() => proposeAmendment(ws!, toOne원), 'forbidden', 'secretary_required');
    actAs(ws, SECRETARY);
    expectServiceError(
      () => proposeAmendment(ws!, { ...toOne원, reasonCodes: [] }),
      'validation_failed',
      'reason_required',
    );
    expect(listAmendments(ws)).toEqual([]);
    ws.cleanup();
    // The same claim in a workspace where no meeting has decided anything yet.
    ws = councilWorkspace();
    actAs(ws, SECRETARY);
    expectServiceError(() => proposeAmendment(ws!, toOne원), 'conflict', 'no_council_decision');
  });

  it('a member’s view recorded since does not get in the way, and pays nothing', () => {
    ws = ledgerWorkspace();
    actAs(ws, '김민준');
    recordDecision(ws, {
      claimId: CLAIM,
      outcome: 'approve',
      amount: 700_000,
      reasonCodes: [],
      note: '',
      replacesId: ws.db
        .prepare('SELECT max(id) FROM decisions WHERE claim_id = ?')
        .pluck()
        .get(CLAIM) as number,
      amendmentReason: '제 의견',
    });
    expect(paidFor(ws, CLAIM)).toBe(400_000);
    actAs(ws, SECRETARY);
    const { id } = proposeAmendment(ws, {
      ...toOne원,
      outcome: 'approve',
      amount: 450_000,
      reasonCodes: [],
    });
    actAs(ws, CHAIR);
    cosignAmendment(ws, id);
    expect(paidFor(ws, CLAIM)).toBe(450_000);
  });

  it('a newer proposal, or a later council decision, overtakes a waiting one: it cannot be co-signed', () => {
    ws = ledgerWorkspace();
    actAs(ws, SECRETARY);
    const first = proposeAmendment(ws, toOne원);
    const second = proposeAmendment(ws, { ...toOne원, amount: 300_000 });
    expect(listAmendments(ws, CLAIM).map((a) => [a.id, a.status])).toEqual([
      [second.id, 'pending'],
      [first.id, 'overtaken'],
    ]);
    actAs(ws, CHAIR);
    expectServiceError(() => cosignAmendment(ws!, first.id), 'conflict', 'amendment_overtaken');
    cosignAmendment(ws, second.id);
    expect(paidFor(ws, CLAIM)).toBe(300_000);
  });
});

describe('the next minutes report each co-signed amendment', () => {
  it("meeting no. 3's minutes list it with both decisions, the reason and both people; no. 2's do not", () => {
    ws = ledgerWorkspace();
    actAs(ws, SECRETARY);
    const { id } = proposeAmendment(ws, toOne원);
    actAs(ws, CHAIR);
    cosignAmendment(ws, id);
    councilDecides(ws, 3, '2023-02-01', [
      {
        claimId: 'K-2022-000112',
        motion: { outcome: 'approve', amount: 600_000, reasonCodes: [] },
        note: '',
      },
    ]);
    const minutesOf = (number: number) =>
      currentMinutesModel(ws!, findMeetingByNumber(ws!.db, number)!);
    expect(minutesOf(2).amendments).toBeUndefined();
    const third = minutesOf(3);
    expect(third.amendments).toEqual([
      {
        claimId: CLAIM,
        from: { outcome: 'partial', amount: 400_000 },
        to: { outcome: 'partial', amount: 1, reasonCodes: ['insufficient_proof'] },
        reason: '영수증 금액 재확인',
        proposedBy: SECRETARY,
        cosignedBy: CHAIR,
        cosignedAt: expect.any(String),
      },
    ]);
    const sheet = minutesSheet(third, {
      version: 1,
      status: 'draft',
      sha256: '0'.repeat(64),
      madeAt: '2023-02-01T09:00:00.000Z',
      madeBy: SECRETARY,
      approvedAt: null,
      approvedBy: null,
    });
    const table = sheet.blocks.find(
      (block) => block.kind === 'table' && block.caption?.includes('공동 서명'),
    );
    expect(table).toMatchObject({
      rows: [
        {
          cells: [
            CLAIM,
            '일부 인정 400,000원',
            '일부 인정 1원',
            '영수증 금액 재확인',
            expect.stringContaining(`${SECRETARY} · ${CHAIR}`),
          ],
        },
      ],
    });
  });
});

describe("the council's decisions are nobody's recommendation", () => {
  it("the chair's confirmations and co-signatures stay out of the chair's recommendation file", () => {
    ws = ledgerWorkspace();
    actAs(ws, SECRETARY);
    const { id } = proposeAmendment(ws, toOne원);
    actAs(ws, CHAIR);
    cosignAmendment(ws, id);
    const chairKey = councilOf(ws).identities.get(CHAIR)!;
    // Every decision the chair recorded here is the council's: nothing of theirs to export.
    expectServiceError(
      () => exportRecommendations(ws!, { batchId: 1, signer: chairKey }),
      'conflict',
    );
    // A view of their own, recorded outside a meeting, is.
    recordDecision(ws, {
      claimId: 'K-2022-000112',
      outcome: 'approve',
      amount: 600_000,
      reasonCodes: [],
      note: '',
      replacesId: ws.db
        .prepare('SELECT max(id) FROM decisions WHERE claim_id = ?')
        .pluck()
        .get('K-2022-000112') as number,
      amendmentReason: '위원장 개인 의견', // follows 김민준's final-looking view
    });
    const { count } = exportRecommendations(ws, { batchId: 1, signer: chairKey });
    expect(count).toBe(1);
  });
});
