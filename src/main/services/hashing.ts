import type { Claim } from '../../shared/domain/claim';
import { createHash, hash } from 'node:crypto';
import { canonicalJson } from '../../shared/domain/canonical-json';

export function sha256Hex(data: string | Uint8Array): string {
  // The one-shot hash skips creating a Hash object: several times faster for short inputs,
  // which is what an import hashes per claim.
  return typeof data === 'string'
    ? hash('sha256', data, 'hex')
    : createHash('sha256').update(data).digest('hex');
}

/** The hash of a record's canonical JSON: equal records hash equal on every machine. */
export function hashCanonical(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/**
 * The content hash of an imported claim: SHA-256 of its fields as a JSON array in the fixed
 * order of the claim model. Cheaper than canonical JSON of an object, and just as stable,
 * because the order is part of the definition (changing it is a new rule version).
 */
export function hashClaimContent(claim: Claim): string {
  return sha256Hex(
    JSON.stringify([
      claim.claimId,
      claim.receivedAt,
      claim.claimantType,
      claim.affiliate,
      claim.service,
      claim.paid,
      claim.damageType,
      claim.businessRegNo,
      claim.businessName,
      claim.industry,
      claim.claimedLoss,
      claim.description,
      claim.contact,
      claim.evidence,
    ]),
  );
}
