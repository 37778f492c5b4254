import type { IpcErrorCode } from '../../shared/ipc/contract';

/** A use case refused the request; the router turns it into a typed IPC error. */
export class ServiceError extends Error {
  constructor(
    readonly code: Extract<
      IpcErrorCode,
      'validation_failed' | 'not_found' | 'conflict' | 'forbidden'
    >,
    message: string,
    readonly issues: { path: string; code: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
