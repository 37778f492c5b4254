import { CLAIM_FLAGS, type ClaimFlag, type ClaimFlagDetail } from '../../../shared/domain/flags';
import type { Tier } from '../../../shared/domain/tier';
import type { Db } from '../connection';

/**
 * Flags are derived data: recomputed for the whole workspace after every write that changes
 * claims or evidence, so the table is emptied and refilled rather than amended.
 *
 * A row's detail holds only what cannot be read back from the claims themselves: the loss
 * threshold, and the description fingerprint that groups near-identical texts. The claims
 * related to a flag are looked up when asked for (one claim at a time, by index), so a file
 * shared by ten thousand claims costs nothing at import time.
 */
export interface StoredFlagDetail {
  /** loss_outlier: the industry's 99th percentile of claimed loss (KRW) the claim is above. */
  threshold?: number;
  industry?: string;
  /** loss_outlier: how many claims of the industry the percentile was taken over. */
  peers?: number;
  /** similar_description: SHA-256 (hex) of the normalised description. */
  fingerprint?: string;
}

export interface FlagRow {
  claimId: string;
  flag: ClaimFlag;
  detail: StoredFlagDetail;
}

/** How many other claims a flag's detail lists. */
export const RELATED_CLAIMS_LIMIT = 20;

export function deleteAllFlags(db: Db): void {
  db.prepare('DELETE FROM claim_flags').run();
}

/** Prepared once, run per row. */
export function flagInserter(db: Db): (row: FlagRow) => void {
  const statement = db.prepare('INSERT INTO claim_flags (claim_id, flag, detail) VALUES (?, ?, ?)');
  return (row) => statement.run(row.claimId, row.flag, JSON.stringify(row.detail));
}

/** Empties the table and writes these rows instead; call it inside the caller's transaction. */
export function replaceAllFlags(db: Db, rows: Iterable<FlagRow>): number {
  deleteAllFlags(db);
  const insert = flagInserter(db);
  let count = 0;
  for (const row of rows) {
    insert(row);
    count += 1;
  }
  return count;
}

export function countFlagsByCode(db: Db): Record<ClaimFlag, number> {
  const counts = Object.fromEntries(CLAIM_FLAGS.map((flag) => [flag, 0])) as Record<
    ClaimFlag,
    number
  >;
  const rows = db.prepare('SELECT flag, count(*) AS n FROM claim_flags GROUP BY flag').all() as {
    flag: ClaimFlag;
    n: number;
  }[];
  for (const { flag, n } of rows) counts[flag] = n;
  return counts;
}

export function countFlaggedClaims(db: Db): number {
  return db.prepare('SELECT count(DISTINCT claim_id) FROM claim_flags').pluck().get() as number;
}

const flagOrder = (a: ClaimFlag, b: ClaimFlag) => CLAIM_FLAGS.indexOf(a) - CLAIM_FLAGS.indexOf(b);

/** Every flagged claim's flag codes, in CLAIM_FLAGS order: the grid shows them all at once. */
export function flagCodesByClaim(db: Db, claimIds?: readonly string[]): Map<string, ClaimFlag[]> {
  const byClaim = new Map<string, ClaimFlag[]>();
  if (claimIds?.length === 0) return byClaim;
  const only = claimIds ? ` WHERE claim_id IN (${claimIds.map(() => '?').join(', ')})` : '';
  const rows = db
    .prepare(`SELECT claim_id, flag FROM claim_flags${only}`)
    .raw()
    .iterate(...(claimIds ?? [])) as Iterable<[string, ClaimFlag]>;
  for (const [claimId, flag] of rows) {
    const codes = byClaim.get(claimId);
    if (codes) codes.push(flag);
    else byClaim.set(claimId, [flag]);
  }
  for (const codes of byClaim.values()) if (codes.length > 1) codes.sort(flagOrder);
  return byClaim;
}

/**
 * The other claims behind each kind of flag, first RELATED_CLAIMS_LIMIT by id. Each query
 * starts from the one claim and follows an index (claims_by_business, evidence_by_hash,
 * claim_flags' primary key and claim_flags_by_flag).
 */
const RELATED_SQL: Record<Exclude<ClaimFlag, 'loss_outlier'>, string> = {
  shared_business_reg_no: `
    SELECT other.claim_id FROM claims AS own
    JOIN claims AS other
      ON other.business_reg_no = own.business_reg_no AND other.claim_id <> own.claim_id
    WHERE own.claim_id = @claimId
    ORDER BY other.claim_id LIMIT @limit`,
  shared_evidence: `
    SELECT DISTINCT other.claim_id FROM evidence AS own
    JOIN evidence AS other
      ON other.sha256 = own.sha256 AND other.status = 'stored' AND other.claim_id <> own.claim_id
    WHERE own.claim_id = @claimId AND own.status = 'stored'
    ORDER BY other.claim_id LIMIT @limit`,
  similar_description: `
    SELECT claim_id FROM claim_flags
    WHERE flag = 'similar_description' AND claim_id <> @claimId
      AND detail ->> '$.fingerprint' = @fingerprint
    ORDER BY claim_id LIMIT @limit`,
};

/** One claim's flags with the claims related to each, in CLAIM_FLAGS order; [] when unflagged. */
export function flagsForClaim(db: Db, claimId: string): ClaimFlagDetail[] {
  const rows = db
    .prepare('SELECT flag, detail FROM claim_flags WHERE claim_id = ?')
    .all(claimId) as { flag: ClaimFlag; detail: string }[];
  return rows
    .sort((a, b) => flagOrder(a.flag, b.flag))
    .map(({ flag, detail: json }) => {
      const detail = JSON.parse(json) as StoredFlagDetail;
      const relatedClaimIds =
        flag === 'loss_outlier'
          ? []
          : (db
              .prepare(RELATED_SQL[flag])
              .pluck()
              .all({
                claimId,
                limit: RELATED_CLAIMS_LIMIT,
                fingerprint: detail.fingerprint ?? null,
              }) as string[]);
      return { flag, relatedClaimIds, threshold: detail.threshold ?? null };
    });
}

