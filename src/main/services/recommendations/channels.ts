import { basename } from 'node:path';
import { unlockKeyFile } from '../identity';
import { writeNewFile } from '../new-file';
import type { Serve } from '../channel';
import {
  auditRecommendationsExport,
  claimRecommendations,
  exportRecommendations,
  listRecommendationFiles,
} from '.';
import { importRecommendationFiles, recommendationsFileName } from './files';

/** recommendations:* — members' signed recommendation files, made here or gathered in. */
export const chooseFiles: Serve<'recommendations:chooseFiles'> = async (_ctx, _request, io) => {
  return { paths: await io.chooseFiles('recommendation-file') };
};

export const chooseKeyFile: Serve<'recommendations:chooseKeyFile'> = async (_ctx, _r, io) => {
  return { path: await io.chooseFile('key-file') };
};

// A path nobody chose refuses the whole request (the router's `paths` rule), before any file.
const importFiles: Serve<'recommendations:import'> = (ctx, request) => ({
  results: importRecommendationFiles(ctx, request.files),
});
export { importFiles as import };

export const files: Serve<'recommendations:files'> = (ctx) => ({
  files: listRecommendationFiles(ctx.db),
});

export const forClaim: Serve<'recommendations:forClaim'> = (ctx, request) =>
  claimRecommendations(ctx.db, request.claimId);

const exportSigned: Serve<'recommendations:export'> = async (ctx, request, io) => {
  // Sign first: a wrong passphrase or nothing to export is said before any save dialog. The
  // passphrase lives only for this call.
  const signer = unlockKeyFile(request.keyFile, {
    ...(request.passphrase === '' ? {} : { passphrase: request.passphrase }),
    protector: io.platform.keyProtector(),
  });
  const exported = exportRecommendations(ctx, { batchId: request.batchId, signer });
  const answer = { member: signer.name, count: exported.count, sha256: exported.sha256 };
  const path = await io.platform.chooseSavePath(
    recommendationsFileName(signer.name, request.batchId),
  );
  if (path === null) return { ...answer, path: null };
  writeNewFile(path, exported.fileText, 'a signed file is never overwritten');
  auditRecommendationsExport(ctx, { ...answer, batchId: request.batchId, file: basename(path) });
  return { ...answer, path };
};
export { exportSigned as export };
