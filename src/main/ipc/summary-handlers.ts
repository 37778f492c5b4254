import type { ParsedRequestOf } from '../../shared/ipc/contract';
import type { ServiceContext } from '../services/context';
import type { ImportRunner } from '../services/intake/runner';
import { secretarySummary } from '../services/summary';
import type { Platform } from './platform';
import type { PathGrants } from './path-grants';

/** Handlers of the channels in summary-schemas.ts: the secretary's payout summary. */
export function summaryHandlers(
  ctx: ServiceContext,
  // Read-only and file-free: no dialog, no runner guard, no path to grant. The same signature
  // as the other areas keeps handlers.ts one line per area.
  _platform: Platform,
  _runner: ImportRunner,
  _grants: PathGrants,
) {
  return {
    'payouts:summary': (request: ParsedRequestOf<'payouts:summary'>) =>
      secretarySummary(ctx, request),
  };
}
