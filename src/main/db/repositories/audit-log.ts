import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../../shared/domain/canonical-json';
import type { AuditAction } from '../../../shared/domain/audit-actions';
import type { Db } from '../connection';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  at: string;
  actor: string;
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  details: { [key: string]: JsonValue };
}

/** As read back: an old log may hold actions this build no longer writes. */
export interface AuditEntry extends Omit<AuditEntryInput, 'action'> {
  action: string;
  seq: number;
  prevHash: string;
  hash: string;
}

/** The columns as AuditEntry names them; details stay JSON text until decoded. */
const AUDIT_COLUMNS = `seq, at, actor, action, subject_type AS subjectType, subject_id AS subjectId,
  details, prev_hash AS prevHash, hash`;

type AuditRow = Omit<AuditEntry, 'details'> & { details: string };

/** The hash covers every field but itself, in canonical form, so any change shows. */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, action, subjectType, subjectId, details, prevHash } = entry;
  const body = canonicalJson({ seq, at, actor, action, subjectType, subjectId, details, prevHash });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

function decode(row: AuditRow): AuditEntry {
  return { ...row, details: JSON.parse(row.details) as AuditEntry['details'] };
}

/**
 * Appends one entry after the current last one. Call it inside the same transaction as the
 * write it records, so the write and its audit entry land together or not at all.
 */
export function appendAudit(db: Db, input: AuditEntryInput): AuditEntry {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const entry: AuditEntry = { ...input, seq, prevHash, hash: '' };
  entry.hash = hashAuditEntry(entry);
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor, action, subject_type, subject_id, details, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @subjectType, @subjectId, @details, @prevHash, @hash)`,
  ).run({ ...entry, details: canonicalJson(entry.details) });
  return entry;
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
  for (const row of db
    .prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY seq`)
    .iterate() as Iterable<AuditRow>) {
    const entry = decode(row);
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
