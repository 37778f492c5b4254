import { join } from 'node:path';
import {
  buildDecisionPayload,
  signDecisionFile,
  type DecisionRecord,
} from '../../../src/main/services/decision-files';
import { sha256Hex } from '../../../src/main/services/hashing';
import {
  generateIdentity,
  readPublicKeyFile,
  unlockIdentity,
  type Profile,
  type UnlockedIdentity,
} from '../../../src/main/services/identity';
import {
  buildRosterPayload,
  signRoster,
  verifyRoster,
  type VerifiedRoster,
} from '../../../src/main/services/roster';

/** The lowest cost the key file accepts: real scrypt, fast enough for tests. */
export const TEST_SCRYPT = { N: 2 ** 14, r: 8, p: 1 };
export const PASSPHRASE = '정확한 말 horse battery';

export const COUNCIL_PEOPLE: Profile[] = [
  { name: '이도윤', role: 'chair' },
  { name: '박서연', role: 'secretary' },
  { name: '김민준', role: 'member' },
  { name: '최지우', role: 'member' },
  { name: '정하은', role: 'member' },
];

export interface Council {
  people: Record<string, UnlockedIdentity & { keyFile: string; publicKeyFile: string }>;
  rosterText: string;
  roster: VerifiedRoster;
}

export function makeIdentity(dir: string, profile: Profile) {
  const made = generateIdentity(profile, PASSPHRASE, { dir, scrypt: TEST_SCRYPT });
  return {
    ...unlockIdentity(made.keyFile, PASSPHRASE),
    keyFile: made.keyFile,
    publicKeyFile: made.publicKeyFile,
  };
}

export function makeCouncil(dir: string, people = COUNCIL_PEOPLE): Council {
  const made = Object.fromEntries(people.map((p) => [p.name, makeIdentity(join(dir, 'keys'), p)]));
  const payload = buildRosterPayload({
    council: '1015 피해지원 협의체',
    version: 1,
    validFrom: '2022-11-14',
    members: Object.values(made).map((p) => readPublicKeyFile(p.publicKeyFile)),
  });
  const secretary = Object.values(made).find((p) => p.role === 'secretary')!;
  const rosterText = signRoster(payload, [secretary]);
  return { people: made, rosterText, roster: verifyRoster(rosterText) };
}

export const EVIDENCE: Record<string, string> = {
  'K-2022-000101-receipt.txt': '영수증 1,200,000원',
  'K-2022-000102-ledger.csv': 'date,amount\n2022-10-15,900000\n',
};

export function decisionRecords(count = 3): DecisionRecord[] {
  return Array.from({ length: count }, (_, i): DecisionRecord => {
    const claimId = `K-2022-${String(101 + i).padStart(6, '0')}`;
    const evidenceName = Object.keys(EVIDENCE).find((n) => n.startsWith(claimId));
    return {
      claimId,
      claimContentHash: sha256Hex(`claim ${claimId}`),
      outcome: i % 3 === 2 ? 'reject' : 'approve',
      amount: i % 3 === 2 ? null : 600_000 + i * 1000,
      reasons:
        i % 3 === 2
          ? { codes: ['insufficient_proof'], note: '증빙 부족' }
          : { codes: [], note: '' },
      votes: [
        { member: '김민준', vote: 'for' },
        { member: '최지우', vote: i === 0 ? 'recused' : 'for' },
        { member: '정하은', vote: 'absent' },
      ],
      evidence: evidenceName
        ? [{ fileName: evidenceName, sha256: sha256Hex(EVIDENCE[evidenceName]!) }]
        : [],
    };
  });
}

export function payloadFor(
  council: Council,
  records = decisionRecords(),
  previousFileSha256: string | null = null,
) {
  return buildDecisionPayload({
    council: '1015 피해지원 협의체',
    meeting: { id: 'M-7', number: 7, date: '2022-12-20', place: '판교 회의실' },
    policyVersion: 1,
    roster: council.roster,
    decisions: records,
    previousFileSha256,
  });
}

/** Signed by the chair and the secretary, the way a meeting's file leaves. */
export function signedFile(
  council: Council,
  records = decisionRecords(),
  previous: string | null = null,
) {
  const { 이도윤: chair, 박서연: secretary } = council.people;
  return signDecisionFile(payloadFor(council, records, previous), [chair!, secretary!]);
}
