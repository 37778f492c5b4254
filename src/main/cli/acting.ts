import { resolve } from 'node:path';
import type { UnlockedIdentity } from '../services/identity';
import { ServiceError } from '../services/errors';
import { readPassphrase } from './passphrase';
import { requirePassphraseKey } from './signing';
import { unlockIdentity } from '../services/identity';

/**
 * Takes `--as <key file>` (and a `--passphrase-file <f>` right after it) out of a command's
 * arguments wherever they stand, so every command accepts them the same way and none has to
 * declare them. Only the passphrase file that follows --as is taken: keygen, roster build and
 * export-decisions have --passphrase-file options of their own, for the keys they sign with.
 */
export function takeActingOptions(args: string[]): {
  rest: string[];
  as: { keyFile: string; passphraseFile: string | undefined } | null;
} {
  const at = args.findIndex((a) => a === '--as' || a.startsWith('--as='));
  if (at < 0) return { rest: args, as: null };
  const option = (index: number, name: string): { value: string; width: number } | null => {
    const arg = args[index];
    if (arg === undefined) return null;
    if (arg.startsWith(`${name}=`)) return { value: arg.slice(name.length + 1), width: 1 };
    if (arg !== name) return null;
    const value = args[index + 1];
    if (value === undefined || value.startsWith('--'))
      throw new ServiceError('validation_failed', `${name} needs a file`);
    return { value, width: 2 };
  };
  const as = option(at, '--as')!;
  const passphrase = option(at + as.width, '--passphrase-file');
  const width = as.width + (passphrase?.width ?? 0);
  return {
    rest: [...args.slice(0, at), ...args.slice(at + width)],
    as: { keyFile: resolve(as.value), passphraseFile: passphrase?.value },
  };
}

/** The key unlocked by --as for this run, if any. */
let unlocked: UnlockedIdentity | null = null;

export function actingIdentity(): UnlockedIdentity | null {
  return unlocked;
}

/** Unlocks the key named by --as: a passphrase key only (a keychain key lives in the app). */
export async function unlockActing(as: {
  keyFile: string;
  passphraseFile: string | undefined;
}): Promise<UnlockedIdentity> {
  const keyFile = requirePassphraseKey(as.keyFile);
  const passphrase = await readPassphrase(as.passphraseFile, 'passphrase / 암호: ');
  unlocked = unlockIdentity(keyFile, passphrase);
  return unlocked;
}
