import type { ParsedRequestOf } from '../../shared/ipc/contract';
import type { ServiceContext } from '../services/context';
import {
  exportedFileText,
  exportMeetingDecisions,
  listExportedFiles,
} from '../services/decision-file';
import { ServiceError } from '../services/errors';
import { readKeyFile, unlockKeyFile } from '../services/identity';
import type { ImportRunner } from '../services/import/runner';
import { getMeetingRow } from '../services/meetings/access';
import type { Platform } from './handlers';
import type { PathGrants } from './path-grants';
import { writeNewFile } from '../services/new-file';

/** Handlers of the channels in decision-file-schemas.ts: signing a meeting's file in the app. */
export function decisionFileHandlers(
  ctx: ServiceContext,
  platform: Platform,
  runner: ImportRunner,
  grants: PathGrants,
) {
  return {
    'decisionFiles:chooseSigner': async () => {
      const path = await platform.chooseFile('key-file');
      if (path === null) return { key: null };
      grants.grant(path);
      const { name, role, fingerprint, protection } = readKeyFile(path);
      return { key: { path, name, role, fingerprint, protection } };
    },
    'decisionFiles:list': (request: ParsedRequestOf<'decisionFiles:list'>) => ({
      files: listExportedFiles(ctx, request.meetingId),
    }),
    'decisionFiles:export': async (request: ParsedRequestOf<'decisionFiles:export'>) => {
      for (const signer of request.signers) grants.check(signer.keyFile, 'key file');
      const meeting = getMeetingRow(ctx, request.meetingId);
      // The place is asked first: a closed dialog must leave nothing signed and nothing recorded.
      const path = await platform.chooseSavePath(`meeting-${meeting.number}-decisions.json`);
      if (path === null) return { path: null, file: null };
      const signers = request.signers.map((s) =>
        unlockKeyFile(s.keyFile, {
          ...(s.passphrase === '' ? {} : { passphrase: s.passphrase }),
          protector: platform.keyProtector(),
        }),
      );
      return runner.guardWrite(() => {
        const exported = exportMeetingDecisions(ctx, {
          meetingId: meeting.id,
          signers,
          ...(request.council ? { council: request.council } : {}),
        });
        try {
          writeNewFile(path, exported.fileText, 'a signed file is never overwritten');
        } catch (error) {
          // Signed and recorded already: the same text can be written again from the list.
          throw new ServiceError(
            'conflict',
            `${(error as Error).message}. The file is signed and kept in the workspace; save a copy from the meeting's list of files`,
          );
        }
        const file = listExportedFiles(ctx, meeting.id).find(
          (f) => f.payloadSha256 === exported.payloadSha256,
        );
        return { path, file: file ?? null };
      });
    },
    'decisionFiles:saveCopy': async (request: ParsedRequestOf<'decisionFiles:saveCopy'>) => {
      const { meetingId, text } = exportedFileText(ctx.db, request.fileId);
      const meeting = getMeetingRow(ctx, meetingId);
      const path = await platform.chooseSavePath(
        `meeting-${meeting.number}-decisions-${request.fileId}.json`,
      );
      if (path === null) return { path: null };
      writeNewFile(path, text, 'a signed file is never overwritten');
      return { path };
    },
  };
}
