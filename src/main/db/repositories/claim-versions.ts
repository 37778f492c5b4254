import type { Claim } from '../../../shared/domain/claim';
import type { Tier } from '../../../shared/domain/tier';
import type { Db } from '../connection';

/*
 * The versions of a claim (migration 017). The claims row is the current version; this table
 * holds every version of a claim that was ever corrected or re-tiered, from the one imported.
 */

export type TierBasis = 'rule' | 'appeal';

export interface ClaimVersion {
  claimId: string;
  version: number;
  /** The claim's fields as they stood in this version (evidence: the batch's file names). */
  content: Claim;
  contentHash: string;
  tier: Tier;
  tierRuleVersion: number;
  tierBasis: TierBasis;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

type VersionRow = Omit<ClaimVersion, 'content'> & { content: string };

const VERSION_COLUMNS = `claim_id AS claimId, version, content, content_hash AS contentHash, tier,
  tier_rule_version AS tierRuleVersion, tier_basis AS tierBasis, reason,
  recorded_by AS recordedBy, recorded_at AS recordedAt`;

function decode(row: VersionRow): ClaimVersion {
  return { ...row, content: JSON.parse(row.content) as Claim };
}

export function insertClaimVersion(db: Db, version: ClaimVersion): void {
  db.prepare(
    `INSERT INTO claim_versions (claim_id, version, content, content_hash, tier, tier_rule_version,
       tier_basis, reason, recorded_by, recorded_at)
     VALUES (@claimId, @version, @content, @contentHash, @tier, @tierRuleVersion, @tierBasis,
       @reason, @recordedBy, @recordedAt)`,
  ).run({ ...version, content: JSON.stringify(version.content) });
}

/** Oldest first; empty for a claim that was never corrected (its claims row is its only version). */
export function listClaimVersions(db: Db, claimId: string): ClaimVersion[] {
  return (
    db
      .prepare(`SELECT ${VERSION_COLUMNS} FROM claim_versions WHERE claim_id = ? ORDER BY version`)
      .all(claimId) as VersionRow[]
  ).map(decode);
}

/** The version of `claimId` whose content had this hash, latest first if several did. */
export function findClaimVersionByHash(
  db: Db,
  claimId: string,
  contentHash: string,
): ClaimVersion | undefined {
  const row = db
    .prepare(
      `SELECT ${VERSION_COLUMNS} FROM claim_versions
       WHERE claim_id = ? AND content_hash = ? ORDER BY version DESC LIMIT 1`,
    )
    .get(claimId, contentHash) as VersionRow | undefined;
  return row ? decode(row) : undefined;
}

/** The claim's current version number (1 for a claim never corrected). */
export function currentClaimVersion(db: Db, claimId: string): number | undefined {
  return db.prepare('SELECT version FROM claims WHERE claim_id = ?').pluck().get(claimId) as
    number | undefined;
}

/**
 * Makes `version` (already written to claim_versions) the claim's current one. The trigger of
 * migration 017 refuses anything else, including a version that skips a number.
 */
export function applyClaimVersion(db: Db, version: ClaimVersion): void {
  const c = version.content;
  db.prepare(
    `UPDATE claims SET version = @version, received_at = @receivedAt, claimant_type = @claimantType,
       affiliate = @affiliate, service = @service, paid = @paid, damage_type = @damageType,
       business_reg_no = @businessRegNo, business_name = @businessName, industry = @industry,
       claimed_loss = @claimedLoss, description = @description, contact = @contact, tier = @tier,
       tier_rule_version = @tierRuleVersion, content_hash = @contentHash
     WHERE claim_id = @claimId`,
  ).run({
    claimId: version.claimId,
    version: version.version,
    receivedAt: c.receivedAt,
    claimantType: c.claimantType,
    affiliate: c.affiliate,
    service: c.service,
    paid: c.paid ? 1 : 0,
    damageType: c.damageType,
    businessRegNo: c.businessRegNo,
    businessName: c.businessName,
    industry: c.industry,
    claimedLoss: c.claimedLoss,
    description: c.description,
    contact: c.contact,
    tier: version.tier,
    tierRuleVersion: version.tierRuleVersion,
    contentHash: version.contentHash,
  });
}

/** The file names the claim's batch gave it, in order: part of its hashed content. */
export function batchEvidenceNames(db: Db, claimId: string): string[] {
  return db
    .prepare(
      `SELECT file_name FROM evidence WHERE claim_id = ? AND arrival_id IS NULL ORDER BY position`,
    )
    .pluck()
    .all(claimId) as string[];
}

/** Who imported the claim's batch and when: version 1's author. */
export function importOf(db: Db, claimId: string): { by: string; at: string } {
  return db
    .prepare(
      `SELECT b.imported_by AS by, b.imported_at AS at
       FROM claims c JOIN batches b ON b.id = c.batch_id WHERE c.claim_id = ?`,
    )
    .get(claimId) as { by: string; at: string };
}

/** A claim's current version and content hash, for checking what a signed file names. */
export function currentClaimHashLookup(
  db: Db,
): (claimId: string) => { version: number; contentHash: string } | undefined {
  const statement = db.prepare(
    'SELECT version, content_hash AS contentHash FROM claims WHERE claim_id = ?',
  );
  return (claimId) =>
    statement.get(claimId) as { version: number; contentHash: string } | undefined;
}
