import type { Serve } from '../channel';
import { buildLedger, defaultLedgerFileName, renderLedger, saveLedgerFile } from '.';

/** ledger:* — the payout ledger's totals and its file. */
export const totals: Serve<'ledger:totals'> = (ctx, request) => buildLedger(ctx, request).summary;

const exportLedger: Serve<'ledger:export'> = async (ctx, request, io) => {
  // Made before the dialog, so a refusal (no such batch, a name CP949 lacks) comes first.
  const rendered = await renderLedger(ctx, request);
  const path = await io.platform.chooseSavePath(defaultLedgerFileName(ctx.now(), request));
  if (path === null) return { path: null, summary: null };
  saveLedgerFile(ctx, request, path, rendered);
  return { path, summary: rendered.summary };
};
export { exportLedger as export };
