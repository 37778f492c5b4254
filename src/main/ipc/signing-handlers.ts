import { readFileSync } from 'node:fs';
import { formatFingerprint } from '../../shared/domain/signing/fingerprint';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/ipc/signing-schemas';
import type { ImportRunner } from '../services/intake/runner';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import {
  createIdentity,
  inspectKeyFile,
  publicKeyFileOf,
  readPublicKeyFile,
  safeFileName,
  unlockKeyFile,
  type NewKeyProtection,
  type PublicKeyFile,
} from '../services/identity';
import {
  importRoster,
  latestRoster,
  latestRosterRecord,
  saveAndImportRoster,
  signNextRoster,
  type VerifiedRoster,
} from '../services/roster';
import { keyIdentityOf } from '../services/signing/keys';
import type { Platform } from './platform';
import type { PathGrants } from './path-grants';

function readRosterText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new ServiceError('not_found', `roster file ${path} is not readable`);
  }
}

function rosterView(ctx: ServiceContext): ResponseOf<'roster:current'>['roster'] {
  const record = latestRosterRecord(ctx.db);
  if (!record) return null;
  const { payload, fingerprint, sha256, signers } = record.roster;
  return {
    version: payload.version,
    council: payload.council,
    validFrom: payload.validFrom,
    fingerprint,
    sha256,
    previousSha256: payload.previousRosterSha256,
    importedAt: record.importedAt,
    importedBy: record.importedBy,
    signers: signers.map(({ name, role }) => ({ name, role })),
    // A kid is checked on import to be its jwk's thumbprint: the fingerprint is its short form.
    members: payload.members.map(({ name, role, kid }) => ({
      name,
      role,
      kid,
      fingerprint: formatFingerprint(Buffer.from(kid, 'base64url').toString('hex')),
    })),
  };
}

/** Members carried over from the current roster, as if read from their public key files. */
function keptMembers(current: VerifiedRoster | null, kids: string[]): PublicKeyFile[] {
  return kids.map((kid) => {
    const member = current?.payload.members.find((m) => m.kid === kid);
    if (!member)
      throw new ServiceError('validation_failed', `key ${kid} is not on the current roster`);
    return publicKeyFileOf({ name: member.name, role: member.role }, keyIdentityOf(member.jwk));
  });
}

/**
 * Handlers of the channels in signing-schemas.ts; spread into createHandlers. Every path main
 * reads was chosen in one of its own dialogs (granted here, checked before use); passphrases
 * arrive in requests and are used at once, never kept, logged or sent back.
 */
export function signingHandlers(
  ctx: ServiceContext,
  platform: Platform,
  runner: ImportRunner,
  grants: PathGrants,
) {
  const requireProtector = () => {
    const protector = platform.keyProtector();
    if (!protector)
      throw new ServiceError(
        'validation_failed',
        'this machine has no OS keychain the app can use; protect the key with a passphrase',
      );
    return protector;
  };
  const rosterEntryOf = (kid: string) => {
    const roster = latestRoster(ctx.db);
    const member = roster?.payload.members.find((m) => m.kid === kid);
    return roster && member
      ? { version: roster.payload.version, name: member.name, role: member.role }
      : null;
  };

  return {
    'keys:capabilities': () => ({
      osKeychain: platform.keyProtector() !== undefined,
      minPassphraseLength: MIN_PASSPHRASE_LENGTH,
    }),
    'keys:create': async (request: ParsedRequestOf<'keys:create'>) => {
      // Refused before the dialog, so nobody picks a place for a key that cannot be made.
      const protection: NewKeyProtection =
        request.protection.kind === 'os-keychain'
          ? { protector: requireProtector() }
          : { passphrase: request.protection.passphrase };
      const keyFile = await platform.chooseSavePath(`${safeFileName(request.name)}-key.json`);
      if (keyFile === null) return { created: null };
      const made = createIdentity({ name: request.name, role: request.role }, protection, keyFile, {
        now: ctx.now,
      });
      // Made where the person chose: they may sign or hand on these without choosing again.
      grants.grant(made.keyFile);
      grants.grant(made.publicKeyFile);
      return {
        created: {
          name: made.name,
          role: made.role,
          kid: made.kid,
          fingerprint: made.fingerprint,
          protection: request.protection.kind,
          keyFile: made.keyFile,
          publicKeyFile: made.publicKeyFile,
        },
      };
    },
    'keys:inspect': async (request: ParsedRequestOf<'keys:inspect'>) => {
      const path = await platform.chooseFile(request.kind);
      if (path === null) return { key: null };
      grants.grant(path);
      const key = inspectKeyFile(path);
      return { key: { path, ...key, onRoster: rosterEntryOf(key.kid) } };
    },
    'roster:current': () => ({ roster: rosterView(ctx) }),
    'roster:import': async () => {
      const path = await platform.chooseFile('roster');
      if (path === null) return { imported: null };
      grants.grant(path);
      const text = readRosterText(path);
      const done = importRoster(ctx, text);
      return {
        imported: {
          path,
          version: done.version,
          fingerprint: done.fingerprint,
          alreadyImported: done.alreadyImported,
        },
      };
    },
    'roster:chooseMembers': async () => {
      const paths = await platform.chooseFiles('public-key-file');
      return {
        members: paths.map((path) => {
          grants.grant(path);
          const { name, role, kid, fingerprint } = readPublicKeyFile(path);
          return { path, name, role, kid, fingerprint };
        }),
      };
    },
    'roster:build': async (request: ParsedRequestOf<'roster:build'>) => {
      const members = [
        ...keptMembers(latestRoster(ctx.db), request.keepFromCurrent),
        ...request.memberFiles.map((file) => readPublicKeyFile(file)),
      ];
      // The protector goes along either way: the key file itself says which one opens it.
      const signer = unlockKeyFile(request.signingKey, {
        passphrase: request.unlock.kind === 'passphrase' ? request.unlock.passphrase : undefined,
        protector: platform.keyProtector(),
      });
      const { text, roster } = signNextRoster(ctx, {
        council: request.council,
        validFrom: request.validFrom,
        members,
        signers: [signer],
      });
      const path = await platform.chooseSavePath(`roster-v${roster.payload.version}.json`);
      if (path === null) return { built: null };
      saveAndImportRoster(ctx, path, text);
      return {
        built: {
          path,
          version: roster.payload.version,
          fingerprint: roster.fingerprint,
          members: roster.payload.members.length,
        },
      };
    },
  };
}
