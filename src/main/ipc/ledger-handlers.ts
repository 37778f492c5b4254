import type { ParsedRequestOf } from '../../shared/ipc/contract';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import type { ImportRunner } from '../services/import/runner';
import {
  buildLedger,
  defaultLedgerFileName,
  renderLedger,
  saveLedgerFile,
} from '../services/ledger';
import type { Platform } from './handlers';
import type { PathGrants } from './path-grants';

/** Handlers of the channels in ledger-schemas.ts: the payout ledger's totals and its file. */
export function ledgerHandlers(
  ctx: ServiceContext,
  platform: Platform,
  runner: ImportRunner,
  // The save path comes from main's own dialog, so no renderer-given path needs a grant.
  _grants: PathGrants,
) {
  /** A ledger made while a batch is landing would silently leave that batch out. */
  const requireNoImport = () => {
    if (runner.running)
      throw new ServiceError(
        'conflict',
        'an import is running; export the ledger when it has finished',
      );
  };
  return {
    'ledger:summary': (request: ParsedRequestOf<'ledger:summary'>) =>
      buildLedger(ctx, request).summary,
    'ledger:export': async (request: ParsedRequestOf<'ledger:export'>) => {
      requireNoImport();
      // Made before the dialog, so a refusal (no such batch, a name CP949 lacks) comes first.
      const rendered = await renderLedger(ctx, request);
      const path = await platform.chooseSavePath(defaultLedgerFileName(ctx.now(), request));
      if (path === null) return { path: null, summary: null };
      saveLedgerFile(ctx, request, path, rendered);
      return { path, summary: rendered.summary };
    },
  };
}
