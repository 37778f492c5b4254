import { durableTransaction } from '../../db/connection';
import {
  buildMinutes,
  meetingRecordCanonicalJson,
  MinutesError,
  minutesCanonicalJson,
  type MinutesModel,
  type MinutesStatus,
  type MinutesVersionInfo,
  type StoredMinutesModel,
} from '../../../shared/domain/minutes';
import type { MinutesVersionDto } from '../../../shared/ipc/minutes-schemas';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import type { MeetingRow } from '../../db/repositories/meetings';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { sha256Hex } from '../hashing';
import { getMeetingRow, requireChair } from '../meetings/access';
import { requireSecretary } from '../people/people';
import { secretarySummary } from '../payouts';
import { readMinutesInput } from './read';
import {
  findVersionRow,
  insertApproval,
  insertVersion,
  listVersionRows,
  type MinutesVersionRow,
} from '../../db/repositories/minutes';

/*
 * Minutes versions: the secretary drafts, the chair approves. A version is the canonical JSON of
 * the minutes model built from the database at drafting time, with its SHA-256; it never
 * changes (migration 012), so a correction is the next version, drafted from the records as
 * they are then, and every version stays listed with its status.
 */

/**
 * The rule a refusal applied, as an issue code the app can say in Korean; `message` carries the
 * one number the sentence needs (a version), so the app never parses the English text.
 */
function refusal(path: string, code: string, message: string) {
  return { path, code, message };
}

/** Approved once approved; else a draft while it is the meeting's latest version, then superseded. */
function statusOf(row: MinutesVersionRow): MinutesStatus {
  if (row.approvedAt !== null) return 'approved';
  return row.version < row.latestVersion ? 'superseded' : 'draft';
}

function dtoOf(meeting: MeetingRow, row: MinutesVersionRow): MinutesVersionDto {
  const model = JSON.parse(row.modelJson) as StoredMinutesModel;
  return {
    meetingId: meeting.id,
    meetingNumber: meeting.number,
    version: row.version,
    status: statusOf(row),
    sha256: row.sha256,
    madeAt: row.madeAt,
    madeBy: row.madeBy,
    approvedAt: row.approvedAt,
    approvedBy: row.approvedBy,
    items: model.items.length,
  };
}

const meetingRecordOf = (row: MinutesVersionRow) =>
  meetingRecordCanonicalJson(JSON.parse(row.modelJson) as StoredMinutesModel);

function requireClosed(meeting: MeetingRow, what: string): void {
  if (meeting.status !== 'closed')
    throw new ServiceError(
      'conflict',
      `meeting no. ${meeting.number} is still open; close it before ${what} its minutes`,
      [refusal('meeting', 'meeting_open', `meeting no. ${meeting.number} is still open`)],
    );
}

function requireVersion(ctx: ServiceContext, meeting: MeetingRow, version: number) {
  const row = findVersionRow(ctx.db, meeting.id, version);
  if (!row)
    throw new ServiceError(
      'not_found',
      `meeting no. ${meeting.number} has no minutes version ${version}`,
    );
  return row;
}

/** Every version of a meeting's minutes, newest first. */
export function listMinutesVersions(ctx: ServiceContext, meetingId: number): MinutesVersionDto[] {
  const meeting = getMeetingRow(ctx, meetingId);
  return listVersionRows(ctx.db, meeting.id).map((row) => dtoOf(meeting, row));
}

/**
 * The minutes of a closed meeting as the records stand at `asOf`; not stored. The payout
 * summary is the secretary's summary of the whole workspace, read with the clock pinned to
 * `asOf` so the snapshot carries the drafting instant and takes no extra tick of the clock.
 */
export function currentMinutesModel(
  ctx: ServiceContext,
  meeting: MeetingRow,
  asOf: Date = ctx.now(),
): MinutesModel {
  try {
    const payout = secretarySummary({ ...ctx, now: () => asOf });
    return buildMinutes({ ...readMinutesInput(ctx.db, meeting), payout });
  } catch (error) {
    if (!(error instanceof MinutesError)) throw error;
    throw new ServiceError('conflict', error.message, [
      {
        path: error.claimIds.length ? 'agenda' : 'meeting',
        code: error.code,
        message: error.message,
      },
    ]);
  }
}

/**
 * Drafts the next version. Refuses an open meeting, an unconfirmed agenda item (see
 * buildMinutes), and a draft whose meeting record is the latest version's: nothing about the
 * meeting changed, so the latest version already records it. The workspace's payout figures
 * are left out of that comparison on purpose (meetingRecordCanonicalJson): they move with every
 * other meeting and import, and a version drafted for them alone would replace the position the
 * council saw with one it never saw. A version drafted for a real change carries the figures
 * as they are then.
 */
