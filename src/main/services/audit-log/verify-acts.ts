import { verify } from 'node:crypto';
import { rolesForAct } from '../../../shared/domain/acts';
import type { ActProblem, AuditVerificationDto } from '../../../shared/ipc/audit-log-schemas';
import { iterateAudit, verifyAuditChain, type AuditEntry } from '../../db/repositories/audit-log';
import { getSetting } from '../../db/repositories/settings';
import type { Db } from '../../db/connection';
import { importedRosters, type RosterMember, type VerifiedRoster } from '../roster';
import { publicKeyFromJwk } from '../signing/keys';

/**
 * The whole audit log checked twice over: the hash chain (nothing changed, removed or reordered)
 * and, for every entry that names a key, that the key signed that entry's hash and belonged to
 * someone on the roster in force at that point of the log with a role allowed the act. The
 * roster in force is followed through the log itself (each "roster.imported" entry switches it),
 * not through clocks, which a laptop can set to anything.
 *
 * The hash alone does not stop someone with the file from rewriting an entry and every hash
 * after it; the signatures do, since they need the actors' private keys.
 */
export function verifyAuditLog(db: Db): AuditVerificationDto {
  const chain = verifyAuditChain(db);
  const signedFrom = Number(getSetting(db, 'acts_signed_from_seq') ?? '1');
  const rosters = new Map(importedRosters(db).map((r) => [String(r.payload.version), r]));
  const actProblems: ActProblem[] = [];
  let inForce: VerifiedRoster | null = null;
  let signedEntries = 0;
  let unsignedBeforeKeys = 0;
  for (const entry of iterateAudit(db)) {
    const roles = rolesForAct(entry.action);
    const imported = entry.action === 'roster.imported' ? rosters.get(entry.subjectId) : undefined;
    if (entry.actorKid === null || entry.signature === null) {
      if (roles !== undefined && entry.seq < signedFrom) unsignedBeforeKeys += 1;
      else if (roles !== undefined)
        actProblems.push(
          problem(entry, 'unsigned_act', 'an act with authority carries no signature'),
        );
    } else {
      signedEntries += 1;
      const found = imported
        ? importer(imported, inForce, entry.actorKid)
        : signerOn(inForce, entry.actorKid, roles);
      const issue = found.problem ?? signatureProblem(entry, found.member);
      if (issue) actProblems.push(problem(entry, issue.code, issue.message));
    }
    if (imported) inForce = imported;
  }
  return {
    ...chain,
    ok: chain.ok && actProblems.length === 0,
    signedEntries,
    unsignedBeforeKeys,
    actProblems,
  };
}

type Found =
  | { member: RosterMember; problem: null }
  | { member: null; problem: { code: ActProblem['problem']; message: string } };

function signerOn(
  roster: VerifiedRoster | null,
  kid: string,
  roles: readonly string[] | undefined,
): Found {
  const member = roster?.payload.members.find((m) => m.kid === kid);
  if (!member)
    return {
      member: null,
      problem: {
        code: 'signer_not_on_roster',
        message: roster
          ? `signed by a key that is not on roster v${roster.payload.version}`
          : 'signed before any roster was in force',
      },
    };
  if (roles !== undefined && !roles.includes(member.role))
    return {
      member: null,
      problem: {
        code: 'signer_lacks_role',
        message: `signed by ${member.name}, the ${member.role} on roster v${roster!.payload.version}; this act is for a ${roles.join(' or ')}`,
      },
    };
  return { member, problem: null };
}

/** Whoever imported a roster signed the entry with a key of that roster or the one before. */
function importer(imported: VerifiedRoster, previous: VerifiedRoster | null, kid: string): Found {
  const member = [imported, previous]
    .flatMap((r) => r?.payload.members ?? [])
    .find((m) => m.kid === kid);
  return member ? { member, problem: null } : signerOn(imported, kid, undefined);
}

function signatureProblem(entry: AuditEntry, member: RosterMember) {
  const valid = verify(
    null,
    Buffer.from(entry.hash, 'utf8'),
    publicKeyFromJwk(member.jwk),
    Buffer.from(entry.signature!, 'base64url'),
  );
  if (!valid)
    return {
      code: 'bad_signature' as const,
      message: `the signature is not ${member.name}'s over this entry's hash`,
    };
  if (entry.actor !== member.name)
    return {
      code: 'actor_not_signer' as const,
      message: `recorded as ${entry.actor} but signed by ${member.name}`,
    };
  return null;
}

function problem(entry: AuditEntry, code: ActProblem['problem'], message: string): ActProblem {
  return { seq: entry.seq, action: entry.action, actor: entry.actor, problem: code, message };
}
