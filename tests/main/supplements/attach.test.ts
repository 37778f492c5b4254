import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import { currentDecisionForClaim } from '../../../src/main/db/repositories/decisions';
import { listEvidenceWithArrivals } from '../../../src/main/db/repositories/evidence';
import { listEvidenceArrivals } from '../../../src/main/db/repositories/evidence-arrivals';
import { claimHistory } from '../../../src/main/services/claims/claims';
import type { ServiceContext } from '../../../src/main/services/context';
import { ServiceError } from '../../../src/main/services/errors';
import { queueIds, queuePage } from '../../../src/main/services/queue/queue';
import { attachEvidence } from '../../../src/main/services/supplements/attach';
import { attachEvidenceFromFile } from '../../../src/main/services/supplements/attach-from-file';
import type { QueueViewId } from '../../../src/shared/domain/queue-views';
import { cleanupTempDirs, ELF_BYTES, JPEG_BYTES, PDF_BYTES, tempDir } from '../evidence/helpers';
import { MAC_EXTRAS, writeTree, writeZipFile } from '../evidence/layout-fixtures';
import { councilDecides } from '../ledger/support';
import { councilWorkspace } from '../meetings/support';

/*
 * Evidence that comes after the batch (issue 16): a claim the council asked for more evidence
 * gets it, goes back to the review queue marked as new, and leaves it again at the next
 * decision. The sample's K-2022-000104 (committee review) names two files it never had;
 * K-2022-000101 is another committee claim nobody has decided.
 */

const REQUESTED = 'K-2022-000104';
const UNDECIDED = 'K-2022-000101';

let ws: ReturnType<typeof councilWorkspace> | undefined;
afterEach(() => {
  ws?.cleanup();
  ws = undefined;
  cleanupTempDirs();
});

const viewIds = (ctx: ServiceContext, view: QueueViewId) =>
  queueIds(ctx, { view, search: '', sort: [], filters: {} }).claimIds;
const rowOf = (ctx: ServiceContext, view: QueueViewId, claimId: string) =>
  queuePage(ctx, {
    query: { view, search: '', sort: [], filters: {} },
    startRow: 0,
    endRow: 1000,
  }).rows.find((row) => row.claimId === claimId);

function requestEvidence(ctx: ServiceContext, meeting = 1) {
  councilDecides(ctx, meeting, '2022-12-20', [
    {
      claimId: REQUESTED,
      motion: { outcome: 'request_evidence', amount: null, reasonCodes: [] },
      note: '세금계산서 사본',
    },
  ]);
}

/** The usual reply: the claimant's folder, zipped with its parent on a Mac. */
function replyZip(dir: string) {
  return writeZipFile(join(dir, 'reply.zip'), [
    { name: 'evidence/' },
    { name: `evidence/${REQUESTED}/` },
    { name: `evidence/${REQUESTED}/tax-invoice.pdf`, bytes: PDF_BYTES },
    { name: `evidence/${REQUESTED}/photo.jpg`, bytes: JPEG_BYTES },
    { name: `evidence/${UNDECIDED}/unrelated.pdf`, bytes: PDF_BYTES },
    ...MAC_EXTRAS,
  ]);
}

function errorOf(promise: Promise<unknown>): Promise<ServiceError> {
  return promise.then(
    () => {
      throw new Error('expected a ServiceError');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ServiceError);
      return error as ServiceError;
    },
  );
}

