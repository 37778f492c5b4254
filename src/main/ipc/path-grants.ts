import { resolve } from 'node:path';
import { ServiceError } from '../services/errors';

/**
 * The files the renderer may ask main to read: only those the person picked in one of main's
 * own dialogs or dropped on the window. A renderer that was somehow compromised can then not
 * make main read any other file on the disk by naming its path.
 */
export class PathGrants {
  private readonly granted = new Set<string>();

  grant(path: string): void {
    this.granted.add(resolve(path));
  }

  /** Throws a `forbidden` error unless the path was granted. */
  check(path: string, what: string): void {
    if (!this.granted.has(resolve(path))) {
      throw new ServiceError(
        'forbidden',
        `${what} ${path} was not chosen in a dialog or dropped on the window`,
      );
    }
  }
}
