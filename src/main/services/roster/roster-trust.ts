import type { RosterTrust } from '../../../shared/domain/signing/verification-report';
import { verifyRoster, type VerifiedRoster } from './roster';

/**
 * Whether a roster may be trusted given one the auditor pinned. A roster has no authority
 * above it, so the pin is the anchor: the pinned roster itself; a later version that follows
 * it, each step signed by a secretary of the version before (the same check as import, run on
 * `known` rosters as the steps in between); or an earlier one the pinned roster names by hash,
 * directly or through `known` ones (its content was vouched for by whoever signed the pin).
 * Anything else, however alike its names, is 'untrusted'.
 */
export function rosterTrust(
  roster: VerifiedRoster,
  trusted: VerifiedRoster | null,
  known: VerifiedRoster[] = [],
): RosterTrust {
  const base = {
    fingerprint: roster.fingerprint,
    sha256: roster.sha256,
    version: roster.payload.version,
    trustedFingerprint: trusted?.fingerprint ?? null,
  };
  if (!trusted) return { ...base, trust: 'unchecked' };
  if (roster.sha256 === trusted.sha256) return { ...base, trust: 'pinned' };
  const bySha = new Map([...known, trusted, roster].map((r) => [r.sha256, r]));
  return {
    ...base,
    trust:
      follows(roster, trusted, bySha) || follows(trusted, roster, bySha) ? 'chains' : 'untrusted',
  };
}

/** True when `later` reaches `earlier` by previousRosterSha256, each step verified. */
function follows(
  later: VerifiedRoster,
  earlier: VerifiedRoster,
  bySha: Map<string, VerifiedRoster>,
): boolean {
  let current = later;
  for (let steps = 0; steps <= bySha.size; steps++) {
    const previousSha = current.payload.previousRosterSha256;
    if (previousSha === null) return false;
    const previous = bySha.get(previousSha);
    if (!previous) return false;
    try {
      verifyRoster(current.fileText, { previous });
    } catch {
      return false;
    }
    if (previous.sha256 === earlier.sha256) return true;
    current = previous;
  }
  return false;
}
