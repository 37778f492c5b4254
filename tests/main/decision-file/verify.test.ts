import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  cosignDecisionFile,
  decisionFileSha256,
  signDecisionFile,
  verifyDecisionFile,
  type VerifyOptions,
} from '../../../src/main/services/decision-files';
import { openEvidenceSource } from '../../../src/main/services/evidence/source';
import { editPayload } from '../../helpers/tampering';
import { makeTempDir } from '../../helpers/temp-workspace';
import {
  decisionRecords,
  EVIDENCE,
  makeCouncil,
  makeIdentity,
  payloadFor,
  signedFile,
  type Council,
} from './council';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));
const removeShared: (() => void)[] = [];
afterAll(() => removeShared.forEach((fn) => fn()));
/** One council for the whole file: key generation is the slow part. */
let shared: { council: Council; dir: string } | null = null;
function setup() {
  if (!shared) {
    const { dir, cleanup } = makeTempDir('review-desk-decisions-');
    removeShared.push(cleanup);
    shared = { council: makeCouncil(dir), dir };
  }
  return shared;
}

/** Edits the signed payload as an attacker with a text editor would: signatures untouched. */
const codes = (report: { problems: { code: string }[] }) => report.problems.map((p) => p.code);
const verify = (text: string, options: Partial<VerifyOptions> = {}) =>
  verifyDecisionFile(text, { roster: setup().council.roster, ...options });