export function draftMinutes(ctx: ServiceContext, meetingId: number): MinutesVersionDto {
  const secretary = requireSecretary(ctx, 'Drafting minutes');
  return durableTransaction(ctx.db, () => {
    const meeting = getMeetingRow(ctx, meetingId);
    requireClosed(meeting, 'drafting');
    // One instant for the version and its payout snapshot, read in this same transaction.
    const madeAt = ctx.now();
    const model = currentMinutesModel(ctx, meeting, madeAt);
    const [latest] = listVersionRows(ctx.db, meeting.id);
    if (latest && meetingRecordOf(latest) === meetingRecordCanonicalJson(model))
      throw new ServiceError(
        'conflict',
        `nothing has changed since version ${latest.version} of meeting no. ${meeting.number}'s minutes (${statusOf(latest) === 'approved' ? 'approved' : 'a draft'}) in the meeting's own record; it already records the meeting as it stands, and newer payout figures alone do not make a new version`,
        [refusal('version', 'nothing_changed', String(latest.version))],
      );
    const modelJson = minutesCanonicalJson(model);
    const sha256 = sha256Hex(modelJson);
    const version = (latest?.version ?? 0) + 1;
    const at = madeAt.toISOString();
    insertVersion(ctx.db, {
      meetingId: meeting.id,
      version,
      modelJson,
      sha256,
      madeAt: at,
      madeBy: secretary.name,
    });
    appendAudit(ctx.db, signerOf(ctx), {
      at,
      action: 'minutes.drafted',
      subjectType: 'meeting',
      subjectId: String(meeting.id),
      details: {
        meetingNumber: meeting.number,
        version,
        sha256,
        replaces: latest ? { version: latest.version, sha256: latest.sha256 } : null,
      },
    });
    return dtoOf(meeting, requireVersion(ctx, meeting, version));
  });
}

/**
 * The chair approves a version: only the latest (an older draft was replaced), only once. The
 * stored text is re-hashed first, so what gets approved is exactly what was drafted.
 */
export function approveMinutes(
  ctx: ServiceContext,
  request: { meetingId: number; version: number },
): MinutesVersionDto {
  const chair = requireChair(ctx, 'Approving minutes');
  return durableTransaction(ctx.db, () => {
    const meeting = getMeetingRow(ctx, request.meetingId);
    const row = requireVersion(ctx, meeting, request.version);
    if (row.approvedAt !== null)
      throw new ServiceError(
        'conflict',
        `version ${row.version} of meeting no. ${meeting.number}'s minutes was approved on ${row.approvedAt} by ${row.approvedBy} and is locked; a change is a new version`,
        [refusal('version', 'version_locked', String(row.version))],
      );
    if (row.version < row.latestVersion)
      throw new ServiceError(
        'conflict',
        `version ${row.version} of meeting no. ${meeting.number}'s minutes was replaced by version ${row.latestVersion}; approve the latest version`,
        [refusal('version', 'version_replaced', String(row.latestVersion))],
      );
    if (sha256Hex(row.modelJson) !== row.sha256)
      throw new ServiceError(
        'conflict',
        `version ${row.version}'s stored text no longer matches its hash; draft a new version`,
      );
    const at = ctx.now().toISOString();
    insertApproval(ctx.db, {
      versionId: row.id,
      sha256: row.sha256,
      approvedAt: at,
      approvedBy: chair.name,
    });
    appendAudit(ctx.db, signerOf(ctx), {
      at,
      action: 'minutes.approved',
      subjectType: 'meeting',
      subjectId: String(meeting.id),
      details: { meetingNumber: meeting.number, version: row.version, sha256: row.sha256 },
    });
    return dtoOf(meeting, requireVersion(ctx, meeting, row.version));
  });
}

export interface StoredMinutes {
  meeting: MeetingRow;
  dto: MinutesVersionDto;
  info: MinutesVersionInfo;
  /** Format 1 versions, drafted before the payout summary, have none. */
  model: StoredMinutesModel;
}

/**
 * One stored version with its model. Without a version number: the latest approved one, else
 * the latest draft; a meeting without any version is refused, since drafting is the
 * secretary's recorded act and never a side effect of looking.
 */
export function getStoredMinutes(
  ctx: ServiceContext,
  meetingId: number,
  version?: number,
): StoredMinutes {
  const meeting = getMeetingRow(ctx, meetingId);
  let row: MinutesVersionRow | undefined;
  if (version !== undefined) row = requireVersion(ctx, meeting, version);
  else {
    const rows = listVersionRows(ctx.db, meeting.id);
    row = rows.find((r) => r.approvedAt !== null) ?? rows[0];
  }
  if (!row)
    throw new ServiceError(
      'not_found',
      `meeting no. ${meeting.number} has no minutes yet; the secretary drafts them first`,
    );
  const dto = dtoOf(meeting, row);
  return {
    meeting,
    dto,
    info: {
      version: dto.version,
      sha256: dto.sha256,
      status: dto.status,
      madeAt: dto.madeAt,
      madeBy: dto.madeBy,
      approvedAt: dto.approvedAt,
      approvedBy: dto.approvedBy,
    },
    model: JSON.parse(row.modelJson) as StoredMinutesModel,
  };
}
