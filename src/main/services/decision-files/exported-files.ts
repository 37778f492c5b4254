import type { Db } from '../../db/connection';
import {
  findDecisionFileText,
  latestDecisionFileId,
  listDecisionFilesForMeeting,
  type DecisionFileSummary,
} from '../../db/repositories/decision-files';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/** A decision file this workspace exported, as the Meetings screen lists it. */
export type ExportedFileSummary = DecisionFileSummary;

/** Every decision file exported for one meeting, oldest first. */
export function listExportedFiles(ctx: ServiceContext, meetingId: number): ExportedFileSummary[] {
  return listDecisionFilesForMeeting(ctx.db, meetingId);
}

/** The exact text that was signed, to write again (a lost copy, a failed save). */
export function exportedFileText(db: Db, fileId: number): { meetingId: number; text: string } {
  const row = findDecisionFileText(db, fileId);
  if (!row) throw new ServiceError('not_found', `decision file ${fileId} does not exist`);
  return row;
}

/** The id of the meeting's latest recorded decision file, or null when it has none. */
export function latestExportedFileId(db: Db, meetingId: number): number | null {
  return latestDecisionFileId(db, meetingId);
}
