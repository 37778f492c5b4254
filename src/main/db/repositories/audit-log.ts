import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../../shared/domain/canonical-json';
import type { AuditAction } from '../../../shared/domain/audit-actions';
import { rolesForAct, UNIDENTIFIED_OPERATOR } from '../../../shared/domain/acts';
import type { PersonRole } from '../../../shared/ipc/review-schemas';
import type { Db } from '../connection';
import { ActNotPermittedError } from '../errors';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  at: string;
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  details: { [key: string]: JsonValue };
}

/**
 * Who an entry is recorded under: a person who unlocked their key (name and role from the
 * roster in force, the key's kid, and a way to sign with it), or null for the workspace's
 * unidentified operator. The private key stays with the caller; the log only asks for a
 * signature over the entry's hash.
 */
export interface AuditSigner {
  name: string;
  role: PersonRole;
  kid: string;
  sign(hash: string): string;
}

/** As read back: an old log may hold actions this build no longer writes. */
export interface AuditEntry extends Omit<AuditEntryInput, 'action'> {
  action: string;
  actor: string;
  /** The actor's key; null for the unidentified operator and for entries older than keys. */
  actorKid: string | null;
  /** base64url Ed25519 signature by actorKid over `hash`. */
  signature: string | null;
  seq: number;
  prevHash: string;
  hash: string;
}

/** The columns as AuditEntry names them; details stay JSON text until decoded. */
const AUDIT_COLUMNS = `seq, at, actor, actor_kid AS actorKid, action, subject_type AS subjectType,
  subject_id AS subjectId, details, prev_hash AS prevHash, hash, signature`;

type AuditRow = Omit<AuditEntry, 'details'> & { details: string };

/**
 * The hash covers every field but itself and the signature (which signs it), in canonical
 * form, so any change shows. The key is covered only when there is one, so entries written
 * before keys keep the hashes they were written with.
 */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash' | 'signature'>): string {
  const { seq, at, actor, actorKid, action, subjectType, subjectId, details, prevHash } = entry;
  const body = canonicalJson({
    seq,
    at,
    actor,
    ...(actorKid === null ? {} : { actorKid }),
    action,
    subjectType,
    subjectId,
    details,
    prevHash,
  });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/**
 * The one place the rule is held, whatever path a write comes from: an act with authority
 * needs a person whose roster role may perform it, and is signed by them.
 */
function checkPermitted(action: AuditAction, by: AuditSigner | null): void {
  const roles = rolesForAct(action);
  if (roles === undefined) return;
  if (by === null) throw new ActNotPermittedError(action, roles, null);
  if (!roles.includes(by.role))
    throw new ActNotPermittedError(action, roles, { name: by.name, role: by.role });
}

function decode(row: AuditRow): AuditEntry {
  return { ...row, details: JSON.parse(row.details) as AuditEntry['details'] };
}

/**
 * Appends one entry after the current last one. Call it inside the same transaction as the
 * write it records, so the write and its audit entry land together or not at all.
 */
export function appendAudit(db: Db, by: AuditSigner | null, input: AuditEntryInput): AuditEntry {
  checkPermitted(input.action, by);
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const entry: AuditEntry = {
    ...input,
    actor: by?.name ?? UNIDENTIFIED_OPERATOR,
    actorKid: by?.kid ?? null,
    seq,
    prevHash,
    hash: '',
    signature: null,
  };
  entry.hash = hashAuditEntry(entry);
  entry.signature = by?.sign(entry.hash) ?? null;
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor, actor_kid, action, subject_type, subject_id, details,
       prev_hash, hash, signature)
     VALUES (@seq, @at, @actor, @actorKid, @action, @subjectType, @subjectId, @details, @prevHash,
       @hash, @signature)`,
  ).run({ ...entry, details: canonicalJson(entry.details) });
  return entry;
}

/** Every entry in order, for checks that walk the whole chain (one row at a time). */
export function* iterateAudit(db: Db): Generator<AuditEntry> {
  for (const row of db
    .prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY seq`)
    .iterate() as Iterable<AuditRow>)
    yield decode(row);
}

export function listAudit(
  db: Db,
  filter: { subjectId?: string; limit?: number } = {},
): AuditEntry[] {
  const limit = filter.limit ?? 500;
  const rows = (
    filter.subjectId === undefined
      ? db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT ?`).all(limit)
      : db
          .prepare(
            `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE subject_id = ? ORDER BY seq DESC LIMIT ?`,
          )
          .all(filter.subjectId, limit)
  ) as AuditRow[];
  return rows.map(decode);
}

export interface AuditChainVerification {
  ok: boolean;
  entries: number;
  /** The first entry that does not fit the chain; everything before it is intact. */
  firstBadSeq: number | null;
  problem: 'hash_mismatch' | 'broken_link' | 'sequence_gap' | null;
}

/** Walks the whole log in order, recomputing each hash and checking each link. */
export function verifyAuditChain(db: Db): AuditChainVerification {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (const entry of iterateAudit(db)) {
    const fail = (problem: AuditChainVerification['problem']): AuditChainVerification => ({
      ok: false,
      entries,
      firstBadSeq: entry.seq,
      problem,
    });
    if (entry.seq !== expectedSeq) return fail('sequence_gap');
    if (entry.prevHash !== expectedPrev) return fail('broken_link');
    if (hashAuditEntry(entry) !== entry.hash) return fail('hash_mismatch');
    expectedPrev = entry.hash;
    expectedSeq += 1;
    entries += 1;
  }
  return { ok: true, entries, firstBadSeq: null, problem: null };
}

/** One entry of a claim's history, its details decoded. */
export type ClaimHistoryEntry = Pick<AuditEntry, 'seq' | 'at' | 'actor' | 'action' | 'details'>;

interface ClaimHistoryRow extends Omit<ClaimHistoryEntry, 'details'> {
  details: string;
}

/**
 * Everything recorded against a claim, plus its batch's import, oldest first. batchId is the
 * claim's batch (the audit log names batches by their id as text).
 */
export function listClaimHistory(db: Db, claimId: string, batchId: number): ClaimHistoryEntry[] {
  const rows = db
    .prepare(
      `SELECT seq, at, actor, action, details FROM audit_log
       WHERE (subject_type = 'claim' AND subject_id = @claimId)
          OR (subject_type = 'batch' AND subject_id = @batchId AND action = 'batch.imported')
       ORDER BY seq`,
    )
    .all({ claimId, batchId: String(batchId) }) as ClaimHistoryRow[];
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as AuditEntry['details'] }));
}
