import { flattenedVerify } from 'jose';
import { createPublicKey, sign } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decisionFileSha256,
  verifyDecisionFile,
  type VerifyOptions,
} from '../../../src/main/services/decision-files';
import { readPublicKeyFile } from '../../../src/main/services/identity';
import {
  buildRosterPayload,
  signRoster,
  verifyRoster,
  type VerifiedRoster,
} from '../../../src/main/services/roster';
import { canonicalJson } from '../../../src/shared/domain/canonical-json';
import { changeFirstAmount } from '../../helpers/tampering';
import { makeTempDir } from '../../helpers/temp-workspace';
import { decisionRecords, makeCouncil, signedFile, type Council } from './council';

/*
 * Issue 12, "a forged or stale decision file verifies": each forged variant is made here from a
 * genuine file, and must be refused with its own named reason.
 */
const { dir, cleanup } = makeTempDir('review-desk-forgery-');
afterAll(cleanup);
let council: Council | null = null;
let attackers: Council | null = null;
const genuine = () => (council ??= makeCouncil(`${dir}/council`));
const attacker = () => (attackers ??= makeCouncil(`${dir}/attacker`));

interface Jws {
  payload: string;
  signatures: { protected: string; signature: string; header?: Record<string, unknown> }[];
}
const codes = (report: { problems: { code: string }[] }) => report.problems.map((p) => p.code);
const verify = (text: string, options: Partial<VerifyOptions> = {}) =>
  verifyDecisionFile(text, { roster: genuine().roster, ...options });
const b64 = (value: unknown) => Buffer.from(canonicalJson(value as never)).toString('base64url');

/** Re-signs signature `index` by its own (genuine) key over a protected header of our choice. */
function resignWith(fileText: string, index: number, header: Record<string, unknown>): string {
  const jws = JSON.parse(fileText) as Jws;
  const people = Object.values(genuine().people);
  const original = JSON.parse(
    Buffer.from(jws.signatures[index]!.protected, 'base64url').toString(),
  );
  const signer = people.find((p) => p.kid === original.kid)!;
  const protectedHeader = b64({ ...original, ...header });
  const signature = sign(
    null,
    Buffer.from(`${protectedHeader}.${jws.payload}`, 'ascii'),
    signer.privateKey,
  ).toString('base64url');
  jws.signatures[index] = { protected: protectedHeader, signature };
  return `${JSON.stringify(jws, null, 2)}\n`;
}

function withUnprotected(fileText: string, index: number, header: Record<string, unknown>) {
  const jws = JSON.parse(fileText) as Jws;
  jws.signatures[index] = { ...jws.signatures[index]!, header };
  return `${JSON.stringify(jws, null, 2)}\n`;
}

