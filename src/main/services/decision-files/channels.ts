import { readKeyFile, unlockKeyFile } from '../identity';
import { getMeetingRow } from '../meetings/access';
import { writeNewFile } from '../new-file';
import type { Serve } from '../channel';
import { exportedFileText, listExportedFiles } from '.';
import { exportDecisionFileTo, SIGNED_FILE_RULE } from './export';

/** decisionFiles:* — signing a meeting's decisions into a file and handing out copies. */
export const chooseSigner: Serve<'decisionFiles:chooseSigner'> = async (_ctx, _request, io) => {
  const path = await io.chooseFile('key-file');
  if (path === null) return { key: null };
  const { name, role, fingerprint, protection } = readKeyFile(path);
  return { key: { path, name, role, fingerprint, protection } };
};

export const list: Serve<'decisionFiles:list'> = (ctx, request) => ({
  files: listExportedFiles(ctx, request.meetingId),
});

const exportFile: Serve<'decisionFiles:export'> = async (ctx, request, io) => {
  const meeting = getMeetingRow(ctx, request.meetingId);
  // The place is asked first: a closed dialog must leave nothing signed and nothing recorded.
  const path = await io.platform.chooseSavePath(`meeting-${meeting.number}-decisions.json`);
  if (path === null) return { path: null, file: null };
  const signers = request.signers.map((s) =>
    unlockKeyFile(s.keyFile, {
      ...(s.passphrase === '' ? {} : { passphrase: s.passphrase }),
      protector: io.platform.keyProtector(),
    }),
  );
  // The file is durably in place before it is recorded; a refusal (a taken name, a failed
  // write) records nothing and leaves the chain as it was.
  const exported = exportDecisionFileTo(
    ctx,
    { meetingId: meeting.id, signers, ...(request.council ? { council: request.council } : {}) },
    path,
  );
  const file = listExportedFiles(ctx, meeting.id).find(
    (f) => f.payloadSha256 === exported.payloadSha256,
  );
  return { path, file: file ?? null };
};
export { exportFile as export };

export const saveCopy: Serve<'decisionFiles:saveCopy'> = async (ctx, request, io) => {
  const { meetingId, text } = exportedFileText(ctx.db, request.fileId);
  const meeting = getMeetingRow(ctx, meetingId);
  const path = await io.platform.chooseSavePath(
    `meeting-${meeting.number}-decisions-${request.fileId}.json`,
  );
  if (path === null) return { path: null };
  // Durable like every file handed out: temp file, fsync, linked into place, folder fsync.
  writeNewFile(path, text, SIGNED_FILE_RULE);
  return { path };
};