/*
 * The set-based flags, recomputed by services/flags/compute-flags.ts (recomputeFlags). Rows go
 * in in primary-key order (ORDER BY claim_id here, a sort in JS for descriptions there): the
 * inserts then append to the b-tree instead of splitting pages, nearly twice as fast.
 */
const SHARED_BUSINESS_REG_NO_SQL = `
  INSERT INTO claim_flags (claim_id, flag)
  SELECT claim_id, 'shared_business_reg_no' FROM claims
  WHERE business_reg_no IN (
    SELECT business_reg_no FROM claims
    WHERE business_reg_no IS NOT NULL
    GROUP BY business_reg_no HAVING count(*) > 1)
  ORDER BY claim_id`;

/**
 * Only stored files have a hash. "Different claims": one claim naming the same file twice is
 * not shared evidence, hence min <> max rather than count(*) > 1.
 */
const SHARED_EVIDENCE_SQL = `
  INSERT INTO claim_flags (claim_id, flag)
  SELECT DISTINCT claim_id, 'shared_evidence' FROM evidence
  WHERE status = 'stored' AND sha256 IN (
    SELECT sha256 FROM evidence
    WHERE status = 'stored' AND sha256 IS NOT NULL
    GROUP BY sha256 HAVING min(claim_id) <> max(claim_id))
  ORDER BY claim_id`;

/**
 * The percentile is interpolated between the two nearest ranks (Excel's PERCENTILE.INC, which
 * a secretary can reproduce in a spreadsheet): with nearest-rank, any industry under 100 claims
 * would have its maximum as the 99th percentile and nothing could ever lie above it.
 * For n sorted losses x[0..n-1], k = floor((n - 1) * p / 100) and the threshold is
 * x[k] + frac * (x[k + 1] - x[k]). Everything stays integer KRW: frac is (n - 1) * p % 100
 * hundredths and the threshold is floored, which flags exactly the same integer losses as the
 * exact value would (loss > t  <=>  loss > floor(t)). n >= 30 guarantees k + 1 <= n - 1.
 *
 * One sort of the industry's losses (both windows share it) and only the rows from rank k up
 * are kept: the two neighbours and every loss that can lie above them, about 1% of the peers.
 * The constants are written into the text, not bound: better-sqlite3 binds a JS number as a
 * REAL, which would turn the integer rank arithmetic into fractions.
 */
const lossOutlierSql = (P: number, minPeers: number) => `
  INSERT INTO claim_flags (claim_id, flag, detail)
  WITH top AS MATERIALIZED (
    SELECT claim_id, industry, claimed_loss, position, n, (n - 1) * ${P} / 100 AS k
    FROM (
      SELECT claim_id, industry, claimed_loss,
             row_number() OVER by_loss - 1 AS position,
             count(*) OVER by_loss AS n
      FROM claims
      WHERE claimant_type IN ('small_business', 'enterprise')
        AND claimed_loss IS NOT NULL AND industry IS NOT NULL
      WINDOW by_loss AS (PARTITION BY industry ORDER BY claimed_loss
                         ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    )
    WHERE n >= ${minPeers} AND position >= (n - 1) * ${P} / 100
  ),
  neighbours AS (
    SELECT industry, n, (n - 1) * ${P} % 100 AS hundredths,
           max(CASE WHEN position = k THEN claimed_loss END) AS below,
           max(CASE WHEN position = k + 1 THEN claimed_loss END) AS above
    FROM top GROUP BY industry
  ),
  thresholds AS (
    SELECT industry, n, below + hundredths * (above - below) / 100 AS threshold FROM neighbours
  )
  SELECT top.claim_id, 'loss_outlier',
         json_object('threshold', thresholds.threshold, 'industry', thresholds.industry,
                     'peers', thresholds.n)
  FROM top JOIN thresholds ON thresholds.industry = top.industry
  WHERE top.claimed_loss > thresholds.threshold`;

/** Flags every claim whose business registration number another claim also gives. */
export function insertSharedBusinessRegNoFlags(db: Db): number {
  return db.prepare(SHARED_BUSINESS_REG_NO_SQL).run().changes;
}

/** Flags every claim with a stored file whose content another claim also holds. */
export function insertSharedEvidenceFlags(db: Db): number {
  return db.prepare(SHARED_EVIDENCE_SQL).run().changes;
}

/**
 * Flags the claims above their industry's `percentile` (integer) of claimed losses, in
 * industries of at least `minPeers` such claims.
 */
export function insertLossOutlierFlags(db: Db, percentile: number, minPeers: number): number {
  if (!Number.isSafeInteger(percentile) || !Number.isSafeInteger(minPeers))
    throw new Error('the loss outlier percentile and minimum peers are whole numbers');
  return db.prepare(lossOutlierSql(percentile, minPeers)).run().changes;
}

/** Each claim of a tier with its description, as [claimId, description], read lazily. */
export function iterateDescriptionsOfTier(
  db: Db,
  tier: Tier,
): Iterable<[claimId: string, description: string]> {
  return db
    .prepare('SELECT claim_id, description FROM claims WHERE tier = ?')
    .raw()
    .iterate(tier) as Iterable<[string, string]>;
}
