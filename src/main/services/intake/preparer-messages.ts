import { ServiceError } from '../errors';
import type { PreparedChunk } from './prepare-rows';
import type { BatchFileFacts } from './prepared-source';

/**
 * What the preparing worker says to the import, in this order: hashed, opened, chunks, end;
 * failed at any point ends it.
 */
export type FromPreparer =
  | { kind: 'hashed'; contentHash: string }
  | { kind: 'opened'; facts: BatchFileFacts }
  | { kind: 'chunk'; chunk: PreparedChunk }
  | { kind: 'end' }
  | { kind: 'failed'; error: DescribedError };

/** An error as plain data (a class does not cross threads); rebuilt by errorFrom. */
export interface DescribedError {
  name: string;
  message: string;
  code: ServiceError['code'] | null;
  issues: ServiceError['issues'];
}

export function describeError(error: unknown): DescribedError {
  if (error instanceof ServiceError)
    return { name: error.name, message: error.message, code: error.code, issues: error.issues };
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  return { name, message, code: null, issues: [] };
}

/** The refusal the worker met, as the same kind of error the import raises in its own thread. */
export function errorFrom(described: DescribedError): Error {
  const error =
    described.code === null
      ? new Error(described.message)
      : new ServiceError(described.code, described.message, described.issues);
  error.name = described.name;
  return error;
}
