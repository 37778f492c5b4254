import { formatFingerprint } from '../../../shared/domain/signing/fingerprint';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { ServiceError } from '../errors';
import { sha256Hex } from '../hashing';
import type { PublicKeyFile, UnlockedIdentity } from '../identity';
import { parseGeneralJws, signGeneral, verifyGeneral, type JwsSigner } from '../signing/jws';
import { keyIdentityOf, publicKeyFromJwk } from '../signing/keys';
import { parseStrictJson } from '../signing/strict-json';
import {
  ROSTER_FORMAT,
  rosterPayloadSchema,
  type RosterMember,
  type RosterPayload,
} from './roster-format';

/**
 * A roster has no authority above it: version 1 is trusted because the people who receive it
 * compare its fingerprint with the secretary's, out of band. From then on trust carries
 * forward: each new version names the hash of the previous one and must be signed by a
 * secretary of the previous version, so a stranger cannot slip themselves in.
 */
export interface VerifiedRoster {
  payload: RosterPayload;
  /** SHA-256 hex of the payload bytes: what a decision file and the next roster point at. */
  sha256: string;
  fingerprint: string;
  fileText: string;
  signers: { name: string; role: string; kid: string }[];
}

export class RosterError extends ServiceError {
  constructor(message: string) {
    super('validation_failed', `roster: ${message}`);
    this.name = 'RosterError';
  }
}

export interface RosterInput {
  council: string;
  version: number;
  validFrom: string;
  members: PublicKeyFile[];
  previous?: VerifiedRoster | null;
}

export function buildRosterPayload(input: RosterInput): RosterPayload {
  const previous = input.previous ?? null;
  if (previous && input.version <= previous.payload.version)
    throw new RosterError(
      `version ${input.version} must be above the previous roster's ${previous.payload.version}`,
    );
  const members: RosterMember[] = input.members.map(({ name, role, jwk }) => {
    const { kid } = keyIdentityOf(jwk);
    return { name, role, kid, jwk: { ...jwk } };
  });
  const parsed = rosterPayloadSchema.safeParse({
    format: ROSTER_FORMAT,
    council: input.council,
    version: input.version,
    validFrom: input.validFrom,
    members,
    previousRosterSha256: previous?.sha256 ?? null,
  });
  if (!parsed.success) throw new RosterError(parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

function roleOf(payload: RosterPayload, kid: string): string | undefined {
  return payload.members.find((m) => m.kid === kid)?.role;
}

/**
 * Signs as a secretary on the roster; a change of secretary adds the outgoing one as a
 * co-signer (they are on the previous roster, which is what import checks).
 */
export function signRoster(payload: RosterPayload, signers: UnlockedIdentity[]): string {
  if (!signers.some((s) => roleOf(payload, s.kid) === 'secretary'))
    throw new RosterError('must be signed by a secretary listed on it');
  const jwsSigners: JwsSigner[] = signers.map((s) => ({ privateKey: s.privateKey, kid: s.kid }));
  return `${JSON.stringify(signGeneral(canonicalJson(payload), jwsSigners), null, 2)}\n`;
}

function parsePayload(text: string): RosterPayload {
  let raw: unknown;
  try {
    raw = parseStrictJson(text);
  } catch (error) {
    throw new RosterError(`the signed content ${(error as Error).message}`);
  }
  const parsed = rosterPayloadSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RosterError(`${issue?.path.join('.') || 'content'}: ${issue?.message}`);
  }
  for (const member of parsed.data.members)
    if (keyIdentityOf(member.jwk).kid !== member.kid)
      throw new RosterError(`the kid of ${member.name} is not the thumbprint of their key`);
  return parsed.data;
}

/** Verifies a roster file; with `previous`, also that it follows that roster. Throws RosterError. */
export function verifyRoster(
  fileText: string,
  options: { previous?: VerifiedRoster | null } = {},
): VerifiedRoster {
  const previous = options.previous ?? null;
  // The members' keys are inside the signed content, so read it first, trust it only after.
  const jws = parseGeneralJws(fileText);
  const payloadBytes = Buffer.from(jws.payload, 'base64url');
  const payload = parsePayload(payloadBytes.toString('utf8'));
  const known = new Map<string, RosterMember>();
  for (const m of [...(previous?.payload.members ?? []), ...payload.members]) known.set(m.kid, m);
  const result = verifyGeneral(jws, (kid) => {
    const member = kid ? known.get(kid) : undefined;
    return member ? publicKeyFromJwk(member.jwk) : null;
  });
  const signers: VerifiedRoster['signers'] = [];
  for (const verdict of result.signatures) {
    const member = verdict.kid ? known.get(verdict.kid) : undefined;
    if (!member)
      throw new RosterError('signed by a key on neither this roster nor the previous one');
    if (!verdict.valid)
      throw new RosterError(`the signature of ${member.name} does not match its content`);
    signers.push({ name: member.name, role: member.role, kid: member.kid });
  }
  if (!signers.some((s) => roleOf(payload, s.kid) === 'secretary'))
    throw new RosterError('not signed by a secretary listed on it');
  const sha256 = sha256Hex(payloadBytes);
  if (previous) {
    if (payload.version <= previous.payload.version)
      throw new RosterError(
        `version ${payload.version} does not follow the latest roster, version ${previous.payload.version}`,
      );
    if (payload.previousRosterSha256 !== previous.sha256)
      throw new RosterError(
        `it names previous roster ${payload.previousRosterSha256 ?? 'none'}, but the latest is ${previous.sha256}`,
      );
    if (!signers.some((s) => roleOf(previous.payload, s.kid) === 'secretary'))
      throw new RosterError(
        `not signed by a secretary of roster version ${previous.payload.version}`,
      );
  }
  return { payload, sha256, fingerprint: formatFingerprint(sha256), fileText, signers };
}
