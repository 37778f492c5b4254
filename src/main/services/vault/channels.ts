import { ServiceError } from '../errors';
import type { ChannelIo, Serve } from '../channel';
import type { WorkspaceSession } from './session';

/** vault:* — the workspace locked and opened (see session.ts and vault-schemas.ts). */
function sessionOf(io: ChannelIo): WorkspaceSession {
  if (!io.vault)
    throw new ServiceError(
      'conflict',
      'this workspace was opened with its key directly: there is nothing to lock or unlock',
    );
  return io.vault;
}

export const status: Serve<'vault:status'> = (_ctx, _request, io) => sessionOf(io).status();

export const create: Serve<'vault:create'> = (_ctx, { passphrase }, io) => {
  const session = sessionOf(io);
  const recoveryCode = session.create(passphrase);
  return { recoveryCode, status: session.status() };
};

export const convert: Serve<'vault:convert'> = async (_ctx, { passphrase }, io) => {
  const session = sessionOf(io);
  const converted = await session.convert(passphrase);
  return { ...converted, status: session.status() };
};

export const unlock: Serve<'vault:unlock'> = (_ctx, request, io) => {
  const session = sessionOf(io);
  if (request.means === 'passphrase') session.unlock({ passphrase: request.passphrase });
  else if (request.means === 'recovery-code')
    session.unlock({ recoveryCode: request.recoveryCode });
  else session.unlock({ keychain: io.platform.keyProtector?.() });
  return session.status();
};

export const lock: Serve<'vault:lock'> = (_ctx, _request, io) => {
  const session = sessionOf(io);
  // An import writing at this moment is stopped first: its own connection holds the key too.
  io.imports.cancel();
  session.lock('person');
  return session.status();
};

export const setIdleLock: Serve<'vault:setIdleLock'> = (_ctx, { minutes }, io) => {
  const session = sessionOf(io);
  session.setIdleLockMinutes(minutes);
  return session.status();
};