describe('evidence answering an evidence request', () => {
  it('brings the claim back to the queue marked new, after its old files, until the next decision', async () => {
    ws = councilWorkspace();
    requestEvidence(ws);
    const request = currentDecisionForClaim(ws.db, REQUESTED)!;
    expect(viewIds(ws, 'evidence_requested')).toContain(REQUESTED);
    expect(viewIds(ws, 'queue')).not.toContain(REQUESTED);

    const report = await attachEvidence(ws, {
      claimId: REQUESTED,
      evidence: await replyZip(tempDir()),
    });

    const [attached] = report.claims;
    expect(report.source).toBe('reply.zip');
    expect(attached).toMatchObject({
      claimId: REQUESTED,
      stored: 2,
      rejected: 0,
      missing: 0,
      answered: true,
    });
    // Only the claim's own folder, none of the Mac's extras, named from inside the top folder.
    expect(attached!.files.map((f) => f.fileName)).toEqual([
      `${REQUESTED}/photo.jpg`,
      `${REQUESTED}/tax-invoice.pdf`,
    ]);

    expect(viewIds(ws, 'evidence_requested')).not.toContain(REQUESTED);
    expect(viewIds(ws, 'queue')).toContain(REQUESTED);
    expect(rowOf(ws, 'queue', REQUESTED)).toMatchObject({
      reviewState: 'evidence_requested',
      newEvidence: true,
      evidenceCount: 4,
    });

    const evidence = listEvidenceWithArrivals(ws.db, REQUESTED);
    expect(evidence.map((e) => [e.position, e.status, e.arrivalId])).toEqual([
      [0, 'missing', null],
      [1, 'missing', null],
      [2, 'stored', attached!.arrivalId],
      [3, 'stored', attached!.arrivalId],
    ]);
    expect(listEvidenceArrivals(ws.db, REQUESTED)).toEqual([
      expect.objectContaining({
        sourceName: 'reply.zip',
        answersDecisionId: request.id,
        stored: 2,
        rejected: 0,
        missing: 0,
      }),
    ]);

    const events = claimHistory(ws, REQUESTED).events;
    const requested = events.findIndex((e) => e.details.outcome === 'request_evidence');
    const arrived = events.findIndex((e) => e.action === 'evidence.attached');
    expect(requested).toBeGreaterThanOrEqual(0);
    expect(arrived).toBeGreaterThan(requested);
    expect(events[arrived]!.details).toMatchObject({
      source: 'reply.zip',
      stored: 2,
      rejected: 0,
      missing: 0,
      answersDecisionId: request.id,
      files: [
        { fileName: `${REQUESTED}/photo.jpg`, status: 'stored' },
        { fileName: `${REQUESTED}/tax-invoice.pdf`, status: 'stored' },
      ],
    });

    councilDecides(ws, 2, '2023-01-10', [
      {
        claimId: REQUESTED,
        motion: { outcome: 'approve', amount: 500_000, reasonCodes: [] },
        note: '보완 증빙 확인',
      },
    ]);
    expect(viewIds(ws, 'queue')).not.toContain(REQUESTED);
    expect(viewIds(ws, 'evidence_requested')).not.toContain(REQUESTED);
    expect(rowOf(ws, 'decided', REQUESTED)).toMatchObject({ newEvidence: false });
  });

  it('stores and records evidence for a claim nobody asked, leaving its place in the queue', async () => {
    ws = councilWorkspace();
    const before = viewIds(ws, 'queue');
    const folder = writeTree(join(tempDir(), 'later'), [
      { name: 'receipt.jpg', bytes: JPEG_BYTES },
      { name: '.DS_Store', bytes: Buffer.from('Bud1') },
    ]);

    const [attached] = (await attachEvidence(ws, { claimId: UNDECIDED, evidence: folder })).claims;

    expect(attached).toMatchObject({
      stored: 1,
      answered: false,
      files: [{ fileName: 'receipt.jpg' }],
    });
    expect(viewIds(ws, 'queue')).toEqual(before);
    expect(rowOf(ws, 'queue', UNDECIDED)).toMatchObject({ newEvidence: false });
    expect(listEvidenceArrivals(ws.db, UNDECIDED)).toEqual([
      expect.objectContaining({ sourceName: 'later', answersDecisionId: null }),
    ]);
    const entry = listAudit(ws.db, {}).find((e) => e.action === 'evidence.attached')!;
    expect(entry).toMatchObject({ subjectType: 'claim', subjectId: UNDECIDED });
    expect(entry.details).toMatchObject({ answersDecisionId: null, stored: 1 });
  });
});

