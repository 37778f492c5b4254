import type { Db } from '../connection';

/** Rows of decision_files (append-only): every signed decision file this workspace exported. */

/** A decision file as the Meetings screen lists it, with what its export's audit entry says. */
export interface DecisionFileSummary {
  id: number;
  meetingId: number;
  fileSha256: string;
  payloadSha256: string;
  previousPayloadSha256: string | null;
  exportedAt: string;
  exportedBy: string;
  decisions: number;
  signers: { name: string; role: string }[];
}

interface DecisionFileRow extends Omit<DecisionFileSummary, 'decisions' | 'signers'> {
  /** The export's audit entry: who signed and how many decisions (the file itself says it too). */
  details: string | null;
}

/*
 * The export's audit entry is found by its subject (the meeting) first, so the audit_by_subject
 * index picks the meeting's few entries instead of the whole audit log being read.
 */
const SELECT_FILES = `
  SELECT f.id, f.meeting_id AS meetingId, f.file_sha256 AS fileSha256,
         f.payload_sha256 AS payloadSha256, f.previous_payload_sha256 AS previousPayloadSha256,
         f.exported_at AS exportedAt, f.exported_by AS exportedBy, a.details
  FROM decision_files f
  LEFT JOIN audit_log a ON a.subject_type = 'meeting'
    AND a.subject_id = CAST(f.meeting_id AS TEXT)
    AND a.action = 'decisions.exported'
    AND json_extract(a.details, '$.decisionFileId') = f.id`;

function decode(row: DecisionFileRow): DecisionFileSummary {
  const { details, ...rest } = row;
  const parsed = details
    ? (JSON.parse(details) as { decisions?: number; signers?: { name: string; role: string }[] })
    : {};
  return { ...rest, decisions: parsed.decisions ?? 0, signers: parsed.signers ?? [] };
}

/** Every decision file exported for one meeting, oldest first. */
export function listDecisionFilesForMeeting(db: Db, meetingId: number): DecisionFileSummary[] {
  const rows = db
    .prepare(`${SELECT_FILES} WHERE f.meeting_id = ? ORDER BY f.id`)
    .all(meetingId) as DecisionFileRow[];
  return rows.map(decode);
}

/** The exact text that was signed, with its meeting, if the file exists. */
export function findDecisionFileText(
  db: Db,
  fileId: number,
): { meetingId: number; text: string } | undefined {
  return db
    .prepare('SELECT meeting_id AS meetingId, file_text AS text FROM decision_files WHERE id = ?')
    .get(fileId) as { meetingId: number; text: string } | undefined;
}

/** The id of the meeting's latest recorded decision file, or null when it has none. */
export function latestDecisionFileId(db: Db, meetingId: number): number | null {
  const row = db
    .prepare('SELECT max(id) AS id FROM decision_files WHERE meeting_id = ?')
    .get(meetingId) as { id: number | null };
  return row.id;
}

/** The payload hash of the file exported last, whatever its meeting; null before the first. */
export function lastPayloadSha256(db: Db): string | null {
  const row = db
    .prepare('SELECT payload_sha256 AS sha FROM decision_files ORDER BY id DESC LIMIT 1')
    .get() as { sha: string } | undefined;
  return row?.sha ?? null;
}

export interface DecisionFileInsert {
  meetingId: number;
  fileSha256: string;
  payloadSha256: string;
  previousPayloadSha256: string | null;
  exportedAt: string;
  exportedBy: string;
  fileText: string;
}

/** Stores an exported file's row; returns its id. */
export function insertDecisionFile(db: Db, file: DecisionFileInsert): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO decision_files (meeting_id, file_sha256, payload_sha256,
         previous_payload_sha256, exported_at, exported_by, file_text)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      file.meetingId,
      file.fileSha256,
      file.payloadSha256,
      file.previousPayloadSha256,
      file.exportedAt,
      file.exportedBy,
      file.fileText,
    );
  return Number(lastInsertRowid);
}

/**
 * Prepared once, run per signature: the text of the first exported file (by id) whose text
 * contains the given string, if any.
 */
export function decisionFileTextContaining(db: Db): (fragment: string) => string | undefined {
  const statement = db.prepare(
    'SELECT file_text AS text FROM decision_files WHERE instr(file_text, ?) > 0 ORDER BY id LIMIT 1',
  );
  return (fragment) => (statement.get(fragment) as { text: string } | undefined)?.text;
}
