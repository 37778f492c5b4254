import type { Claim } from '../../../shared/domain/claim';
import { classifyTier, TIER_RULE_VERSION, type Tier } from '../../../shared/domain/tier';
import type { Db } from '../../db/connection';
import { getClaim, type StoredClaim } from '../../db/repositories/claims';
import {
  applyClaimVersion,
  batchEvidenceNames,
  importOf,
  insertClaimVersion,
  listClaimVersions,
  type ClaimVersion,
  type TierBasis,
} from '../../db/repositories/claim-versions';
import { refreshDerivedData } from '../derived-data';
import { ServiceError } from '../errors';
import { hashClaimContent } from '../hashing';

/** A claim's content as hashed: its fields and the file names its batch gave it. */
export function contentOf(db: Db, stored: StoredClaim): Claim {
  return {
    claimId: stored.claimId,
    receivedAt: stored.receivedAt,
    claimantType: stored.claimantType,
    affiliate: stored.affiliate,
    service: stored.service,
    paid: stored.paid,
    damageType: stored.damageType,
    businessRegNo: stored.businessRegNo,
    businessName: stored.businessName,
    industry: stored.industry,
    claimedLoss: stored.claimedLoss,
    description: stored.description,
    contact: stored.contact,
    evidence: batchEvidenceNames(db, stored.claimId),
  };
}

export interface NewVersion {
  claimId: string;
  /** The content of the new version; the current content when only the tier changes. */
  content?: Claim;
  /** 'appeal' puts the claim to council review whatever the rule says of its data. */
  tierBasis?: TierBasis;
  reason: string;
  by: string;
  at: string;
}

export interface VersionChange {
  claimId: string;
  from: ClaimVersion;
  to: ClaimVersion;
}

/**
 * The tier of a version: council review once an appeal was admitted (it stays so through later
 * corrections), else the rule's tier on the version's data.
 */
function tierFor(content: Claim, basis: TierBasis): Tier {
  return basis === 'appeal' ? 'committee_review' : classifyTier(content);
}

/**
 * Writes the claim's next version and makes it current, inside the caller's transaction: the
 * imported version first if the claim had none recorded, then the new one, then the derived
 * data (flags, support) that read the claim. The caller audits it.
 */
export function recordClaimVersion(db: Db, change: NewVersion): VersionChange {
  const stored = getClaim(db, change.claimId);
  if (!stored) throw new ServiceError('not_found', `no claim ${change.claimId}`);
  const versions = listClaimVersions(db, change.claimId);
  let from = versions.at(-1);
  if (!from) {
    const imported = importOf(db, change.claimId);
    from = {
      claimId: stored.claimId,
      version: 1,
      content: contentOf(db, stored),
      // The hash as imported, which signed files name, even if recomputing would differ.
      contentHash: stored.contentHash,
      tier: stored.tier,
      tierRuleVersion: stored.tierRuleVersion,
      tierBasis: 'rule',
      reason: 'imported',
      recordedBy: imported.by,
      recordedAt: imported.at,
    };
    insertClaimVersion(db, from);
  }
  const content = change.content ?? from.content;
  const tierBasis = change.tierBasis ?? from.tierBasis;
  const to: ClaimVersion = {
    claimId: stored.claimId,
    version: from.version + 1,
    content,
    contentHash: change.content ? hashClaimContent(content) : from.contentHash,
    tier: tierFor(content, tierBasis),
    tierRuleVersion: TIER_RULE_VERSION,
    tierBasis,
    reason: change.reason,
    recordedBy: change.by,
    recordedAt: change.at,
  };
  insertClaimVersion(db, to);
  applyClaimVersion(db, to);
  refreshDerivedData(db);
  return { claimId: stored.claimId, from, to };
}
