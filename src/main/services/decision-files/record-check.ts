import {
  OUTCOMES,
  REASON_CODES,
  outcomeTakesAmount,
  type Outcome,
  type ReasonCode,
} from '../../../shared/domain/decision';

/**
 * One decision as signed, and its check. Written by hand rather than with zod because it runs
 * once per decision on every verify: on a 10,000-decision file zod alone took ~60 ms of the
 * 150 ms budget (bench/verify.ts), this takes a few.
 */
export const VOTES = ['for', 'against', 'abstain', 'recused', 'absent'] as const;
export type Vote = (typeof VOTES)[number];

export interface DecisionRecord {
  claimId: string;
  claimContentHash: string;
  outcome: Outcome;
  /** Integer KRW for approve and partial, null otherwise. */
  amount: number | null;
  reasons: { codes: ReasonCode[]; note: string };
  votes: { member: string; vote: Vote }[];
  evidence: { fileName: string; sha256: string }[];
}

export type RecordFault = { field: string; message: string };

const SHA256_HEX = /^[0-9a-f]{64}$/;
const outcomes: ReadonlySet<string> = new Set(OUTCOMES);
const reasonCodes: ReadonlySet<string> = new Set(REASON_CODES);
const votes: ReadonlySet<string> = new Set(VOTES);
const RECORD_KEYS = new Set([
  'claimId',
  'claimContentHash',
  'outcome',
  'amount',
  'reasons',
  'votes',
  'evidence',
]);
const REASON_KEYS = new Set(['codes', 'note']);
const VOTE_KEYS = new Set(['member', 'vote']);
const EVIDENCE_KEYS = new Set(['fileName', 'sha256']);

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number, min = 1): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;
/** Exactly these keys; a loop, since sorting key lists per object cost more than the rest. */
function hasOnly(o: Obj, keys: ReadonlySet<string>): boolean {
  let count = 0;
  for (const key in o) {
    if (!keys.has(key)) return false;
    count++;
  }
  return count === keys.size;
}

function listFault(list: unknown, field: string, each: (item: unknown) => boolean, what: string) {
  if (!Array.isArray(list)) return { field, message: 'must be a list' };
  const bad = list.findIndex((item) => !each(item));
  return bad < 0 ? null : { field: `${field}.${bad}`, message: what };
}

/** The first fault of a record, or null when it is a well-formed decision. */
export function recordFault(raw: unknown): RecordFault | null {
  if (!isObject(raw) || !hasOnly(raw, RECORD_KEYS))
    return { field: '', message: `must be an object with exactly ${[...RECORD_KEYS].join(', ')}` };
  const d = raw;
  if (!isText(d['claimId'], 64) || d['claimId'].trim() !== d['claimId'])
    return { field: 'claimId', message: 'must be a claim id' };
  if (typeof d['claimContentHash'] !== 'string' || !SHA256_HEX.test(d['claimContentHash']))
    return { field: 'claimContentHash', message: 'must be a SHA-256 hex digest' };
  if (typeof d['outcome'] !== 'string' || !outcomes.has(d['outcome']))
    return { field: 'outcome', message: `must be one of ${OUTCOMES.join(', ')}` };
  const amount = d['amount'];
  if (amount !== null && (!Number.isSafeInteger(amount) || (amount as number) < 0))
    return { field: 'amount', message: 'must be whole KRW or null' };
  if (outcomeTakesAmount(d['outcome'] as Outcome) !== (amount !== null))
    return { field: 'amount', message: 'an approval carries an amount and no other outcome does' };
  const reasons = d['reasons'];
  if (!isObject(reasons) || !hasOnly(reasons, REASON_KEYS) || !isText(reasons['note'], 4000, 0))
    return { field: 'reasons', message: 'must be { codes, note }' };
  return (
    listFault(
      reasons['codes'],
      'reasons.codes',
      (c) => reasonCodes.has(c as string),
      'unknown reason code',
    ) ??
    listFault(
      d['votes'],
      'votes',
      (v) =>
        isObject(v) &&
        hasOnly(v, VOTE_KEYS) &&
        isText(v['member'], 80) &&
        votes.has(v['vote'] as string),
      `must be { member, vote: ${VOTES.join('|')} }`,
    ) ??
    listFault(
      d['evidence'],
      'evidence',
      (e) =>
        isObject(e) &&
        hasOnly(e, EVIDENCE_KEYS) &&
        isText(e['fileName'], 260) &&
        SHA256_HEX.test(e['sha256'] as string),
      'must be { fileName, sha256 }',
    )
  );
}
