import type { Db } from '../connection';

/** How many claims share one claimant type, damage type and tier. */
export interface ClaimCountRow {
  tier: string;
  claimantType: string;
  damageType: string;
  n: number;
}

export const CLAIM_COUNTS_SQL = `
  SELECT claimant_type AS claimantType, damage_type AS damageType, tier, count(*) AS n
  FROM claims
  WHERE (@batchId IS NULL OR batch_id = @batchId)
  GROUP BY claimant_type, damage_type, tier`;

/**
 * Claims per claimant type, damage type and tier, for one batch or (no batchId) the whole
 * workspace: at most 54 rows, from which every count of the council's figures adds up. One pass
 * along claims_for_stats (migration 021), in its order: no table row read, nothing sorted.
 */
export function countClaimsByKindAndTier(db: Db, batchId?: number): ClaimCountRow[] {
  return db.prepare(CLAIM_COUNTS_SQL).all({ batchId: batchId ?? null }) as ClaimCountRow[];
}
