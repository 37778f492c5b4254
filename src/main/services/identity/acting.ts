import { sign, type KeyObject } from 'node:crypto';
import { actRefusalIssue, UNIDENTIFIED_OPERATOR } from '../../../shared/domain/acts';
import type { PersonRole } from '../../../shared/ipc/review-schemas';
import type { AuditSigner } from '../../db/repositories/audit-log';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { latestRoster } from '../roster/roster-store';
import type { UnlockedIdentity } from './identity';

/**
 * The person acting at this machine: someone who unlocked their key here. Their name and role
 * are the roster's, looked up by the key, never what the key file or a dropdown says. The private
 * key lives only in this process's memory, until locked or the process ends.
 */
export interface ActingPerson {
  name: string;
  role: PersonRole;
  kid: string;
  fingerprint: string;
  privateKey: KeyObject;
}

function rosterMember(ctx: Pick<ServiceContext, 'db'>, kid: string) {
  const roster = latestRoster(ctx.db);
  return { roster, member: roster?.payload.members.find((m) => m.kid === kid) ?? null };
}

/**
 * Makes an unlocked key the one acting here. The key must be on the roster in force, which
 * gives the name and role; before a roster is loaded nobody can act (loading a batch or the
 * roster itself needs no key).
 */
export function actAs(ctx: ServiceContext, identity: UnlockedIdentity): ActingPerson {
  const { roster, member } = rosterMember(ctx, identity.kid);
  if (roster === null) {
    const message =
      "this workspace has no roster yet: load the council's signed roster first (it needs no key)";
    throw new ServiceError('conflict', message, [{ path: 'keyFile', code: 'no_roster', message }]);
  }
  if (member === null) {
    const message =
      `${identity.name}'s key (${identity.fingerprint}) is not on roster v${roster.payload.version}; ` +
      'the secretary adds a member by signing a new roster version';
    throw new ServiceError('forbidden', message, [
      { path: 'keyFile', code: 'not_on_roster', message },
    ]);
  }
  const acting: ActingPerson = {
    name: member.name,
    role: member.role,
    kid: identity.kid,
    fingerprint: identity.fingerprint,
    privateKey: identity.privateKey,
  };
  ctx.acting = acting;
  ctx.actor = acting.name;
  return acting;
}

/** Nobody acts here any more: later writes are the unidentified operator's, and acts are refused. */
export function stopActing(ctx: ServiceContext): void {
  ctx.acting = null;
  ctx.actor = UNIDENTIFIED_OPERATOR;
}

/**
 * Who the audit log records an entry under: the acting person as the roster in force names
 * them (importing a roster that leaves them out stops them acting, see roster-store).
 */
export function signerOf(ctx: Pick<ServiceContext, 'acting'>): AuditSigner | null {
  const acting = ctx.acting;
  if (acting === null) return null;
  return {
    name: acting.name,
    role: acting.role,
    kid: acting.kid,
    sign: (hash) => sign(null, Buffer.from(hash, 'utf8'), acting.privateKey).toString('base64url'),
  };
}

/**
 * The acting person, if their roster role is one of `roles`; refused otherwise with who they
 * are. For the services' early refusals (before a dialog opens or a file is read); the audit
 * log holds the same rule for every act whatever the path.
 */
export function requireRole(
  ctx: Pick<ServiceContext, 'acting'>,
  roles: readonly PersonRole[],
  what: string,
): ActingPerson {
  const acting = ctx.acting;
  if (acting === null) {
    const message = `${what} needs the key of a ${roles.join(' or ')}: unlock your key first`;
    throw new ServiceError('forbidden', message, [actRefusalIssue(roles, false, message)]);
  }
  if (!roles.includes(acting.role)) {
    const message = `${what} is for a ${roles.join(' or ')}; ${acting.name} is the ${acting.role}`;
    throw new ServiceError('forbidden', message, [actRefusalIssue(roles, true, message)]);
  }
  return acting;
}
