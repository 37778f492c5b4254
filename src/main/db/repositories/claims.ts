import type { Claim, ClaimantType, DamageType } from '../../../shared/domain/claim';
import {
  OUTCOMES,
  reviewStateOf,
  stateAfter,
  type Outcome,
  type ReviewState,
} from '../../../shared/domain/decision';
import type { Tier } from '../../../shared/domain/tier';
import type { Db } from '../connection';
import { councilDecisionIdOf } from './council-decision';

export interface StoredClaim extends Omit<Claim, 'evidence'> {
  batchId: number;
  sourceRow: number;
  tier: Tier;
  tierRuleVersion: number;
  contentHash: string;
  /** The claim's current version (migration 017); absent on a claim not yet stored. */
  version?: number;
}

export interface ClaimListRow {
  claimId: string;
  batchId: number;
  receivedAt: string;
  claimantType: ClaimantType;
  affiliate: string;
  service: string;
  damageType: DamageType;
  businessName: string | null;
  industry: string | null;
  claimedLoss: number | null;
  tier: Tier;
  reviewState: ReviewState;
  evidenceCount: number;
}

export interface ClaimFilter {
  tier?: Tier;
  reviewState?: ReviewState;
  limit?: number;
}

/**
 * Prepared once, run per row: imports insert claims by the hundred thousand, and positional
 * parameters bind noticeably faster than named ones.
 */
export function claimInserter(db: Db): (claim: StoredClaim) => boolean {
  // A claim id already present is left alone (never overwritten): the caller learns it from
  // the return value, which saves a lookup per row in the common case of a new claim.
  const statement = db.prepare(
    `INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate, service,
       paid, damage_type, business_reg_no, business_name, industry, claimed_loss, description, contact,
       tier, tier_rule_version, content_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (claim_id) DO NOTHING`,
  );
  return (c) =>
    statement.run(
      c.claimId,
      c.batchId,
      c.sourceRow,
      c.receivedAt,
      c.claimantType,
      c.affiliate,
      c.service,
      c.paid ? 1 : 0,
      c.damageType,
      c.businessRegNo,
      c.businessName,
      c.industry,
      c.claimedLoss,
      c.description,
      c.contact,
      c.tier,
      c.tierRuleVersion,
      c.contentHash,
    ).changes === 1;
}

/**
 * A claim as an import prepares it, every column of its row but the batch's id (not known to
 * the thread that prepares rows), in this order. A flat array crosses from the preparing worker
 * thread far cheaper than an object with named fields.
 */
export type ClaimInsertValues = [
  claimId: string,
  sourceRow: number,
  receivedAt: string,
  claimantType: Claim['claimantType'],
  affiliate: string,
  service: string,
  paid: 0 | 1,
  damageType: Claim['damageType'],
  businessRegNo: string | null,
  businessName: string | null,
  industry: string | null,
  claimedLoss: number | null,
  description: string,
  contact: string | null,
  tier: Tier,
  tierRuleVersion: number,
  contentHash: string,
];

/** Like claimInserter, for prepared values; false when the claim id is already present. */
export function claimValuesInserter(
  db: Db,
  batchId: number,
): (values: Readonly<ClaimInsertValues>) => boolean {
  const statement = db.prepare(
    `INSERT INTO claims (batch_id, claim_id, source_row, received_at, claimant_type, affiliate, service,
       paid, damage_type, business_reg_no, business_name, industry, claimed_loss, description, contact,
       tier, tier_rule_version, content_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (claim_id) DO NOTHING`,
  );
  return (values) => statement.run(batchId, ...values).changes === 1;
}

export function insertClaim(db: Db, claim: StoredClaim): void {
  if (!claimInserter(db)(claim)) throw new Error(`claim ${claim.claimId} already exists`);
}

/** The batch that already holds a claim id, if any. */
export function claimBatchLookup(db: Db): (claimId: string) => number | undefined {
  const statement = db.prepare('SELECT batch_id AS batchId FROM claims WHERE claim_id = ?').pluck();
  return (claimId) => statement.get(claimId) as number | undefined;
}

/** The outcome of the latest decision of each claim: the one nothing replaces. */
const CURRENT_OUTCOME = `(
  SELECT d.outcome FROM decisions d
  WHERE d.claim_id = c.claim_id
    AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.replaces_id = d.id)
)`;

interface ListRow extends Omit<ClaimListRow, 'reviewState'> {
  currentOutcome: Outcome | null;
}

/** The outcome that leaves a claim in a given review state (undecided: none). */
const OUTCOME_FOR_STATE = Object.fromEntries(
  OUTCOMES.map((outcome) => [stateAfter(outcome), outcome]),
) as Partial<Record<ReviewState, Outcome>>;

export function listClaims(
  db: Db,
  filter: ClaimFilter = {},
): { rows: ClaimListRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.tier) {
    where.push('c.tier = @tier');
    params.tier = filter.tier;
  }
  if (filter.reviewState) {
    where.push(`coalesce(${CURRENT_OUTCOME}, '') = @outcome`);
    params.outcome = OUTCOME_FOR_STATE[filter.reviewState] ?? '';
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    db.prepare(`SELECT count(*) AS n FROM claims c ${whereSql}`).get(params) as { n: number }
  ).n;
  const rows = db
    .prepare(
      `SELECT c.claim_id AS claimId, c.batch_id AS batchId, c.received_at AS receivedAt,
              c.claimant_type AS claimantType, c.affiliate, c.service, c.damage_type AS damageType,
              c.business_name AS businessName, c.industry, c.claimed_loss AS claimedLoss, c.tier,
              (SELECT count(*) FROM evidence e WHERE e.claim_id = c.claim_id) AS evidenceCount,
              ${CURRENT_OUTCOME} AS currentOutcome
       FROM claims c ${whereSql}
       ORDER BY c.received_at, c.claim_id
       LIMIT @limit`,
    )
    .all({ ...params, limit: filter.limit ?? -1 }) as ListRow[];
  const claims = rows.map(({ currentOutcome, ...row }) => ({
    ...row,
    reviewState: reviewStateOf(currentOutcome ? { outcome: currentOutcome } : null),
  }));
  return { rows: claims, total };
}

