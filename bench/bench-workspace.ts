import { join } from 'node:path';
import type { ServiceContext } from '../src/main/services/context';
import { DATABASE_FILE_NAME, type OpenWorkspaceOptions } from '../src/main/services/open-workspace';
import { createWorkspace, unlockWorkspace } from '../src/main/services/unlock-workspace';
import { WorkspaceSession } from '../src/main/services/vault/session';
import { workspaceStateOf } from '../src/main/services/workspace-key';

/**
 * The benches measure the workspace as people have it: encrypted. One passphrase for all of
 * them, at scrypt's lowest accepted cost (the unlock is not what is measured).
 */
const BENCH_PASSPHRASE = 'bench workspace passphrase';
const BENCH_SCRYPT = { N: 2 ** 14, r: 8, p: 1 };

export function openBenchWorkspace(
  dir: string,
  options: Omit<OpenWorkspaceOptions, 'key'> = {},
): ServiceContext {
  const all = { ...options, scrypt: BENCH_SCRYPT };
  if (workspaceStateOf(join(dir, options.fileName ?? DATABASE_FILE_NAME)) === 'none')
    return createWorkspace(dir, { ...all, passphrase: BENCH_PASSPHRASE }).ctx;
  return unlockWorkspace(dir, { passphrase: BENCH_PASSPHRASE }, all);
}

/**
 * A bench workspace opened the way the app opens it: a session unlocked with the passphrase,
 * so a renderer asking `vault:status` finds it open (its lock screen would stop any bench that
 * drives the UI). Lock it when done.
 */
export function openBenchSession(dir: string): WorkspaceSession {
  const session = new WorkspaceSession({
    dataDir: dir,
    keyProtector: () => undefined,
    scrypt: BENCH_SCRYPT,
  });
  session.unlock({ passphrase: BENCH_PASSPHRASE });
  return session;
}
