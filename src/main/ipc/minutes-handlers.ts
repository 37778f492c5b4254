import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { writeNewFile } from '../services/new-file';
import type { ServiceContext } from '../services/context';
import type { ImportRunner } from '../services/intake/runner';
import {
  approveMinutes,
  draftMinutes,
  getStoredMinutes,
  listMinutesVersions,
  renderMinutes,
} from '../services/minutes';
import type { Platform } from './platform';
import type { PathGrants } from './path-grants';

const versionOf = (request: { version?: number | undefined }) =>
  request.version === undefined ? {} : { version: request.version };

/** Handlers of the channels in minutes-schemas.ts: a meeting's minutes in the app. */
export function minutesHandlers(
  ctx: ServiceContext,
  platform: Platform,
  // Writes go through the router's write lock (the contract marks them); nothing here waits on it.
  _runner: ImportRunner,
  // Nothing here reads a path the renderer names: the save place comes from the dialog.
  _grants: PathGrants,
) {
  return {
    'minutes:list': (request: ParsedRequestOf<'minutes:list'>) => ({
      versions: listMinutesVersions(ctx, request.meetingId),
    }),
    'minutes:draft': (request: ParsedRequestOf<'minutes:draft'>) => ({
      version: draftMinutes(ctx, request.meetingId),
    }),
    'minutes:approve': (request: ParsedRequestOf<'minutes:approve'>) => ({
      version: approveMinutes(ctx, request),
    }),
    'minutes:render': async (request: ParsedRequestOf<'minutes:render'>) => {
      const rendered = await renderMinutes(ctx, {
        meetingId: request.meetingId,
        ...versionOf(request),
        format: 'pdf',
      });
      return { version: rendered.version, fileName: rendered.fileName, bytes: rendered.bytes };
    },
    'minutes:export': async (request: ParsedRequestOf<'minutes:export'>) => {
      // Which version is settled first, so a meeting without minutes is refused before a dialog.
      const stored = getStoredMinutes(ctx, request.meetingId, request.version);
      const path = await platform.chooseSavePath(
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
    },
  };
}
