import type { Serve } from '../channel';
import { listPeople, lockPerson, unlockPerson } from './people';

/**
 * people:* — the roster's people and who acts at this machine. A passphrase arrives in the
 * request and is used at once, never kept, logged or sent back.
 */
export const list: Serve<'people:list'> = (ctx) => listPeople(ctx);

export const unlock: Serve<'people:unlock'> = (ctx, request, io) =>
  unlockPerson(ctx, request.keyFile, {
    ...(request.passphrase === null ? {} : { passphrase: request.passphrase }),
    protector: io.platform.keyProtector(),
  });

export const lock: Serve<'people:lock'> = (ctx) => lockPerson(ctx);
