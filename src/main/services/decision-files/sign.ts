import { sha256Hex } from '../hashing';
import type { UnlockedIdentity } from '../identity';
import { addSignature, parseGeneralJws, signGeneral, type JwsSigner } from '../signing/jws';
import { canonicalDecisionPayload, type DecisionPayload } from './payload';

type Signer = Pick<UnlockedIdentity, 'privateKey' | 'kid' | 'jwk'>;

/**
 * Each signature carries its public key in the protected header ("jwk", RFC 7515 4.1.3).
 * Trust never comes from it (the roster decides who counts); it lets a verifier tell
 * "re-signed by a stranger" from "altered after signing".
 */
function jwsSigner(signer: Signer): JwsSigner {
  return {
    privateKey: signer.privateKey,
    kid: signer.kid,
    extraProtected: { jwk: { ...signer.jwk } },
  };
}

/** Chair and secretary sign; members may co-sign now or later with cosignDecisionFile. */
export function signDecisionFile(payload: DecisionPayload, signers: Signer[]): string {
  return toText(signGeneral(canonicalDecisionPayload(payload), signers.map(jwsSigner)));
}

export function cosignDecisionFile(fileText: string, signer: Signer): string {
  return toText(addSignature(parseGeneralJws(fileText), jwsSigner(signer)));
}

/**
 * What the next file's previousFileSha256 names: the hash of the signed payload, not of the
 * file, so a later co-signature does not break the chain.
 */
export function decisionFileSha256(fileText: string): string {
  return sha256Hex(Buffer.from(parseGeneralJws(fileText).payload, 'base64url'));
}

function toText(jws: object): string {
  return `${JSON.stringify(jws, null, 2)}\n`;
}
