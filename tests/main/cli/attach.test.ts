import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import { queueIds } from '../../../src/main/services/queue/queue';
import { DATABASE_FILE_NAME } from '../../../src/main/services/open-workspace';
import { UNIDENTIFIED_OPERATOR } from '../../../src/shared/domain/acts';
import { cli } from '../../helpers/run-cli';
import { cleanupTempDirs, JPEG_BYTES, PDF_BYTES, tempDir } from '../evidence/helpers';
import { writeZipFile } from '../evidence/layout-fixtures';
import { councilDecides } from '../ledger/support';
import { councilWorkspace } from '../meetings/support';

const REQUESTED = 'K-2022-000104';

let ws: ReturnType<typeof councilWorkspace> | undefined;
afterEach(() => {
  ws?.cleanup();
  ws = undefined;
  cleanupTempDirs();
});

/** A workspace where the council asked for 104's tax invoice; the CLI opens its file. */
function requestedWorkspace() {
  ws = councilWorkspace();
  councilDecides(ws, 1, '2022-12-20', [
    {
      claimId: REQUESTED,
      motion: { outcome: 'request_evidence', amount: null, reasonCodes: [] },
      note: '세금계산서 사본',
    },
  ]);
  return { ws, db: join(ws.dataDir, DATABASE_FILE_NAME) };
}

describe('review-desk attach', { timeout: 60_000 }, () => {
  it('attaches a claim’s folder from a zip, says it is back in the queue, refuses an unknown claim', async () => {
    const { ws, db } = requestedWorkspace();
    const zip = await writeZipFile(join(tempDir(), 'reply.zip'), [
      { name: `${REQUESTED}/` },
      { name: `${REQUESTED}/tax-invoice.pdf`, bytes: PDF_BYTES },
      { name: `${REQUESTED}/photo.jpg`, bytes: JPEG_BYTES },
    ]);

    const run = cli('attach', '--claim', REQUESTED, '--evidence', zip, '--db', db);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('supplementary evidence from reply.zip');
    expect(run.stdout).toContain(`${REQUESTED}: 저장 stored 2, 거부 rejected 0, 없음 missing 0`);
    expect(run.stdout).toContain(
      '보완 요청에 대한 답변으로 심사 대기열에 돌아감 / back in the review queue',
    );
    expect(queueIds(ws, { view: 'queue', search: '', sort: [], filters: {} }).claimIds).toContain(
      REQUESTED,
    );
    // Clerical, like loading a batch: recorded under nobody in particular without --as.
    expect(listAudit(ws.db, { limit: 1 })[0]).toMatchObject({
      action: 'evidence.attached',
      actor: UNIDENTIFIED_OPERATOR,
      subjectId: REQUESTED,
    });

    const unknown = cli('attach', '--claim', 'K-2099-000001', '--evidence', zip, '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^review-desk: claim K-2099-000001 does not exist/);
  });

  it('attaches from a file, reports the unknown row, and exits 3 for a missing file', async () => {
    const { db } = requestedWorkspace();
    const dir = tempDir();
    const zip = await writeZipFile(join(dir, 'reply.zip'), [
      { name: `${REQUESTED}/tax-invoice.pdf`, bytes: PDF_BYTES },
    ]);
    const file = join(dir, 'supplements.csv');
    writeFileSync(
      file,
      `claim_id,evidence\n${REQUESTED},${REQUESTED}/tax-invoice.pdf;${REQUESTED}/gone.pdf\nK-2099-000001,x.pdf\n`,
    );

    const run = cli('attach', file, '--evidence', zip, '--db', db, '--json');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /1 evidence file\(s\) were not found; the rest were attached and kept/,
    );
    const report = JSON.parse(run.stdout);
    expect(report.claims).toEqual([
      expect.objectContaining({ claimId: REQUESTED, stored: 1, missing: 1, answered: true }),
    ]);
    expect(report.unknownClaims).toEqual([{ row: 3, claimId: 'K-2099-000001' }]);
  });
});
