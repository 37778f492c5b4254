import type { Db } from '../connection';

/** Rows of migration 012's tables: minutes versions with their approval, if any. */

export interface MinutesVersionRow {
  id: number;
  meetingId: number;
  version: number;
  modelJson: string;
  sha256: string;
  madeAt: string;
  madeBy: string;
  approvedAt: string | null;
  approvedBy: string | null;
  /** The meeting's highest version number, to tell a live draft from a replaced one. */
  latestVersion: number;
}

const SELECT_VERSIONS = `
  SELECT v.id, v.meeting_id AS meetingId, v.version, v.model_json AS modelJson, v.sha256,
         v.made_at AS madeAt, v.made_by AS madeBy,
         a.approved_at AS approvedAt, a.approved_by AS approvedBy,
         (SELECT max(w.version) FROM minutes_versions w WHERE w.meeting_id = v.meeting_id)
           AS latestVersion
  FROM minutes_versions v LEFT JOIN minutes_approvals a ON a.version_id = v.id`;

/** Newest first. */
export function listVersionRows(db: Db, meetingId: number): MinutesVersionRow[] {
  return db
    .prepare(`${SELECT_VERSIONS} WHERE v.meeting_id = ? ORDER BY v.version DESC`)
    .all(meetingId) as MinutesVersionRow[];
}

export function findVersionRow(
  db: Db,
  meetingId: number,
  version: number,
): MinutesVersionRow | undefined {
  return db
    .prepare(`${SELECT_VERSIONS} WHERE v.meeting_id = ? AND v.version = ?`)
    .get(meetingId, version) as MinutesVersionRow | undefined;
}

export function insertVersion(
  db: Db,
  row: Pick<
    MinutesVersionRow,
    'meetingId' | 'version' | 'modelJson' | 'sha256' | 'madeAt' | 'madeBy'
  >,
): number {
  const result = db
    .prepare(
      `INSERT INTO minutes_versions (meeting_id, version, model_json, sha256, made_at, made_by)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(row.meetingId, row.version, row.modelJson, row.sha256, row.madeAt, row.madeBy);
  return Number(result.lastInsertRowid);
}

export function insertApproval(
  db: Db,
  approval: { versionId: number; sha256: string; approvedAt: string; approvedBy: string },
): void {
  db.prepare(
    `INSERT INTO minutes_approvals (version_id, sha256, approved_at, approved_by)
     VALUES (?, ?, ?, ?)`,
  ).run(approval.versionId, approval.sha256, approval.approvedAt, approval.approvedBy);
}

/** The hash of the meeting's latest approved minutes version: what its decision file names. */
export function latestApprovedMinutesSha256(db: Db, meetingId: number): string | null {
  const row = db
    .prepare(
      `SELECT v.sha256 FROM minutes_versions v JOIN minutes_approvals a ON a.version_id = v.id
       WHERE v.meeting_id = ? ORDER BY v.version DESC LIMIT 1`,
    )
    .get(meetingId) as { sha256: string } | undefined;
  return row?.sha256 ?? null;
}
