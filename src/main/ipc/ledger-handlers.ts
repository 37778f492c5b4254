import type { ParsedRequestOf } from '../../shared/ipc/contract';
import type { ServiceContext } from '../services/context';
import type { ImportRunner } from '../services/intake/runner';
import {
  buildLedger,
  defaultLedgerFileName,
  renderLedger,
  saveLedgerFile,
} from '../services/ledger';
import type { Platform } from './platform';
import type { PathGrants } from './path-grants';

/** Handlers of the channels in ledger-schemas.ts: the payout ledger's totals and its file. */
export function ledgerHandlers(
  ctx: ServiceContext,
  platform: Platform,
  // Writes go through the router's write lock (the contract marks them); nothing here waits on it.
  _runner: ImportRunner,
  // The save path comes from main's own dialog, so no renderer-given path needs a grant.
  _grants: PathGrants,
) {
  return {
    'ledger:totals': (request: ParsedRequestOf<'ledger:totals'>) =>
      buildLedger(ctx, request).summary,
    'ledger:export': async (request: ParsedRequestOf<'ledger:export'>) => {
      // Made before the dialog, so a refusal (no such batch, a name CP949 lacks) comes first.
      const rendered = await renderLedger(ctx, request);
      const path = await platform.chooseSavePath(defaultLedgerFileName(ctx.now(), request));
      if (path === null) return { path: null, summary: null };
      saveLedgerFile(ctx, request, path, rendered);
      return { path, summary: rendered.summary };
    },
  };
}
