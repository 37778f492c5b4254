import type { SupportPolicy, SupportPolicyBody } from '../../../shared/domain/support-policy';
import type { Db } from '../connection';

/**
 * Support policy versions. The table is append-only (triggers refuse UPDATE and DELETE), so
 * this repository only inserts and reads: a change to the policy is always a new version.
 */

export type PolicySummary = Omit<SupportPolicy, 'body'>;

interface PolicyRowData {
  version: number;
  based_on: number | null;
  created_at: string;
  created_by: string;
  note: string;
  body_hash: string;
}

interface PolicyRowWithBody extends PolicyRowData {
  body: string;
}

const SUMMARY_COLUMNS = 'version, based_on, created_at, created_by, note, body_hash';

function summaryFromRow(row: PolicyRowData): PolicySummary {
  return {
    version: row.version,
    basedOn: row.based_on,
    createdAt: row.created_at,
    createdBy: row.created_by,
    note: row.note,
    // As stored: version 1 was hashed over its seed text, later ones over canonical JSON.
    bodyHash: row.body_hash,
  };
}

function policyFromRow(row: PolicyRowWithBody): SupportPolicy {
  return { ...summaryFromRow(row), body: JSON.parse(row.body) as SupportPolicyBody };
}

/** Oldest first. */
export function listPolicySummaries(db: Db): PolicySummary[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM support_policies ORDER BY version`)
    .all() as PolicyRowData[];
  return rows.map(summaryFromRow);
}

export function findPolicy(db: Db, version: number): SupportPolicy | undefined {
  const row = db.prepare('SELECT * FROM support_policies WHERE version = ?').get(version) as
    PolicyRowWithBody | undefined;
  return row ? policyFromRow(row) : undefined;
}

export function findLatestPolicy(db: Db): SupportPolicy | undefined {
  const row = db.prepare('SELECT * FROM support_policies ORDER BY version DESC LIMIT 1').get() as
    PolicyRowWithBody | undefined;
  return row ? policyFromRow(row) : undefined;
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
