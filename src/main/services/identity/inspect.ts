import { readFileSync } from 'node:fs';
import type { KeyProtectionKind } from '../../../shared/ipc/signing-schemas';
import type { PersonRole } from '../../../shared/ipc/review-schemas';
import { ServiceError } from '../errors';
import {
  KEY_FILE_FORMAT,
  PUBLIC_KEY_FILE_FORMAT,
  readKeyFile,
  readPublicKeyFile,
} from './identity';

export interface KeyInspection {
  file: 'key' | 'public-key';
  name: string;
  role: PersonRole;
  kid: string;
  fingerprint: string;
  protection: KeyProtectionKind | null;
  createdAt: string | null;
}

function formatOf(file: string): unknown {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown } | null)?.format;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'not JSON';
    throw new ServiceError('validation_failed', `${file}: ${reason}`);
  }
}

/**
 * Who a key or public key file names, whichever of the two it is: what a person compares
 * before trusting it. Reads only the public part; nothing sealed is opened or returned.
 */
export function inspectKeyFile(file: string): KeyInspection {
  const format = formatOf(file);
  if (format === KEY_FILE_FORMAT) {
    const key = readKeyFile(file);
    return {
      file: 'key',
      name: key.name,
      role: key.role,
      kid: key.kid,
      fingerprint: key.fingerprint,
      protection: key.protection,
      createdAt: typeof key.createdAt === 'string' ? key.createdAt : null,
    };
  }
  if (format === PUBLIC_KEY_FILE_FORMAT) {
    const pub = readPublicKeyFile(file);
    return {
      file: 'public-key',
      name: pub.name,
      role: pub.role,
      kid: pub.kid,
      fingerprint: pub.fingerprint,
      protection: null,
      createdAt: null,
    };
  }
  throw new ServiceError(
    'validation_failed',
    `${file} is neither a key file (${KEY_FILE_FORMAT}) nor a public key file (${PUBLIC_KEY_FILE_FORMAT})`,
  );
}
