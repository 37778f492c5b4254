import { canonicalJson } from '../../src/shared/domain/canonical-json';

/**
 * Ways an attacker might alter a signed decision file (JWS General JSON), for the auditor
 * tests. Each returns the altered file text; the original is not touched.
 */
interface GeneralJws {
  payload: string;
  signatures: { protected: string; signature: string; header?: unknown }[];
}

const pretty = (jws: GeneralJws) => `${JSON.stringify(jws, null, 2)}\n`;

/** Rewrites the first decision's amount inside the signed payload bytes. */
export function changeFirstAmount(fileText: string, amount: number): string {
  const jws = JSON.parse(fileText) as GeneralJws;
  const payload = Buffer.from(jws.payload, 'base64url').toString('utf8');
  const changed = payload.replace(/"amount":\d+/, `"amount":${amount}`);
  if (changed === payload) throw new Error('no amount to change');
  return pretty({ ...jws, payload: Buffer.from(changed, 'utf8').toString('base64url') });
}

/** Puts signature `index` of another file (same signer, other content) in place of this one's. */
export function swapSignature(fileText: string, otherText: string, index: number): string {
  const jws = JSON.parse(fileText) as GeneralJws;
  const other = JSON.parse(otherText) as GeneralJws;
  const signatures = jws.signatures.map((s, i) => (i === index ? other.signatures[i]! : s));
  return pretty({ ...jws, signatures });
}

/** Edits the signed payload as JSON and writes it back canonically; the signatures stay. */
export function editPayload(
  fileText: string,
  edit: (payload: { decisions: Record<string, unknown>[] } & Record<string, unknown>) => void,
): string {
  const jws = JSON.parse(fileText) as GeneralJws;
  const payload = JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8'));
  edit(payload);
  return pretty({ ...jws, payload: Buffer.from(canonicalJson(payload)).toString('base64url') });
}