/** jose's opinion on one signature of the file, checked on its own (flattened). */
async function joseRefuses(fileText: string, index: number): Promise<string> {
  const jws = JSON.parse(fileText) as Jws;
  const entry = jws.signatures[index]!;
  const kid = JSON.parse(Buffer.from(entry.protected, 'base64url').toString()).kid as string;
  const key = createPublicKey(
    Object.values(genuine().people).find((p) => p.kid === kid)!.privateKey,
  );
  try {
    await flattenedVerify({ payload: jws.payload, ...entry }, key, { algorithms: ['EdDSA'] });
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('duplicate keys: every reader must see the same file', () => {
  it('{"payload": forged, "payload": genuine} is refused, naming the key', async () => {
    const file = signedFile(genuine());
    const forgedPayload = (JSON.parse(changeFirstAmount(file, 8_000_000)) as Jws).payload;
    const forged = `{"payload": "${forgedPayload}",${file.trimStart().slice(1)}`;
    expect((JSON.parse(forged) as Jws).payload).not.toBe(forgedPayload); // JSON.parse: the last
    const report = await verify(forged);
    expect(report.valid).toBe(false);
    expect(codes(report)).toEqual(['duplicate_key']);
    expect(report.problems[0]!.message).toContain('"payload"');
    expect(report.problems[0]!.ko).toContain('"payload"');
  });

  it('an empty "signatures" followed by the real one is refused', async () => {
    const file = signedFile(genuine());
    const forged = `{"signatures": [],${file.trimStart().slice(1)}`;
    const report = await verify(forged);
    expect(codes(report)).toEqual(['duplicate_key']);
    expect(report.problems[0]!.message).toContain('"signatures"');
  });

  it('a key repeated deeper (inside a signature, escaped or not) is refused', async () => {
    const file = signedFile(genuine());
    const jws = JSON.parse(file) as Jws;
    const other = JSON.parse(signedFile(genuine(), decisionRecords(2))) as Jws;
    // The first "protected" is another file's; JSON.parse keeps the genuine second one.
    const forged = file.replace(
      '"protected":',
      `"protected": "${other.signatures[0]!.protected}",\n      "pro\\u0074ected":`,
    );
    expect((JSON.parse(forged) as Jws).signatures[0]!.protected).toBe(jws.signatures[0]!.protected);
    const report = await verify(forged);
    expect(codes(report)).toEqual(['duplicate_key']);
    expect(report.problems[0]!.message).toContain('$.signatures[0]');
  });

  it('a repeated key inside the signed payload is named too', async () => {
    const file = signedFile(genuine());
    const jws = JSON.parse(file) as Jws;
    const text = Buffer.from(jws.payload, 'base64url').toString();
    const doubled = text.replace('"policyVersion":1', '"policyVersion":2,"policyVersion":1');
    const forged = `${JSON.stringify({ ...jws, payload: Buffer.from(doubled).toString('base64url') })}`;
    expect(codes(await verify(forged))).toContain('duplicate_key');
  });

  it('a genuine file saved with a BOM (Notepad) verifies', async () => {
    const report = await verify(`\ufeff${signedFile(genuine())}`);
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
  });
});

describe('headers: disjoint, no crit, no b64:false, EdDSA only', () => {
  it('an unprotected "alg":"none" repeating the protected alg is refused (jose refuses it too)', async () => {
    const forged = withUnprotected(signedFile(genuine()), 0, { alg: 'none' });
    const report = await verify(forged);
    expect(report.valid).toBe(false);
    expect(codes(report)).toContain('header_not_disjoint');
    expect(report.problems.find((p) => p.code === 'header_not_disjoint')!.message).toContain('alg');
    expect(report.signatures[0]!.valid).toBe(false);
    expect(await joseRefuses(forged, 0)).toMatch(/disjoint/);
  });

  it('an unprotected "kid" repeating the protected one is refused (jose too)', async () => {
    const { people } = genuine();
    const forged = withUnprotected(signedFile(genuine()), 1, { kid: people['김민준']!.kid });
    const report = await verify(forged);
    expect(codes(report)).toContain('header_not_disjoint');
    expect(report.valid).toBe(false);
    expect(await joseRefuses(forged, 1)).toMatch(/disjoint/);
  });

  it('a "crit" header is refused even when the signature is genuine (jose too)', async () => {
    const forged = resignWith(signedFile(genuine()), 0, { crit: ['exp'], exp: 1 });
    const report = await verify(forged);
    expect(codes(report)).toContain('crit_unsupported');
    expect(report.valid).toBe(false);
    expect(await joseRefuses(forged, 0)).toMatch(/not recognized/);
  });

  it('"b64": false is refused, with or without crit', async () => {
    const bare = resignWith(signedFile(genuine()), 0, { b64: false });
    const bareReport = await verify(bare);
    expect(codes(bareReport)).toContain('b64_unsupported');
    expect(bareReport.valid).toBe(false);
    const withCrit = resignWith(signedFile(genuine()), 1, { b64: false, crit: ['b64'] });
    const report = await verify(withCrit);
    expect(codes(report)).toEqual(expect.arrayContaining(['crit_unsupported', 'b64_unsupported']));
    // jose understands b64 under crit, and then reads the payload as the encoded text itself:
    // the same signature, another content. Two readers, two meanings: why it is refused here.
    const jws = JSON.parse(withCrit) as Jws;
    const entry = jws.signatures[1]!;
    const key = createPublicKey(genuine().people['박서연']!.privateKey);
    const read = await flattenedVerify({ payload: jws.payload, ...entry }, key, {
      algorithms: ['EdDSA'],
    });
    expect(new TextDecoder().decode(read.payload)).toBe(jws.payload);
  });

  it('an alg other than EdDSA is refused by name (jose, held to EdDSA, too)', async () => {
    for (const alg of ['Ed25519', 'ES256', 'none']) {
      const forged = resignWith(signedFile(genuine()), 0, { alg });
      const report = await verify(forged);
      expect(codes(report)).toContain('alg_unsupported');
      expect(report.problems.find((p) => p.code === 'alg_unsupported')!.message).toContain(alg);
      expect(await joseRefuses(forged, 0)).not.toBe('accepted');
    }
  });
});

function nextRoster(previous: VerifiedRoster, from: Council): VerifiedRoster {
  const payload = buildRosterPayload({
    council: '1015 피해지원 협의체',
    version: previous.payload.version + 1,
    validFrom: '2022-11-20',
    members: Object.values(from.people).map((p) => readPublicKeyFile(p.publicKeyFile)),
    previous,
  });
  const secretary = Object.values(from.people).find((p) => p.role === 'secretary')!;
  return verifyRoster(signRoster(payload, [secretary]), { previous });
}

const eightMillion = () =>
  decisionRecords().map((d, i) => (i === 0 ? { ...d, amount: 8_000_000 } : d));

describe('trust: the roster must be the pinned one or chain to it', () => {
  it("the attacker's roster (same names, attacker keys, 8,000,000) is refused against the trusted one", async () => {
    const bad = attacker();
    // Signed by the attacker's own "chair" and "secretary", so it is internally consistent.
    const resigned = signedFile(bad, eightMillion());
    const report = await verifyDecisionFile(resigned, {
      roster: bad.roster,
      trustedRoster: genuine().roster,
    });
    expect(report.valid).toBe(false);
    expect(codes(report)).toEqual(['roster_untrusted']);
    expect(report.records).toMatchObject({ total: 3, valid: 0 });
    expect(report.roster).toMatchObject({
      fingerprint: bad.roster.fingerprint,
      trust: 'untrusted',
      trustedFingerprint: genuine().roster.fingerprint,
    });
  });

  it('without a trusted roster the same file is flagged: fingerprint shown, roster not checked', async () => {
    const bad = attacker();
    const resigned = signedFile(bad, eightMillion());
    const report = await verifyDecisionFile(resigned, { roster: bad.roster });
    expect(report.valid).toBe(true); // the signatures do match the roster given
    expect(report.roster).toMatchObject({
      fingerprint: bad.roster.fingerprint,
      trust: 'unchecked',
    });
    expect(report.warnings.map((w) => w.code)).toEqual(['roster_not_checked']);
    expect(report.warnings[0]!.message).toContain(bad.roster.fingerprint);
  });

  it('the pinned roster, and versions chaining to it either way, are trusted', async () => {
    const v1 = genuine().roster;
    const v2 = nextRoster(v1, genuine());
    const v3 = nextRoster(v2, genuine());
    const file = signedFile(genuine());
    expect((await verify(file, { trustedRoster: v1 })).roster?.trust).toBe('pinned');
    expect((await verify(file, { trustedRoster: v1 })).valid).toBe(true);
    // The file names v1: checked against v3 it is a roster mismatch, but v3 is trusted.
    const checked = await verifyDecisionFile(file, {
      roster: v3,
      trustedRoster: v1,
      knownRosters: [v2],
    });
    expect(checked.roster?.trust).toBe('chains');
    expect(codes(checked)).not.toContain('roster_untrusted');
    // v3 without the step between cannot be shown to follow v1.
    const gap = await verifyDecisionFile(file, { roster: v3, trustedRoster: v1 });
    expect(codes(gap)).toContain('roster_untrusted');
    // An earlier version named by the pinned one is vouched for by it.
    expect((await verify(file, { trustedRoster: v2 })).roster?.trust).toBe('chains');
    // A v2 "following" v1 but signed by the attacker's secretary does not chain.
    const bad = attacker();
    const fakePayload = buildRosterPayload({
      council: '1015 피해지원 협의체',
      version: 2,
      validFrom: '2022-11-20',
      members: Object.values(bad.people).map((p) => readPublicKeyFile(p.publicKeyFile)),
      previous: v1,
    });
    const badSecretary = Object.values(bad.people).find((p) => p.role === 'secretary')!;
    const fake = verifyRoster(signRoster(fakePayload, [badSecretary]));
    const faked = await verifyDecisionFile(signedFile(bad), { roster: fake, trustedRoster: v1 });
    expect(codes(faked)).toContain('roster_untrusted');
  });
});

describe('the chain: --previous and superseded files', () => {
  it('a file superseded by a later export for the same meeting is reported', async () => {
    const first = signedFile(genuine());
    const records = decisionRecords().map((d, i) => (i === 0 ? { ...d, amount: 650_000 } : d));
    const second = signedFile(genuine(), records, decisionFileSha256(first));
    const old = await verify(first, { otherFiles: [second] });
    expect(old.valid).toBe(false);
    expect(codes(old)).toEqual(['superseded']);
    expect(old.problems[0]!.message).toContain(decisionFileSha256(second));
    const current = await verify(second, { previousFile: first });
    expect(current.problems).toEqual([]);
    const unrelated = await verify(second, {
      previousFile: signedFile(genuine(), decisionRecords(2)),
    });
    expect(codes(unrelated)).toEqual(['chain_broken']);
  });
});