describe('decision file verification: the tamper matrix', () => {
  it('an untouched file verifies, with each signer named from the roster', async () => {
    const report = await verify(signedFile(setup().council));
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    expect(
      report.signatures.map(({ signer, role, onRoster, valid }) => [signer, role, onRoster, valid]),
    ).toEqual([
      ['이도윤', 'chair', true, true],
      ['박서연', 'secretary', true, true],
    ]);
    expect(report.records).toEqual({ total: 3, valid: 3, invalid: [] });
  });

  it('members may co-sign; a file without the chair is not valid', async () => {
    const { council } = setup();
    const cosigned = cosignDecisionFile(signedFile(council), council.people['김민준']!);
    expect((await verify(cosigned)).valid).toBe(true);
    const noChair = signDecisionFile(payloadFor(council), [council.people['박서연']!]);
    const report = await verify(noChair);
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({
        code: 'missing_required_signature',
        message: expect.stringContaining('chair'),
      }),
    ]);
  });

  it.each([
    [
      'an amount changed',
      (p: { decisions: Record<string, unknown>[] }) => void (p.decisions[0]!['amount'] = 9_000_000),
    ],
    ['a decision removed', (p: { decisions: unknown[] }) => void p.decisions.splice(1, 1)],
    [
      'a decision added',
      (p: { decisions: Record<string, unknown>[] }) =>
        void p.decisions.push({ ...p.decisions[0]!, claimId: 'K-2022-999999' }),
    ],
  ])('%s: content changed after signing, no record trusted', async (_name, edit) => {
    const report = await verify(editPayload(signedFile(setup().council), edit));
    expect(report.valid).toBe(false);
    expect(codes(report)).toContain('content_changed');
    expect(report.records.valid).toBe(0);
    expect(report.signatures.every((s) => s.onRoster && !s.valid)).toBe(true);
  });

  it('a decision reordered: also named by claim, since the signer writes claim-id order', async () => {
    const report = await verify(
      editPayload(signedFile(setup().council), (p) => p.decisions.reverse()),
    );
    expect(codes(report)).toEqual(
      expect.arrayContaining(['content_changed', 'decisions_out_of_order']),
    );
    expect(report.problems.find((p) => p.code === 'decisions_out_of_order')?.claimId).toBe(
      'K-2022-000102',
    );
  });

  it('a signature swapped in from another file names that signer', async () => {
    const { council } = setup();
    const good = JSON.parse(signedFile(council));
    const other = JSON.parse(signedFile(council, decisionRecords(2)));
    good.signatures[1] = other.signatures[1];
    const report = await verify(JSON.stringify(good));
    expect(report.signatures.map((s) => s.valid)).toEqual([true, false]);
    expect(report.problems[0]).toMatchObject({
      code: 'signature_invalid',
      message: expect.stringContaining('박서연'),
    });
    expect(codes(report)).toContain('missing_required_signature');
  });

  it('content re-signed by a key not on the roster says so', async () => {
    const { council, dir } = setup();
    const forger = makeIdentity(join(dir, 'forger'), { name: '이도윤', role: 'chair' });
    const original = JSON.parse(signedFile(council));
    const forged = JSON.parse(
      editPayload(signedFile(council), (p) => void (p.decisions[0]!['amount'] = 9_000_000)),
    );
    const resigned = JSON.parse(
      signDecisionFile(JSON.parse(Buffer.from(forged.payload, 'base64url').toString()), [forger]),
    );
    resigned.signatures.push(...original.signatures);
    const report = await verify(JSON.stringify(resigned));
    expect(report.valid).toBe(false);
    expect(report.signatures[0]).toMatchObject({
      signer: null,
      onRoster: false,
      valid: false,
      keyId: forger.kid,
    });
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        code: 'signer_not_on_roster',
        message: expect.stringContaining('signed by a key not on the roster'),
      }),
    );
    expect(report.problems.find((p) => p.code === 'signer_not_on_roster')?.message).toContain(
      're-signed',
    );
  });

  it('the roster swapped: both fingerprints, and the real signers show as not on it', async () => {
    const { council } = setup();
    const { dir, cleanup } = makeTempDir('review-desk-other-roster-');
    cleanups.push(cleanup);
    const otherCouncil = makeCouncil(dir);
    const report = await verifyDecisionFile(signedFile(council), { roster: otherCouncil.roster });
    const mismatch = report.problems.find((p) => p.code === 'roster_mismatch');
    expect(mismatch?.message).toContain(council.roster.fingerprint);
    expect(mismatch?.message).toContain(otherCouncil.roster.fingerprint);
    expect(report.signatures.every((s) => !s.onRoster)).toBe(true);
  });

  it('an evidence file changed is named with its claim', async () => {
    const { council, dir } = setup();
    const evidenceDir = join(dir, 'evidence');
    mkdirSync(evidenceDir, { recursive: true });
    for (const [name, text] of Object.entries(EVIDENCE))
      writeFileSync(join(evidenceDir, name), text);
    const text = signedFile(council);
    const source = await openEvidenceSource(evidenceDir);
    cleanups.push(() => void source.close());
    expect(await verify(text, { evidence: source })).toMatchObject({
      valid: true,
      evidence: { checked: 2, mismatched: 0 },
    });
    writeFileSync(
      join(evidenceDir, 'K-2022-000102-ledger.csv'),
      'date,amount\n2022-10-15,9000000\n',
    );
    const report = await verify(text, { evidence: source });
    expect(report.evidence).toEqual({ checked: 2, mismatched: 1 });
    expect(report.records.invalid).toEqual(['K-2022-000102']);
    expect(report.problems).toEqual([
      expect.objectContaining({
        code: 'evidence_mismatch',
        claimId: 'K-2022-000102',
        file: 'K-2022-000102-ledger.csv',
      }),
    ]);
  });

  it('the chain broken names the expected and the found previous hash', async () => {
    const { council } = setup();
    const first = signedFile(council, decisionRecords(1));
    const second = signedFile(council, decisionRecords(2), decisionFileSha256(first));
    expect((await verify(second, { previousFile: first })).valid).toBe(true);
    const impostor = signedFile(council, decisionRecords(3));
    const report = await verify(second, { previousFile: impostor });
    expect(report.problems).toEqual([expect.objectContaining({ code: 'chain_broken' })]);
    expect(report.problems[0]!.message).toContain(decisionFileSha256(first));
    expect(report.problems[0]!.message).toContain(decisionFileSha256(impostor));
  });

  it('without a roster only integrity is checked; a vote by a non-member is named', async () => {
    const { council } = setup();
    const unjudged = await verifyDecisionFile(signedFile(council), { roster: null });
    expect(unjudged).toMatchObject({
      valid: false,
      verdict: 'intact_unjudged',
      rosterChecked: false,
      problems: [],
      warnings: [expect.objectContaining({ code: 'roster_not_given' })],
      records: { total: 3, valid: 3, invalid: [] },
    });
    expect(unjudged.signatures.every((s) => s.verifies && !s.onRoster && !s.valid)).toBe(true);
    const tampered = editPayload(signedFile(council), (p) => p.decisions.splice(1, 1));
    expect(await verifyDecisionFile(tampered, { roster: null })).toMatchObject({
      verdict: 'invalid',
      problems: [expect.objectContaining({ code: 'content_changed' })],
      records: { valid: 0 },
    });
    const records = decisionRecords(1);
    records[0]!.votes.push({ member: '홍길동', vote: 'for' });
    const report = await verify(signedFile(council, records));
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'vote_by_non_member', claimId: 'K-2022-000101' }),
    ]);
  });
});
