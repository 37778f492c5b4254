import { randomUUID } from 'node:crypto';
import type { ClaimantType, DamageType } from '../../shared/domain/claim';
import { reviewStateOf, type Outcome } from '../../shared/domain/decision';
import { calculateSupport } from '../../shared/domain/support-calculator';
import { FIXED_SUPPORT, type Tier } from '../../shared/domain/tier';
import type { QueueRow } from '../../shared/ipc/review-schemas';
import { flagCodesByClaim } from '../db/repositories/claim-flags';
import { getSetting, setSetting } from '../db/repositories/settings';
import type { ServiceContext } from './context';
import { getPolicy } from './support/policies';

/**
 * One query for the whole grid: the claim, its current decision (the one nothing replaces),
 * its evidence counts and its assignee. Rows come back as arrays, which better-sqlite3 builds
 * noticeably faster than objects for a hundred thousand rows.
 */
const QUEUE_SQL = `
  WITH current AS (
    SELECT d.claim_id, d.outcome, d.amount FROM decisions d
    WHERE NOT EXISTS (SELECT 1 FROM decisions n WHERE n.replaces_id = d.id)
  ),
  ev AS (
    SELECT claim_id, count(*) AS files, sum(status <> 'stored') AS problems
    FROM evidence GROUP BY claim_id
  )
  SELECT c.claim_id, c.batch_id, c.received_at, c.claimant_type, c.affiliate, c.service,
         c.damage_type, c.business_name, c.business_reg_no, c.industry, c.claimed_loss, c.tier,
         cur.outcome, cur.amount, a.assignee, coalesce(ev.files, 0), coalesce(ev.problems, 0)
  FROM claims c
  LEFT JOIN current cur ON cur.claim_id = c.claim_id
  LEFT JOIN ev ON ev.claim_id = c.claim_id
  LEFT JOIN claim_assignments a ON a.claim_id = c.claim_id
  ORDER BY c.received_at, c.claim_id`;

type QueueSqlRow = [
  claimId: string,
  batchId: number,
  receivedAt: string,
  claimantType: ClaimantType,
  affiliate: string,
  service: string,
  damageType: DamageType,
  businessName: string | null,
  businessRegNo: string | null,
  industry: string | null,
  claimedLoss: number | null,
  tier: Tier,
  outcome: Outcome | null,
  amount: number | null,
  assignee: string | null,
  evidenceCount: number,
  evidenceProblems: number,
];

/** A stable id for this workspace, so the renderer can remember a grid layout per workspace. */
export function workspaceId(ctx: ServiceContext): string {
  const existing = getSetting(ctx.db, 'workspace_id');
  if (existing !== null) return existing;
  const made = randomUUID();
  setSetting(ctx.db, 'workspace_id', made);
  return made;
}

/** Every claim as a grid row, with the support it would get under the latest policy. */
export function listQueue(ctx: ServiceContext): {
  rows: QueueRow[];
  policyVersion: number;
  workspaceId: string;
} {
  const policy = getPolicy(ctx);
  const flags = flagCodesByClaim(ctx.db);
  const sqlRows = ctx.db.prepare(QUEUE_SQL).raw().all() as QueueSqlRow[];
  const rows = sqlRows.map((r): QueueRow => {
    const [
      claimId,
      batchId,
      receivedAt,
      claimantType,
      affiliate,
      service,
      damageType,
      businessName,
      businessRegNo,
      industry,
      claimedLoss,
      tier,
      outcome,
      amount,
      assignee,
      evidenceCount,
      evidenceProblems,
    ] = r;
    const calculatedSupport =
      tier === 'committee_review'
        ? calculateSupport(policy, { industry, service }, claimedLoss ?? 0).recommended
        : (FIXED_SUPPORT[tier] ?? null);
    return {
      claimId,
      batchId,
      receivedAt,
      claimantType,
      affiliate,
      service,
      damageType,
      businessName,
      businessRegNo,
      industry,
      claimedLoss,
      tier,
      reviewState: reviewStateOf(outcome === null ? null : { outcome }),
      calculatedSupport,
      decidedAmount: amount,
      assignee,
      flags: flags.get(claimId) ?? [],
      evidenceCount,
      evidenceProblems,
    };
  });
  return { rows, policyVersion: policy.version, workspaceId: workspaceId(ctx) };
}
