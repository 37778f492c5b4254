import { writeNewFile } from '../new-file';
import type { Serve } from '../channel';
import {
  approveMinutes,
  draftMinutes,
  getStoredMinutes,
  listMinutesVersions,
  renderMinutes,
} from '.';

const versionOf = (request: { version?: number | undefined }) =>
  request.version === undefined ? {} : { version: request.version };

/** minutes:* — a meeting's minutes: drafted, approved by the chair, rendered, handed out. */
export const list: Serve<'minutes:list'> = (ctx, request) => ({
  versions: listMinutesVersions(ctx, request.meetingId),
});

export const draft: Serve<'minutes:draft'> = (ctx, request) => ({
  version: draftMinutes(ctx, request.meetingId),
});

export const approve: Serve<'minutes:approve'> = (ctx, request) => ({
  version: approveMinutes(ctx, request),
});

export const render: Serve<'minutes:render'> = async (ctx, request) => {
  const rendered = await renderMinutes(ctx, {
    meetingId: request.meetingId,
    ...versionOf(request),
    format: 'pdf',
  });
  return { version: rendered.version, fileName: rendered.fileName, bytes: rendered.bytes };
};

const exportMinutes: Serve<'minutes:export'> = async (ctx, request, io) => {
  // Which version is settled first, so a meeting without minutes is refused before a dialog.
  const stored = getStoredMinutes(ctx, request.meetingId, request.version);
  const path = await io.platform.chooseSavePath(
    `meeting-${stored.meeting.number}.minutes-v${stored.dto.version}.${request.format}`,
  );
  if (path === null) return { path: null, version: stored.dto };
  const rendered = await renderMinutes(ctx, {
    meetingId: request.meetingId,
    version: stored.dto.version,
    format: request.format,
  });
  writeNewFile(path, rendered.bytes, 'minutes handed out are never overwritten');
  return { path, version: rendered.version };
};
export { exportMinutes as export };
