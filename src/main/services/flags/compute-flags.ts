import { createHash } from 'node:crypto';
import { descriptionFingerprint } from '../../../shared/domain/description-fingerprint';
import { CLAIM_FLAGS, type ClaimFlag } from '../../../shared/domain/flags';
import type { Tier } from '../../../shared/domain/tier';
import type { Db } from '../../db/connection';
import {
  countFlaggedClaims,
  deleteAllFlags,
  flagInserter,
} from '../../db/repositories/claim-flags';

/**
 * Flags draw a reviewer's eye; they decide nothing. They are recomputed for the whole
 * workspace after every import (a claim in a new batch can share a registration number or a
 * file with one imported months ago), with set-based SQL so a million claims take seconds.
 */

export interface FlagCounts {
  /** Claims with at least one flag. */
  flagged: number;
  /** Claims with each flag. */
  byFlag: Record<ClaimFlag, number>;
}

/**
 * A loss is an outlier above this percentile of its industry's claimed losses, taken over the
 * claims of businesses (small businesses and enterprises) that state both an industry and a loss.
 */
export const LOSS_OUTLIER_PERCENTILE = 99;

/**
 * Fewer peers than this and the industry gets no outlier flag: with a handful of claims the
 * 99th percentile is just the largest value or two, so the flag would fall on whichever claim
 * happens to be biggest in a tiny group rather than on one far above a real distribution.
 * Thirty is the usual rule of thumb for a sample large enough to describe its spread.
 * Even so, about 1% of an eligible industry is above its 99th percentile by construction
 * (in one of 30 to 100 claims, its largest unless tied): the flag ranks, it proves nothing.
 */
export const LOSS_OUTLIER_MIN_PEERS = 30;

/**
 * The council reviews committee_review claims one by one, and those are the claims where a
 * copied story matters. Across the whole batch, the general users' short template texts
 * ("카카오T 이용이 이틀 가까이 안 되어 너무 불편했습니다.") are equal by the thousand and a flag
 * on them would mean nothing, so only this tier is compared.
 */
const DESCRIPTION_TIER: Tier = 'committee_review';

/**
 * Rows go in in primary-key order (ORDER BY claim_id here, a sort in JS for descriptions): the
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
const P = LOSS_OUTLIER_PERCENTILE;
const LOSS_OUTLIER_SQL = `
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
    WHERE n >= ${LOSS_OUTLIER_MIN_PEERS} AND position >= (n - 1) * ${P} / 100
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

/**
 * Equal fingerprints (normalised text: see description-fingerprint.ts) mean near-identical
 * descriptions. Computed in JS over the committee_review claims only, a few per cent of a
 * batch. A shingle similarity (near but not equal texts) was left out: pairwise comparison
 * grows with the square of that tier and the demo's template texts would all pair up anyway.
 * (They already match exactly: the demo's committee_review texts come from a few dozen
 * template variants that differ only in numbers, so nearly all carry this flag; real texts vary.)
 * The stored fingerprint is the SHA-256 of the normalised text: short and fixed in size.
 */
function insertSimilarDescriptionFlags(db: Db): number {
  const groups = new Map<string, string[]>();
  const rows = db
    .prepare('SELECT claim_id, description FROM claims WHERE tier = ?')
    .raw()
    .iterate(DESCRIPTION_TIER) as Iterable<[string, string]>;
  for (const [claimId, description] of rows) {
    const fingerprint = descriptionFingerprint(description);
    if (fingerprint === null) continue;
    const group = groups.get(fingerprint);
    if (group) group.push(claimId);
    else groups.set(fingerprint, [claimId]);
  }
  const flagged: [claimId: string, fingerprint: string][] = [];
  for (const [fingerprint, claimIds] of groups) {
    if (claimIds.length < 2) continue;
    const hash = createHash('sha256').update(fingerprint, 'utf8').digest('hex');
    for (const claimId of claimIds) flagged.push([claimId, hash]);
  }
  flagged.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const insert = flagInserter(db);
  for (const [claimId, fingerprint] of flagged)
    insert({ claimId, flag: 'similar_description', detail: { fingerprint } });
  return flagged.length;
}

/**
 * Replaces every flag in the workspace. Runs inside the caller's transaction when there is one
 * (an import's, so a cancelled import leaves the old flags), else in a transaction of its own.
 */
export function recomputeFlags(db: Db): FlagCounts {
  const recompute = (): FlagCounts => {
    deleteAllFlags(db);
    const byFlag = Object.fromEntries(CLAIM_FLAGS.map((flag) => [flag, 0])) as Record<
      ClaimFlag,
      number
    >;
    byFlag.shared_business_reg_no = db.prepare(SHARED_BUSINESS_REG_NO_SQL).run().changes;
    byFlag.shared_evidence = db.prepare(SHARED_EVIDENCE_SQL).run().changes;
    byFlag.similar_description = insertSimilarDescriptionFlags(db);
    byFlag.loss_outlier = db.prepare(LOSS_OUTLIER_SQL).run().changes;
    return { flagged: countFlaggedClaims(db), byFlag };
  };
  return db.inTransaction ? recompute() : db.transaction(recompute)();
}
