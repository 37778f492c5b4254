import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../../src/main/services/open-workspace';
import type { ServiceContext } from '../../src/main/services/context';
import { addPerson, setCurrentPerson } from '../../src/main/services/people/people';

/** A fresh temp folder; the test removes it with cleanup(). Real files, real SQLite. */
export function makeTempDir(prefix = 'review-desk-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
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

export function openTempWorkspace(actor = '위원 김민준'): ServiceContext & { cleanup: () => void } {
  const { dir, cleanup } = makeTempDir();
  const ctx = openWorkspace(dir, { actor, now: steppingClock() });
  return {
    ...ctx,
    cleanup: () => {
      ctx.db.close();
      cleanup();
    },
  };
}

/** Makes a secretary the person at this machine: assigning and policy versions need one. */
export function actAsSecretary(ctx: ServiceContext, name = '박서연'): void {
  addPerson(ctx, { name, role: 'secretary' });
  setCurrentPerson(ctx, name);
}
