// npm run bench:decision: the decision round trip through the real router (payload check,
// shared validation, one transaction with its audit entry), as the renderer's call sees it.
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { durableTransaction } from '../src/main/db/connection';
import { appendAudit } from '../src/main/db/repositories/audit-log';
import { createIpc } from '../src/main/ipc/create-ipc';
import { trustOrigins } from '../src/main/ipc/sender';
import { writeLargeBatch } from '../src/main/demo';
import { importBatch } from '../src/main/services/intake/import-batch';
import { openBenchWorkspace } from './bench-workspace';
import { actAsPerson, seatCouncil } from '../tests/helpers/council';
import { signerOf } from '../src/main/services/identity/acting';
import { emit, round, scratchDir } from './support';

const ORIGIN = 'app://review-desk';
const DECISIONS = 1000;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

const dir = scratchDir('decision');
const batch = join(dir, 'batch.csv');
await writeLargeBatch(batch, 50_000, 2022);
const ctx = openBenchWorkspace(join(dir, 'ws'), {});
await importBatch(ctx, { file: batch });
// A member records, as in the app: their key unlocked, each entry signed.
seatCouncil(ctx);
actAsPerson(ctx, '김민준');
const claims = ctx.db
  .prepare(
    "SELECT claim_id AS claimId, claimed_loss AS loss FROM claims WHERE tier = 'committee_review' ORDER BY claim_id LIMIT ?",
  )
  .all(DECISIONS * 2) as { claimId: string; loss: number }[];
if (claims.length < DECISIONS * 2) throw new Error(`only ${claims.length} review claims generated`);

const platform = {
  appVersion: 'bench',
  resourcesDir: join(import.meta.dirname, '../resources'),
  chooseFile: async () => null,
  chooseSavePath: async () => null,
  chooseFiles: async () => [],
  keyProtector: () => undefined,
};
const { router } = createIpc(ctx, platform, {
  isTrustedSender: trustOrigins([ORIGIN]),
  logError: (error) => console.error(error),
});
const sender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };

const viaRouter: number[] = [];
for (const { claimId, loss } of claims.slice(0, DECISIONS)) {
  const started = performance.now();
  const result = (await router.handle(sender, 'decisions:record', {
    claimId,
    outcome: 'approve',
    amount: Math.min(loss, 600_000),
    reasonCodes: [],
    note: '',
    replacesId: null,
    amendmentReason: null,
  })) as { ok: boolean; error?: unknown };
  viaRouter.push(performance.now() - started);
  if (!result.ok) throw new Error(`decision refused: ${JSON.stringify(result.error)}`);
}

// The floor: the same two rows written straight through better-sqlite3, nothing checked.
const insert = ctx.db.prepare(
  `INSERT INTO decisions (claim_id, outcome, amount, reason_codes, note, decided_by, decided_at)
   VALUES (?, 'approve', ?, '[]', '', 'bench', ?)`,
);
const direct: number[] = [];
for (const { claimId, loss } of claims.slice(DECISIONS)) {
  const started = performance.now();
  ctx.db.transaction(() => {
    const at = new Date().toISOString();
    const id = insert.run(claimId, Math.min(loss, 600_000), at).lastInsertRowid;
    appendAudit(ctx.db, signerOf(ctx), {
      at,
      action: 'decision.recorded',
      subjectType: 'claim',
      subjectId: claimId,
      details: { decisionId: Number(id) },
    });
  })();
  direct.push(performance.now() - started);
}
// The fsync floor: the same direct inserts, committed with synchronous = FULL as decisions
// are (durableTransaction, issue 12): what a power-cut-safe commit costs on this disk.
const moreClaims = ctx.db
  .prepare(
    "SELECT claim_id AS claimId, claimed_loss AS loss FROM claims WHERE tier = 'committee_review' ORDER BY claim_id LIMIT ? OFFSET ?",
  )
  .all(DECISIONS, DECISIONS * 2) as { claimId: string; loss: number }[];
const durable: number[] = [];
for (const { claimId, loss } of moreClaims) {
  const started = performance.now();
  durableTransaction(ctx.db, () => {
    const at = new Date().toISOString();
    const id = insert.run(claimId, Math.min(loss, 600_000), at).lastInsertRowid;
    appendAudit(ctx.db, signerOf(ctx), {
      at,
      action: 'decision.recorded',
      subjectType: 'claim',
      subjectId: claimId,
      details: { decisionId: Number(id) },
    });
  });
  durable.push(performance.now() - started);
}
ctx.db.close();
rmSync(dir, { recursive: true, force: true });

emit({
  bench: 'decision.roundTrip.p95',
  value: round(p95(viaRouter), 3),
  unit: 'ms',
  reference:
    'the same decision and audit rows inserted directly with better-sqlite3 (no router, no validation), same run',
  referenceValue: round(p95(direct), 3),
  decisions: DECISIONS,
  median: round(viaRouter.sort((a, b) => a - b)[DECISIONS >> 1]!, 3),
  synchronous: 'FULL',
  durableDirectP95: durable.length > 0 ? round(p95(durable), 3) : null,
});
