import type { Db } from '../../db/connection';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/** A decision file this workspace exported, as the Meetings screen lists it. */
export interface ExportedFileSummary {
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

interface ExportedFileRow {
  id: number;
  meetingId: number;
  fileSha256: string;
  payloadSha256: string;
  previousPayloadSha256: string | null;
  exportedAt: string;
  exportedBy: string;
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

function summaryOf(row: ExportedFileRow): ExportedFileSummary {
  const { details, ...rest } = row;
  const parsed = details
    ? (JSON.parse(details) as { decisions?: number; signers?: { name: string; role: string }[] })
    : {};
  return { ...rest, decisions: parsed.decisions ?? 0, signers: parsed.signers ?? [] };
}

/** Every decision file exported for one meeting, oldest first. */
export function listExportedFiles(ctx: ServiceContext, meetingId: number): ExportedFileSummary[] {
  const rows = ctx.db
    .prepare(`${SELECT_FILES} WHERE f.meeting_id = ? ORDER BY f.id`)
    .all(meetingId) as ExportedFileRow[];
  return rows.map(summaryOf);
}

/** The exact text that was signed, to write again (a lost copy, a failed save). */
export function exportedFileText(db: Db, fileId: number): { meetingId: number; text: string } {
  const row = db
    .prepare('SELECT meeting_id AS meetingId, file_text AS text FROM decision_files WHERE id = ?')
    .get(fileId) as { meetingId: number; text: string } | undefined;
  if (!row) throw new ServiceError('not_found', `decision file ${fileId} does not exist`);
  return row;
}

/** The id of the meeting's latest recorded decision file, or null when it has none. */
export function latestExportedFileId(db: Db, meetingId: number): number | null {
  const row = db
    .prepare('SELECT max(id) AS id FROM decision_files WHERE meeting_id = ?')
    .get(meetingId) as { id: number | null };
  return row.id;
}
