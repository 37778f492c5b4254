import { basename } from 'node:path';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import type { ImportRunner } from '../services/intake/runner';
import type { ServiceContext } from '../services/context';
import { unlockKeyFile, type KeyProtector, type UnlockedIdentity } from '../services/identity';
import {
  claimRecommendations,
  auditRecommendationsExport,
  exportRecommendations,
  listRecommendationFiles,
} from '../services/recommendations';
import {
  importRecommendationFiles,
  recommendationsFileName,
} from '../services/recommendations/files';
import type { Platform } from './platform';
import type { PathGrants } from './path-grants';
import { writeNewFile } from '../services/new-file';

/**
 * The one place the app opens a member's key to sign recommendations; an OS-keychain key
 * would be unlocked here too. The passphrase lives only for this call.
 */
function unlockSigner(
  request: ParsedRequestOf<'recommendations:export'>,
  protector: KeyProtector | undefined,
): UnlockedIdentity {
  return unlockKeyFile(request.keyFile, {
    ...(request.passphrase === '' ? {} : { passphrase: request.passphrase }),
    protector,
  });
}

/**
 * Handlers of the channels in recommendation-schemas.ts; spread into createHandlers. Every path
 * main reads was chosen in one of its own dialogs (granted here, checked before use).
 */
export function recommendationHandlers(
  ctx: ServiceContext,
  platform: Platform,
  runner: ImportRunner,
  grants: PathGrants,
) {
  return {
    'recommendations:chooseFiles': async () => {
      const paths = await platform.chooseFiles('recommendation-file');
      paths.forEach((path) => grants.grant(path));
      return { paths };
    },
    'recommendations:chooseKeyFile': async () => {
      const path = await platform.chooseFile('key-file');
      if (path !== null) grants.grant(path);
      return { path };
    },
    'recommendations:import': (request: ParsedRequestOf<'recommendations:import'>) => {
      // A path nobody chose refuses the whole request (the router's `paths` rule), before any file.
      return { results: importRecommendationFiles(ctx, request.files) };
    },
    'recommendations:files': () => ({ files: listRecommendationFiles(ctx.db) }),
    'recommendations:forClaim': (request: ParsedRequestOf<'recommendations:forClaim'>) =>
      claimRecommendations(ctx.db, request.claimId),
    'recommendations:export': async (request: ParsedRequestOf<'recommendations:export'>) => {
      // Sign first: a wrong passphrase or nothing to export is said before any save dialog.
      const signer = unlockSigner(request, platform.keyProtector());
      const exported = exportRecommendations(ctx, { batchId: request.batchId, signer });
      const answer = { member: signer.name, count: exported.count, sha256: exported.sha256 };
      const path = await platform.chooseSavePath(
        recommendationsFileName(signer.name, request.batchId),
      );
      if (path === null) return { ...answer, path: null };
      writeNewFile(path, exported.fileText, 'a signed file is never overwritten');
      auditRecommendationsExport(ctx, {
        ...answer,
        batchId: request.batchId,
        file: basename(path),
      });
      return { ...answer, path };
    },
  };
}
