import type { SupportPolicy, SupportPolicyBody } from '../../../shared/domain/support-policy';
import type { Db } from '../connection';

/**
 * Support policy versions. The table is append-only (triggers refuse UPDATE and DELETE), so
 * this repository only inserts and reads: a change to the policy is always a new version.
 */

export type PolicySummary = Omit<SupportPolicy, 'body'>;

// As stored: version 1 was hashed over its seed text, later ones over canonical JSON.
const SUMMARY_COLUMNS = `version, based_on AS basedOn, created_at AS createdAt,
  created_by AS createdBy, note, body_hash AS bodyHash`;

/** The body stays JSON text until decoded. */
type PolicyRow = PolicySummary & { body: string };

function decode(row: PolicyRow): SupportPolicy {
  return { ...row, body: JSON.parse(row.body) as SupportPolicyBody };
}

/** Oldest first. */
export function listPolicySummaries(db: Db): PolicySummary[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM support_policies ORDER BY version`)
    .all() as PolicySummary[];
  return rows;
}

export function findPolicy(db: Db, version: number): SupportPolicy | undefined {
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, body FROM support_policies WHERE version = ?`)
    .get(version) as PolicyRow | undefined;
  return row ? decode(row) : undefined;
}

export function findLatestPolicy(db: Db): SupportPolicy | undefined {
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, body FROM support_policies ORDER BY version DESC LIMIT 1`)
    .get() as PolicyRow | undefined;
  return row ? decode(row) : undefined;
}

/** `bodyJson` is stored verbatim, so the hash can be checked against exactly these bytes. */
export function insertPolicy(
  db: Db,
  policy: Omit<SupportPolicy, 'body'> & { bodyJson: string },
): void {
  db.prepare(
    `INSERT INTO support_policies (version, based_on, created_at, created_by, note, body, body_hash)
     VALUES (@version, @basedOn, @createdAt, @createdBy, @note, @bodyJson, @bodyHash)`,
  ).run(policy);
}
