import { MIN_PASSPHRASE_LENGTH } from '../../../shared/ipc/signing-schemas';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { createIdentity, inspectKeyFile, safeFileName, type NewKeyProtection } from '../identity';
import type { Platform } from '../platform';
import { latestRoster } from '../roster';
import type { Serve } from '../channel';

/**
 * keys:* — a person's signing key: made on this machine, or a key file looked at. Passphrases
 * arrive in requests and are used at once, never kept, logged or sent back.
 */
export const capabilities: Serve<'keys:capabilities'> = (_ctx, _request, io) => ({
  osKeychain: io.platform.keyProtector() !== undefined,
  minPassphraseLength: MIN_PASSPHRASE_LENGTH,
});

function requireProtector(platform: Platform) {
  const protector = platform.keyProtector();
  if (!protector)
    throw new ServiceError(
      'validation_failed',
      'this machine has no OS keychain the app can use; protect the key with a passphrase',
    );
  return protector;
}

export const create: Serve<'keys:create'> = async (ctx, request, io) => {
  // Refused before the dialog, so nobody picks a place for a key that cannot be made.
  const protection: NewKeyProtection =
    request.protection.kind === 'os-keychain'
      ? { protector: requireProtector(io.platform) }
      : { passphrase: request.protection.passphrase };
  const keyFile = await io.platform.chooseSavePath(`${safeFileName(request.name)}-key.json`);
  if (keyFile === null) return { created: null };
  const made = createIdentity({ name: request.name, role: request.role }, protection, keyFile, {
    now: ctx.now,
  });
  // Made where the person chose: they may sign or hand on these without choosing again.
  io.grantPath(made.keyFile);
  io.grantPath(made.publicKeyFile);
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
};

function rosterEntryOf(ctx: ServiceContext, kid: string) {
  const roster = latestRoster(ctx.db);
  const member = roster?.payload.members.find((m) => m.kid === kid);
  return roster && member
    ? { version: roster.payload.version, name: member.name, role: member.role }
    : null;
}

export const inspect: Serve<'keys:inspect'> = async (ctx, request, io) => {
  const path = await io.chooseFile(request.kind);
  if (path === null) return { key: null };
  const key = inspectKeyFile(path);
  return { key: { path, ...key, onRoster: rosterEntryOf(ctx, key.kid) } };
};
