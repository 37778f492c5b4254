import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import { verifyAuditLog } from '../../../src/main/services/audit-log/verify-acts';
import { UNIDENTIFIED_OPERATOR } from '../../../src/shared/domain/acts';
import { makeTempDir } from '../../helpers/temp-workspace';
import { openTestWorkspace, testPassphraseFile } from '../../helpers/workspace-key';

const SCRIPT = join(import.meta.dirname, '../../cli/council-story.sh');
const temp = makeTempDir('council-story-');
afterAll(() => temp.cleanup());

/**
 * The whole secretary path headless: tests/cli/council-story.sh runs the council's story through
 * the CLI alone (about sixty commands, each a fresh process, so this takes a while).
 */
describe('the council story through the CLI alone', () => {
  const run = spawnSync('bash', [SCRIPT, temp.dir], {
    encoding: 'utf8',
    timeout: 900_000,
    env: { ...process.env, REVIEW_DESK_PASSPHRASE_FILE: testPassphraseFile() },
  });
  const out = `${run.stdout}\n${run.stderr}`;

  it('runs to the end as five people with five keys', () => {
    expect(run.status, out).toBe(0);
    expect(run.stdout).toContain('story complete');
  });

  it('refuses the acts of someone without the key or the role, saying why', () => {
    expect(out).toMatch(
      /decision\.recorded needs the key of a member or chair on the roster; nobody has unlocked/,
    );
    expect(out).toMatch(/assigning claims is for a secretary or chair; 김민준 is the member/);
    expect(out).toMatch(/Confirming a final decision is for a chair; 박서연 is the secretary/);
    expect(out).toMatch(/Approving minutes is for a chair; 박서연 is the secretary/);
  });

  it('both decision files verify; the second links to the first', () => {
    expect(run.stdout.match(/^유효 \/ VALID/gm)).toHaveLength(2);
    expect(run.stdout).toContain('chain link to decisions-1.json holds');
    expect(run.stdout).toMatch(/K-2022-000085\s+defer\s+-\s+votes 1-2-0 \(recused 1\)/);
    expect(run.stdout).toMatch(/K-2022-000032\s+partial\s+800,000원\s+votes 3-1-0/);
  });

  it("an amendment pays nothing until the chair co-signs it, and meeting 2's minutes report it", () => {
    expect(out).toMatch(
      /Proposing an amendment of the council's decision needs the key of a secretary/,
    );
    expect(out).toMatch(/amend propose needs --reason <why>/);
    expect(out).toMatch(/Co-signing an amendment is for a chair; 박서연 is the secretary/);
    expect(run.stdout).toMatch(/#1 K-2022-000122 approve 730,000원 → approve 700,000원 .* pending/);
    expect(run.stdout).toMatch(
      /#1 K-2022-000122 approve 730,000원 → approve 700,000원 .* cosigned: co-signed by 이도윤/,
    );
    const before = readFileSync(join(temp.dir, 'ledger-before-cosign.csv'), 'utf8');
    // Claimed 730,000; paid 730,000 (the meeting's decision), not the proposal's 700,000.
    expect(before).toMatch(/K-2022-000122[^\n]*,730000,730000,/);
    expect(before).not.toMatch(/K-2022-000122[^\n]*,700000,/);
    const minutes = spawnSync('pdftotext', ['-layout', join(temp.dir, 'minutes-2.pdf'), '-'], {
      encoding: 'utf8',
    }).stdout;
    expect(minutes).toContain('회의 밖에서 정정된 위원회 결정');
    expect(minutes).toContain('영수증 중복 합산 정정');
  });

  it('the ledger pays what the council decided', () => {
    const ledger = readFileSync(join(temp.dir, 'ledger.csv'), 'utf8');
    expect(ledger).toMatch(/K-2022-000122[^\n]*,730000,700000,/); // the co-signed amendment
    expect(ledger).toContain('K-2022-000032');
    expect(ledger).not.toContain('K-2022-000085'); // deferred: nothing to pay yet
  });

  it("the secretary's audit log names who did what, signed, and nobody by an OS account", () => {
    const ctx = openTestWorkspace(join(temp.dir, 'sec'));
    try {
      const verification = verifyAuditLog(ctx.db);
      expect(verification).toMatchObject({ ok: true, actProblems: [] });
      expect(verification.signedEntries).toBeGreaterThan(20);
      const actors = new Set(listAudit(ctx.db, { limit: 10_000 }).map((e) => e.actor));
      expect([...actors].sort()).toEqual([UNIDENTIFIED_OPERATOR, '박서연', '이도윤'].sort());
      expect(actors).not.toContain(userInfo().username);
    } finally {
      ctx.db.close();
    }
  });
});
