import { GeneralSign, generalVerify } from 'jose';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addSignature,
  JwsFormatError,
  signGeneral,
  verifyGeneral,
  type GeneralJws,
} from '../../../src/main/services/signing/jws';
import { keyIdentityOf, publicJwkOf } from '../../../src/main/services/signing/keys';
import { canonicalJson } from '../../../src/shared/domain/canonical-json';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, kid: keyIdentityOf(publicJwkOf(publicKey)).kid };
}
const chair = keyPair();
const secretary = keyPair();
const stranger = keyPair();
const payload = canonicalJson({
  council: '1015 피해지원 협의체',
  decisions: [{ claimId: 'K-2022-000101', amount: 600000 }],
});
const keys = new Map<string, KeyObject>([
  [chair.kid, chair.publicKey],
  [secretary.kid, secretary.publicKey],
]);
const resolve = (kid: string | null) => (kid ? (keys.get(kid) ?? null) : null);

describe('JWS General JSON Serialization with EdDSA', () => {
  it('signs with several signers and verifies each; co-signing keeps the earlier signatures', () => {
    const jws = signGeneral(payload, [{ privateKey: chair.privateKey, kid: chair.kid }]);
    const both = addSignature(jws, { privateKey: secretary.privateKey, kid: secretary.kid });
    const header = JSON.parse(Buffer.from(both.signatures[0]!.protected, 'base64url').toString());
    expect(header).toEqual({ alg: 'EdDSA', kid: chair.kid });
    const result = verifyGeneral(JSON.stringify(both), resolve);
    expect(result.payload).toBe(payload);
    expect(result.signatures.map((s) => [s.kid, s.valid])).toEqual([
      [chair.kid, true],
      [secretary.kid, true],
    ]);
  });

  it('our files verify with jose generalVerify, every signature', async () => {
    const jws = signGeneral(payload, [
      { privateKey: chair.privateKey, kid: chair.kid },
      {
        privateKey: secretary.privateKey,
        kid: secretary.kid,
        extraProtected: { role: 'secretary' },
      },
    ]);
    const file = JSON.parse(JSON.stringify(jws));
    for (const key of [chair.publicKey, secretary.publicKey]) {
      const { payload: bytes, protectedHeader } = await generalVerify(file, key);
      expect(new TextDecoder().decode(bytes)).toBe(payload);
      expect(protectedHeader?.alg).toBe('EdDSA');
    }
    await expect(generalVerify(file, stranger.publicKey)).rejects.toThrow();
  });

  it('a General JWS made by jose GeneralSign verifies with ours', async () => {
    const made = await new GeneralSign(new TextEncoder().encode(payload))
      .addSignature(chair.privateKey)
      .setProtectedHeader({ alg: 'EdDSA', kid: chair.kid })
      .addSignature(secretary.privateKey)
      .setProtectedHeader({ alg: 'EdDSA', kid: secretary.kid })
      .sign();
    const result = verifyGeneral(made, resolve);
    expect(result.payload).toBe(payload);
    expect(result.signatures.every((s) => s.valid)).toBe(true);
  });

  it('reports an unknown key, a bad signature, another alg and crit per signature', () => {
    const jws = signGeneral(payload, [
      { privateKey: chair.privateKey, kid: chair.kid },
      { privateKey: stranger.privateKey, kid: stranger.kid },
      {
        privateKey: secretary.privateKey,
        kid: secretary.kid,
        extraProtected: { crit: ['exp'], exp: 1 },
      },
    ]);
    const swapped: GeneralJws = {
      ...jws,
      signatures: [
        { ...jws.signatures[0]!, signature: jws.signatures[1]!.signature },
        ...jws.signatures.slice(1),
      ],
    };
    const hs = Buffer.from(canonicalJson({ alg: 'HS256', kid: chair.kid })).toString('base64url');
    swapped.signatures.push({ protected: hs, signature: jws.signatures[0]!.signature });
    const reasons = verifyGeneral(swapped, resolve).signatures.map((s) => s.reason);
    expect(reasons).toEqual([
      'bad_signature',
      'unknown_key',
      'crit_unsupported',
      'unsupported_alg',
    ]);
  });

  it('malformed input is a JwsFormatError that says what is wrong', () => {
    const good = signGeneral(payload, [{ privateKey: chair.privateKey, kid: chair.kid }]);
    const cases: [unknown, RegExp][] = [
      ['{not json', /file is not JSON/],
      [[], /file must be a JSON object/],
      [{ signatures: good.signatures }, /"payload" is missing/],
      [{ ...good, payload: 'ab+c' }, /"payload" is not base64url/],
      [{ ...good, signatures: [] }, /"signatures" must be a non-empty array/],
      [{ ...good, signatures: [{ signature: 'AA' }] }, /signatures\[0\]\.protected is missing/],
      [
        { ...good, signatures: [{ ...good.signatures[0], signature: 'a=' }] },
        /signatures\[0\]\.signature is not base64url/,
      ],
      [
        { ...good, signatures: [{ ...good.signatures[0], protected: 'bm90IGpzb24' }] },
        /signatures\[0\]\.protected is not JSON/,
      ],
    ];
    for (const [input, message] of cases) {
      expect(() => verifyGeneral(input, resolve)).toThrow(JwsFormatError);
      expect(() => verifyGeneral(input, resolve)).toThrow(message);
    }
  });
});
