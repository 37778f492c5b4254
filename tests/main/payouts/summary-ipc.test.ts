import { afterEach, describe, expect, it } from 'vitest';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import { buildLedger } from '../../../src/main/services/ledger';
import { testPlatform } from '../../helpers/test-platform';
import { ledgerWorkspace } from '../ledger/support';

/* The summary from the app, through the real router: parsed requests, checked answers. */

const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setUp() {
  const ws = ledgerWorkspace();
  cleanups.push(ws.cleanup);
  const { router } = createIpc(ws, testPlatform(), {
    isTrustedSender: trustOrigins([ORIGIN]),
    logError: () => undefined,
  });
  const call = (payload?: unknown) => router.handle(ours, 'payouts:summary', payload);
  return { ws, call };
}

describe('payouts:summary', () => {
  it("answers the workspace's or one batch's summary, with the ledger's own totals", async () => {
    const { ws, call } = setUp();
    const all = await call({});
    expect(all).toMatchObject({
      ok: true,
      value: {
        batch: null,
        claims: 12,
        ledger: buildLedger(ws).summary,
        committee: { cases: 6, open: { count: 2, claimedTotal: 4_850_000 } },
      },
    });
    expect(await call({ batchId: 1 })).toMatchObject({
      ok: true,
      value: { batch: { id: 1 }, ledger: { batchId: 1, total: 2_150_000 } },
    });
  });

  it('refuses a malformed request before any service runs, and a batch that does not exist', async () => {
    const { call } = setUp();
    for (const payload of [undefined, { batchId: 0 }, { batchId: '1' }, { batchId: 1, all: true }])
      expect(await call(payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await call({ batchId: 99 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'batch 99 does not exist' },
    });
  });
});
