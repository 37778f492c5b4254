import type { ParsedRequestOf } from '../../shared/ipc/contract';
import type { ServiceContext } from '../services/context';
import { exportedFileText, listExportedFiles } from '../services/decision-file';
import { exportDecisionFileTo, SIGNED_FILE_RULE } from '../services/decision-file/export';
import { readKeyFile, unlockKeyFile } from '../services/identity';
import type { ImportRunner } from '../services/intake/runner';
import { getMeetingRow } from '../services/meetings/access';
import type { Platform } from './platform';
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
      // The file is durably in place before it is recorded; a refusal (a taken name, a failed
      // write) records nothing and leaves the chain as it was.
      const exported = exportDecisionFileTo(
        ctx,
        {
          meetingId: meeting.id,
          signers,
          ...(request.council ? { council: request.council } : {}),
        },
        path,
      );
      const file = listExportedFiles(ctx, meeting.id).find(
        (f) => f.payloadSha256 === exported.payloadSha256,
      );
      return { path, file: file ?? null };
    },
    'decisionFiles:saveCopy': async (request: ParsedRequestOf<'decisionFiles:saveCopy'>) => {
      const { meetingId, text } = exportedFileText(ctx.db, request.fileId);
      const meeting = getMeetingRow(ctx, meetingId);
      const path = await platform.chooseSavePath(
        `meeting-${meeting.number}-decisions-${request.fileId}.json`,
      );
      if (path === null) return { path: null };
      // Durable like every file handed out: temp file, fsync, linked into place, folder fsync.
      writeNewFile(path, text, SIGNED_FILE_RULE);
      return { path };
    },
  };
}