describe('attaching refuses or reports bad input', () => {
  const written = (ctx: ServiceContext) => ({
    audit: listAudit(ctx.db, {}).length,
    evidence: ctx.db.prepare('SELECT count(*) FROM evidence').pluck().get(),
    arrivals: ctx.db.prepare('SELECT count(*) FROM evidence_arrivals').pluck().get(),
  });

  it('refuses an unknown claim, an empty delivery and one sorted for other claims, writing nothing', async () => {
    ws = councilWorkspace();
    const dir = tempDir();
    const before = written(ws);

    const unknown = await errorOf(
      attachEvidence(ws, { claimId: 'K-2099-000001', evidence: await replyZip(dir) }),
    );
    expect(unknown.code).toBe('not_found');
    expect(unknown.message).toContain('K-2099-000001');

    const empty = writeTree(join(dir, 'empty'), [
      { name: '.DS_Store', bytes: Buffer.from('Bud1') },
    ]);
    const none = await errorOf(attachEvidence(ws, { claimId: UNDECIDED, evidence: empty }));
    expect(none.code).toBe('validation_failed');
    expect(none.message).toMatch(
      /evidence folder "empty" holds no files to attach to claim K-2022-000101/,
    );

    // The reply zip holds folders for 104 and 101: none of it is 102's.
    const elsewhere = await errorOf(
      attachEvidence(ws, { claimId: 'K-2022-000102', evidence: await replyZip(dir) }),
    );
    expect(elsewhere.code).toBe('validation_failed');
    expect(elsewhere.message).toMatch(/other claims \(K-2022-000101, K-2022-000104\)/);

    expect(written(ws)).toEqual(before);
  });

  it('records a refused file as rejected, never stored, beside the good one', async () => {
    ws = councilWorkspace();
    const folder = join(tempDir(), 'scans');
    mkdirSync(folder);
    writeFileSync(join(folder, 'scan.jpg'), ELF_BYTES);
    writeFileSync(join(folder, 'invoice.pdf'), PDF_BYTES);

    const [attached] = (await attachEvidence(ws, { claimId: UNDECIDED, evidence: folder })).claims;

    expect(attached).toMatchObject({ stored: 1, rejected: 1, missing: 0 });
    const added = listEvidenceWithArrivals(ws.db, UNDECIDED).filter((e) => e.arrivalId !== null);
    expect(added.map((e) => [e.fileName, e.status, e.problem, e.sha256 === null])).toEqual([
      ['invoice.pdf', 'stored', null, false],
      ['scan.jpg', 'rejected', 'executable', true],
    ]);
  });
});

describe('attaching from a file of claim ids and evidence names', () => {
  it('attaches each known claim its named files and reports the row naming an unknown claim', async () => {
    ws = councilWorkspace();
    requestEvidence(ws);
    const dir = tempDir();
    const zip = await replyZip(dir);
    const file = join(dir, 'supplements.csv');
    writeFileSync(
      file,
      [
        '접수번호,증빙,비고',
        `${REQUESTED},${REQUESTED}/tax-invoice.pdf,세금계산서`,
        'K-2099-000001,K-2099-000001/x.pdf,',
        `${UNDECIDED},${UNDECIDED}/unrelated.pdf; gone.pdf,`,
        `${UNDECIDED},,`,
      ].join('\n'),
    );

    const report = await attachEvidenceFromFile(ws, { file, evidence: zip });

    expect(report.unknownClaims).toEqual([{ row: 3, claimId: 'K-2099-000001' }]);
    expect(report.rowsWithoutFiles).toEqual([{ row: 5, claimId: UNDECIDED }]);
    expect(report.claims.map(({ files: _files, arrivalId: _id, ...rest }) => rest)).toEqual([
      { claimId: REQUESTED, stored: 1, rejected: 0, missing: 0, answered: true },
      { claimId: UNDECIDED, stored: 1, rejected: 0, missing: 1, answered: false },
    ]);
    expect(viewIds(ws, 'queue')).toContain(REQUESTED);
    expect(listEvidenceWithArrivals(ws.db, UNDECIDED).at(-1)).toMatchObject({
      fileName: 'gone.pdf',
      status: 'missing',
      problem: 'not_found',
    });
  });

  it('refuses a file without a 접수번호 or 증빙 column, naming it', async () => {
    ws = councilWorkspace();
    const dir = tempDir();
    const file = join(dir, 'list.csv');
    writeFileSync(file, 'claim_id,notes\nK-2022-000101,x\n');
    const error = await errorOf(
      attachEvidenceFromFile(ws, { file, evidence: await replyZip(dir) }),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/list\.csv .*no column for 증빙 \(evidence\)/);
  });
});
