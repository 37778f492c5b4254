import { resolve } from 'node:path';
import { ServiceError } from '../services/errors';

/**
 * The files the renderer may ask main to read: only those the person picked in one of main's
 * own dialogs or dropped on the window. A renderer that was somehow compromised can then not
 * make main read any other file on the disk by naming its path. The router checks every field
 * a channel's contract entry lists under `paths`.
 */
export class PathGrants {
  private readonly granted = new Set<string>();

  grant(path: string): void {
    this.granted.add(resolve(path));
  }

  /** Throws a `forbidden` error, naming the request field, unless the path was granted. */
  check(path: string, field: string): void {
    if (this.granted.has(resolve(path))) return;
    const message = `${path} was not chosen in a dialog or dropped on the window (request field ${field})`;
    throw new ServiceError('forbidden', message, [
      { path: field, code: 'path_not_granted', message },
    ]);
  }
}
