import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceContext } from '../../src/main/services/context';
import { actAsPerson, hasCouncil, seatCouncil, TEST_COUNCIL } from './council';
import { openTestWorkspace } from './workspace-key';

/** A fresh temp folder; the test removes it with cleanup(). Real files, real SQLite. */
export function makeTempDir(prefix = 'review-desk-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // Retried: a large import's checkpoint may still be closing its files on a worker thread
  // (db/background-checkpoint.ts) when a test removes its workspace.
  return {
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }),
  };
}

/** A clock that moves one second per call, so audit entries have distinct, known times. */
export function steppingClock(start = '2022-11-20T09:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t);
    t += 1000;
    return now;
  };
}

export function openTempWorkspace(): ServiceContext & { cleanup: () => void } {
  const { dir, cleanup } = makeTempDir();
  const ctx = openTestWorkspace(dir, { now: steppingClock() });
  return {
    ...ctx,
    cleanup: () => {
      ctx.db.close();
      cleanup();
    },
  };
}

/**
 * Seats the test council (if none is) and unlocks the secretary's key: assigning, policy
 * versions and meetings need it. A name other than the test council's secretary seats a
 * council with that name as its secretary.
 */
export function actAsSecretary(ctx: ServiceContext, name = '박서연'): void {
  if (!hasCouncil(ctx) && !TEST_COUNCIL.some((p) => p.name === name && p.role === 'secretary'))
    seatCouncil(ctx, [
      { name, role: 'secretary' },
      ...TEST_COUNCIL.filter((p) => p.role !== 'secretary' && p.name !== name),
    ]);
  actAsPerson(ctx, name);
}

/** Seats the test council (if none is) and unlocks a member's key: recording needs one. */
export function actAsMember(ctx: ServiceContext, name = '김민준'): void {
  actAsPerson(ctx, name);
}