/** The columns as StoredClaim names them; paid stays 0/1 until decoded. */
const CLAIM_COLUMNS = `claim_id AS claimId, batch_id AS batchId, source_row AS sourceRow,
  received_at AS receivedAt, claimant_type AS claimantType, affiliate, service, paid,
  damage_type AS damageType, business_reg_no AS businessRegNo, business_name AS businessName,
  industry, claimed_loss AS claimedLoss, description, contact, tier,
  tier_rule_version AS tierRuleVersion, content_hash AS contentHash, version`;

type ClaimRow = Omit<StoredClaim, 'paid'> & { paid: number };

function decode(row: ClaimRow): StoredClaim {
  return { ...row, paid: row.paid === 1 };
}

export function getClaim(db: Db, claimId: string): StoredClaim | undefined {
  const row = db.prepare(`SELECT ${CLAIM_COLUMNS} FROM claims WHERE claim_id = ?`).get(claimId) as
    ClaimRow | undefined;
  return row ? decode(row) : undefined;
}

export interface ClaimCounts {
  claims: number;
  reviewQueue: number;
  reviewQueueClaimedTotal: number;
  decided: number;
}

export function countClaims(db: Db): ClaimCounts {
  return db
    .prepare(
      `SELECT count(*) AS claims,
              coalesce(sum(tier = 'committee_review'), 0) AS reviewQueue,
              coalesce(sum(CASE WHEN tier = 'committee_review' THEN claimed_loss END), 0) AS reviewQueueClaimedTotal,
              (SELECT count(DISTINCT claim_id) FROM decisions) AS decided
       FROM claims`,
    )
    .get() as ClaimCounts;
}

export function countAllClaims(db: Db): number {
  return db.prepare('SELECT count(*) FROM claims').pluck().get() as number;
}

/** Whether the workspace holds any claim at all. */
export function hasAnyClaim(db: Db): boolean {
  return db.prepare('SELECT 1 FROM claims LIMIT 1').get() !== undefined;
}

/** Prepared once, run per id: whether a claim id exists. */
export function claimExistence(db: Db): (claimId: string) => boolean {
  const statement = db.prepare('SELECT 1 FROM claims WHERE claim_id = ?').pluck();
  return (claimId) => statement.get(claimId) !== undefined;
}

/** The committee_review claims and what they claim in all, for one batch or the workspace. */
export function reviewQueueTotals(
  db: Db,
  batchId?: number,
): { count: number; totalClaimed: number } {
  const where = batchId === undefined ? '' : 'WHERE batch_id = @batchId';
  const params = batchId === undefined ? {} : { batchId };
  return db
    .prepare(
      `SELECT count(*) AS count, coalesce(sum(claimed_loss), 0) AS totalClaimed FROM claims
       ${where ? `${where} AND` : 'WHERE'} tier = 'committee_review'`,
    )
    .get(params) as { count: number; totalClaimed: number };
}

/**
 * The committee_review claims the council has decided and those still waiting for it. Decided
 * means the claim's latest council decision settles it (approve, partial or reject): a deferral
 * or an evidence request keeps it waiting, and a member's view outside a meeting decides
 * nothing. An amendment replaces a council decision with another, so the claim counts once.
 */
export function reviewQueueDecisionCounts(
  db: Db,
  batchId?: number,
): { waiting: number; decided: number } {
  return db
    .prepare(
      `SELECT coalesce(sum(NOT decided), 0) AS waiting, coalesce(sum(decided), 0) AS decided
       FROM (SELECT coalesce((SELECT d.outcome IN ('approve', 'partial', 'reject') FROM decisions d
                              WHERE d.id = ${councilDecisionIdOf('c.claim_id')}), 0) AS decided
             FROM claims c
             WHERE c.tier = 'committee_review' AND (@batchId IS NULL OR c.batch_id = @batchId))`,
    )
    .get({ batchId: batchId ?? null }) as { waiting: number; decided: number };
}

/** Prepared once, run per claim id: the claim's batch and content hash, if it exists. */
export function claimHashLookup(
  db: Db,
): (claimId: string) => { batchId: number; hash: string } | undefined {
  const statement = db.prepare(
    'SELECT batch_id AS batchId, content_hash AS hash FROM claims WHERE claim_id = ?',
  );
  return (claimId) => statement.get(claimId) as { batchId: number; hash: string } | undefined;
}

/** What the minutes show of a claim. */
export interface MinutesClaimRow {
  businessName: string | null;
  tier: Tier;
  claimedLoss: number | null;
}

/** Prepared once, run per agenda item: what the minutes show of a claim (undefined if none). */
export function minutesClaimLookup(db: Db): (claimId: string) => MinutesClaimRow | undefined {
  const statement = db.prepare(
    'SELECT business_name AS businessName, tier, claimed_loss AS claimedLoss FROM claims WHERE claim_id = ?',
  );
  return (claimId) => statement.get(claimId) as MinutesClaimRow | undefined;
}
