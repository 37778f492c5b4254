import { writeFileSync } from 'node:fs';
import { ServiceError } from './errors';

/**
 * Writes a file under a name that must not exist yet. What the app hands out (signed files,
 * minutes, payout ledgers, rosters) must never change under a name someone already has, and an
 * older copy must never be lost to a slip of the save dialog. A refusal is a conflict whose
 * issue code (file_exists or write_failed) lets the app say it in the person's language.
 */
/** `rule` finishes the refusal's sentence: "a signed file is never overwritten". */
export function writeNewFile(path: string, data: string | Uint8Array, rule: string): void {
  try {
    writeFileSync(path, data, { flag: 'wx' });
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    const message = exists
      ? `${path} already exists; ${rule}: choose another name`
      : `could not save ${path}: ${(error as Error).message}`;
    throw new ServiceError('conflict', message, [
      { path: 'path', code: exists ? 'file_exists' : 'write_failed', message },
    ]);
  }
}
