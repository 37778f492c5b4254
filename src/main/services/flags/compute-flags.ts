import { createHash } from 'node:crypto';
import { descriptionFingerprint } from '../../../shared/domain/description-fingerprint';
import { CLAIM_FLAGS, type ClaimFlag } from '../../../shared/domain/flags';
import type { Tier } from '../../../shared/domain/tier';
import type { Db } from '../../db/connection';
import {
  countFlaggedClaims,
  deleteAllFlags,
  flagInserter,
  insertLossOutlierFlags,
  insertSharedBusinessRegNoFlags,
  insertSharedEvidenceFlags,
  iterateDescriptionsOfTier,
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
  const rows = iterateDescriptionsOfTier(db, DESCRIPTION_TIER);
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
    byFlag.shared_business_reg_no = insertSharedBusinessRegNoFlags(db);
    byFlag.shared_evidence = insertSharedEvidenceFlags(db);
    byFlag.similar_description = insertSimilarDescriptionFlags(db);
    byFlag.loss_outlier = insertLossOutlierFlags(
      db,
      LOSS_OUTLIER_PERCENTILE,
      LOSS_OUTLIER_MIN_PEERS,
    );
    return { flagged: countFlaggedClaims(db), byFlag };
  };
  return db.inTransaction ? recompute() : db.transaction(recompute)();
}
