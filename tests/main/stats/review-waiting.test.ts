import { afterEach, describe, expect, it } from 'vitest';
import { formatStats } from '../../../src/main/cli/text-output';
import {
  cosignAmendment,
  proposeAmendment,
} from '../../../src/main/services/amendments/amendments';
import type { ServiceContext } from '../../../src/main/services/context';
import { batchStats } from '../../../src/main/services/stats/stats';
import { councilDecides, recordView } from '../ledger/support';
import { actAs, CHAIR, councilWorkspace, SECRETARY } from '../meetings/support';

/*
 * The review queue's waiting figure counts the committee_review claims the council has not
 * settled: a member's view outside a meeting decides nothing, a meeting's approve, partial or
 * reject does, an evidence request or a deferral keeps the claim waiting, and an amendment
 * replaces a decision without deciding the claim twice. The sample holds six
 * committee_review claims: 101, 102, 103, 104, 111 and 112.
 */

let ws: ReturnType<typeof councilWorkspace> | undefined;
afterEach(() => ws?.cleanup());

const queue = (ctx: ServiceContext) => {
  const { count, waiting, decided } = batchStats(ctx).reviewQueue;
  return { count, waiting, decided };
};

const approve = (amount: number) => ({ outcome: 'approve' as const, amount, reasonCodes: [] });

describe('the review queue waiting for the council', () => {
  it('drops as the council decides its claims, and only then', () => {
    ws = councilWorkspace();
    expect(queue(ws)).toEqual({ count: 6, waiting: 6, decided: 0 });

    recordView(ws, 'K-2022-000101', 'approve', 620_000);
    expect(queue(ws)).toEqual({ count: 6, waiting: 6, decided: 0 });

    councilDecides(ws, 1, '2022-12-20', [
      { claimId: 'K-2022-000101', motion: approve(620_000), note: '' },
      { claimId: 'K-2022-000102', motion: approve(400_000), note: '' },
      {
        claimId: 'K-2022-000104',
        motion: { outcome: 'request_evidence', amount: null, reasonCodes: [] },
        note: '세금계산서 사본',
      },
    ]);
    // 104's evidence request leaves it waiting, for the evidence.
    expect(queue(ws)).toEqual({ count: 6, waiting: 4, decided: 2 });
    const text = formatStats(batchStats(ws), { byAffiliate: {}, byTier: {} });
    expect(text).toContain('위원회 심사 review queue: 6건');
    expect(text).toContain(
      '심사 대기 waiting (최종 결정 전 not finally decided): 4건, 결정 decided: 2건',
    );

    actAs(ws, SECRETARY);
    const proposal = proposeAmendment(ws, {
      claimId: 'K-2022-000102',
      outcome: 'partial',
      amount: 300_000,
      reasonCodes: ['insufficient_proof'],
      note: '',
      reason: '영수증 금액 재확인',
    });
    actAs(ws, CHAIR);
    cosignAmendment(ws, proposal.id);
    expect(queue(ws)).toEqual({ count: 6, waiting: 4, decided: 2 });

    // A motion voted down is confirmed as a deferral: the claim waits for a later meeting.
    councilDecides(ws, 2, '2023-01-10', [
      { claimId: 'K-2022-000101', motion: approve(500_000), note: '' },
      { claimId: 'K-2022-000103', motion: approve(500_001), note: '' },
      { claimId: 'K-2022-000111', motion: approve(1_000_000), note: '' },
      { claimId: 'K-2022-000112', motion: null, note: '부결, 차기 회의 이월' },
    ]);
    expect(queue(ws)).toEqual({ count: 6, waiting: 2, decided: 4 });
    expect(batchStats(ws, 1).reviewQueue).toMatchObject({ waiting: 2, decided: 4 });
  });
});
