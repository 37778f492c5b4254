import { formatFingerprint } from '../../../shared/domain/signing/fingerprint';
import type { ActingPersonDto } from '../../../shared/ipc/people-schemas';
import type { PersonRole } from '../../../shared/ipc/review-schemas';
import { upsertRosterPerson } from '../../db/repositories/people';
import type { Db } from '../../db/connection';
import type { ServiceContext } from '../context';
import { actAs, requireRole, stopActing, type ActingPerson } from '../identity/acting';
import { unlockKeyFile, type UnlockSecrets } from '../identity';
import { latestRoster, type VerifiedRoster } from '../roster';

/**
 * The council's people are the members of the roster in force, each known by their key. Who
 * acts at this machine is whoever unlocked their key here: the roster gives their name and
 * role, so nobody becomes the chair by choosing a name.
 */
export function listPeople(ctx: ServiceContext) {
  const roster = latestRoster(ctx.db);
  return {
    people: (roster?.payload.members ?? []).map((m) => ({
      name: m.name,
      role: m.role,
      // The kid is the key's SHA-256 thumbprint; the fingerprint is the same digest for people.
      fingerprint: formatFingerprint(Buffer.from(m.kid, 'base64url').toString('hex')),
    })),
    rosterVersion: roster?.payload.version ?? null,
    current: actingDto(ctx.acting),
  };
}

function actingDto(acting: ActingPerson | null): ActingPersonDto | null {
  return acting && { name: acting.name, role: acting.role, fingerprint: acting.fingerprint };
}

/** Unlocks a key file and makes its holder the person acting here (see actAs). */
export function unlockPerson(
  ctx: ServiceContext,
  keyFile: string,
  secrets: UnlockSecrets,
): { current: ActingPersonDto } {
  return { current: actingDto(actAs(ctx, unlockKeyFile(keyFile, secrets)))! };
}

export function lockPerson(ctx: ServiceContext): { current: null } {
  stopActing(ctx);
  return { current: null };
}

/**
 * Votes, attendance and assignments name people, so each roster member has a row in people,
 * with the role and key of the roster just imported. Rows of people no longer on the roster
 * stay (older votes name them) but are not listed.
 */
export function syncPeopleWithRoster(db: Db, roster: VerifiedRoster, at: string, by: string): void {
  for (const member of roster.payload.members)
    upsertRosterPerson(db, { name: member.name, role: member.role, kid: member.kid }, at, by);
}

const SECRETARIAT: readonly PersonRole[] = ['secretary', 'chair'];

/**
 * Secretary's work (assigning claims, policy versions, running meetings, drafting minutes)
 * needs the key of the secretary, or of the chair who stands in for them.
 */
export function requireSecretary(ctx: ServiceContext, what: string) {
  return requireRole(ctx, SECRETARIAT, what);
}

/** The final word on a claim, and approving minutes, are the chair's alone. */
export function requireChair(ctx: ServiceContext, what: string) {
  return requireRole(ctx, ['chair'], what);
}
