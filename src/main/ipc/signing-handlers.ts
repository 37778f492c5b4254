import type { ImportRunner } from '../services/import/runner';
import type { ServiceContext } from '../services/context';
import type { Platform } from './handlers';
import type { PathGrants } from './path-grants';

/** Handlers of the channels in signing-schemas.ts; spread into createHandlers. */
export function signingHandlers(
  _ctx: ServiceContext,
  _platform: Platform,
  _runner: ImportRunner,
  _grants: PathGrants,
) {
  return {};
}
