// npm run bench:verify: verifying a signed decision file of 10,000 decisions (chair and
// secretary signatures, every record checked), against Node's raw Ed25519 verify of the same
// signed bytes for the same two signatures: the floor no verifier can go under.
import { verify } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildDecisionPayload,
  signDecisionFile,
  verifyDecisionFile,
  type DecisionRecord,
} from '../src/main/services/decision-files';
import { sha256Hex } from '../src/main/services/hashing';
import { generateIdentity, readPublicKeyFile, unlockIdentity } from '../src/main/services/identity';
import { buildRosterPayload, signRoster, verifyRoster } from '../src/main/services/roster';
import { emit, round, scratchDir } from './support';

const DECISIONS = 10_000;
const RUNS = 7;
const PASSPHRASE = 'bench passphrase';

const dir = scratchDir('verify');
const people = (['chair', 'secretary', 'member'] as const).map((role, i) => {
  const made = generateIdentity({ name: `위원${i + 1}`, role }, PASSPHRASE, {
    dir: join(dir, 'keys'),
    scrypt: { N: 2 ** 14, r: 8, p: 1 },
  });
  return { ...unlockIdentity(made.keyFile, PASSPHRASE), publicKeyFile: made.publicKeyFile };
});
const [chair, secretary] = people;
const roster = verifyRoster(
  signRoster(
    buildRosterPayload({
      council: '1015 피해지원 협의체',
      version: 1,
      validFrom: '2022-11-14',
      members: people.map((p) => readPublicKeyFile(p.publicKeyFile)),
    }),
    [secretary!],
  ),
);
const decisions = Array.from({ length: DECISIONS }, (_, i): DecisionRecord => {
  const claimId = `K-2022-${String(i + 1).padStart(6, '0')}`;
  return {
    claimId,
    claimContentHash: sha256Hex(claimId),
    outcome: i % 4 === 3 ? 'reject' : 'approve',
    amount: i % 4 === 3 ? null : 500_001 + i,
    reasons:
      i % 4 === 3 ? { codes: ['insufficient_proof'], note: '증빙 부족' } : { codes: [], note: '' },
    votes: people.map((p) => ({ member: p.name, vote: 'for' as const })),
    evidence: [{ fileName: `${claimId}-receipt.pdf`, sha256: sha256Hex(`${claimId} receipt`) }],
  };
});
const fileText = signDecisionFile(
  buildDecisionPayload({
    council: '1015 피해지원 협의체',
    meeting: { id: 'M-1', number: 1, date: '2022-12-20', place: '판교' },
    policyVersion: 1,
    roster,
    decisions,
  }),
  [chair!, secretary!],
);

const file = JSON.parse(fileText) as {
  payload: string;
  signatures: { protected: string; signature: string }[];
};
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[samples.length >> 1]!;
const ours: number[] = [];
const raw: number[] = [];
for (let run = 0; run < RUNS; run++) {
  let started = performance.now();
  const report = await verifyDecisionFile(fileText, { roster });
  ours.push(performance.now() - started);
  if (!report.valid) throw new Error(`bench file did not verify: ${report.problems[0]?.message}`);

  started = performance.now();
  file.signatures.forEach((s, i) => {
    const input = Buffer.from(`${s.protected}.${file.payload}`, 'ascii');
    const key = [chair!, secretary!][i]!.privateKey;
    if (!verify(null, input, key, Buffer.from(s.signature, 'base64url'))) throw new Error('raw');
  });
  raw.push(performance.now() - started);
}
rmSync(dir, { recursive: true, force: true });

emit({
  bench: 'verify.10k',
  value: round(median(ours)),
  unit: 'ms',
  reference: "Node's raw Ed25519 verify of the same two signatures over the same bytes, same run",
  referenceValue: round(median(raw)),
  decisions: DECISIONS,
  fileMB: round(fileText.length / 1024 / 1024, 2),
  runs: RUNS,
});
