import iconv from 'iconv-lite';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  makeJpeg,
  makeNoteTxt,
  makePdf,
  makePng,
  makePosCsv,
  makeSalesLedgerXlsx,
} from '../../../src/main/demo/evidence-files';
import { excelJs } from '../../../src/main/lib/exceljs';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { listEvidenceForClaim } from '../../../src/main/db/repositories/evidence';
import {
  openEvidenceFile,
  TABLE_ROW_LIMIT,
  TEXT_CHAR_LIMIT,
} from '../../../src/main/services/evidence/open';
import { EvidenceStore } from '../../../src/main/services/evidence/store';
import { ServiceError } from '../../../src/main/services/errors';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { GOOD_ROWS, writeCsv } from '../../helpers/batch-files';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';

const CLAIM = 'K-2022-100001';

/** The claim's evidence column, in order: the index is the position openEvidenceFile takes. */
const FILES = [
  'receipt.png',
  'receipt.jpg',
  'statement.pdf',
  'pos.csv',
  'pos-cp949.csv',
  'ledger.xlsx',
  'dated.xlsx',
  'note.txt',
  'long.txt',
  'long.csv',
  'not-there.png',
  'run.exe',
] as const;
const at = (name: (typeof FILES)[number]) => FILES.indexOf(name);

/** A workbook with real date cells and more rows than the viewer takes. */
async function datedWorkbook(): Promise<Buffer> {
  const workbook = new (excelJs().Workbook)();
  const sheet = workbook.addWorksheet('입금내역');
  sheet.addRow(['일자', '금액', '메모']);
  sheet.addRow([new Date(Date.UTC(2022, 9, 15)), 1234.5, '장애 당일']);
  for (let i = 0; i < 600; i++) sheet.addRow([`row ${i}`, i, '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((fn) => fn());
  cleanups = [];
});

let files: Record<string, Buffer>;
beforeAll(async () => {
  files = {
    'receipt.png': makePng(1),
    'receipt.jpg': makeJpeg(2, 'receipt'),
    'statement.pdf': makePdf(3, 'Statement'),
    'pos.csv': makePosCsv(4, '2022-10-15', '음식점업'),
    'pos-cp949.csv': iconv.encode('일자,매출,비고\r\n2022-10-15,1200000,카카오 장애\r\n', 'cp949'),
    'ledger.xlsx': await makeSalesLedgerXlsx(5, '2022-10', '을지로 국밥집'),
    'dated.xlsx': await datedWorkbook(),
    'note.txt': makeNoteTxt(6, CLAIM, '을지로 국밥집'),
    'long.txt': Buffer.from('가'.repeat(TEXT_CHAR_LIMIT + 10)),
    'long.csv': Buffer.from(
      Array.from({ length: 700 }, (_, i) => `${i},값${i}`).join('\n'),
      'utf8',
    ),
    'run.exe': Buffer.from([0x4d, 0x5a, 0x90, 0x00]),
  };
});

/** A workspace with one claim whose evidence covers every type, a missing and a refused file. */
async function workspaceWithEvidence() {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  const folder = join(dir, 'evidence', CLAIM);
  mkdirSync(folder, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(folder, name), bytes);
  const row = [...GOOD_ROWS[0]!];
  row[13] = FILES.map((name) => `${CLAIM}/${name}`).join(';');
  const file = writeCsv(dir, 'batch.csv', [row], 'utf-8');
  const ws = openTempWorkspace();
  cleanups.push(ws.cleanup);
  await importBatch(ws, { file, evidence: join(dir, 'evidence') });
  return ws;
}

async function failureOf(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('opening evidence for the viewer', () => {
  it('gives images and PDFs as their stored bytes', async () => {
    const ws = await workspaceWithEvidence();
    for (const name of ['receipt.png', 'receipt.jpg', 'statement.pdf'] as const) {
      const opened = await openEvidenceFile(ws, CLAIM, at(name));
      expect(opened.fileName).toBe(`${CLAIM}/${name}`);
      expect(opened.content.kind).toBe('binary');
      if (opened.content.kind !== 'binary') continue;
      // A plain Uint8Array of its own, as Electron's IPC will clone it.
      expect(opened.content.bytes.constructor).toBe(Uint8Array);
      expect(Buffer.from(opened.content.bytes).equals(files[name]!)).toBe(true);
      expect(opened.sizeBytes).toBe(files[name]!.length);
    }
    const pdf = await openEvidenceFile(ws, CLAIM, at('statement.pdf'));
    expect(pdf.mediaType).toBe('application/pdf');
    expect(pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads CSV as a table in UTF-8 with a BOM and in CP949', async () => {
    const ws = await workspaceWithEvidence();
    const pos = await openEvidenceFile(ws, CLAIM, at('pos.csv'));
    expect(pos.content).toMatchObject({ kind: 'table', sheet: null, truncated: false });
    if (pos.content.kind !== 'table') return;
    // The BOM is stripped, so the first header is exactly "일자".
    expect(pos.content.rows[0]).toEqual([
      '일자',
      '시간',
      '영수증번호',
      '품목',
      '수량',
      '단가',
      '결제수단',
      '결제금액',
    ]);

    const cp949 = await openEvidenceFile(ws, CLAIM, at('pos-cp949.csv'));
    expect(cp949.content).toEqual({
      kind: 'table',
      sheet: null,
      rows: [
        ['일자', '매출', '비고'],
        ['2022-10-15', '1200000', '카카오 장애'],
      ],
      truncated: false,
    });
  });

  it('keeps the first rows of a long CSV and says it was cut', async () => {
    const ws = await workspaceWithEvidence();
    const opened = await openEvidenceFile(ws, CLAIM, at('long.csv'));
    expect(opened.content).toMatchObject({ kind: 'table', truncated: true });
    if (opened.content.kind !== 'table') return;
    expect(opened.content.rows).toHaveLength(TABLE_ROW_LIMIT);
    expect(opened.content.rows[0]).toEqual(['0', '값0']);
  });

  it('reads the first sheet of a workbook as display strings', async () => {
    const ws = await workspaceWithEvidence();
    const ledger = await openEvidenceFile(ws, CLAIM, at('ledger.xlsx'));
    expect(ledger.content).toMatchObject({ kind: 'table', sheet: '매출장부', truncated: false });
    if (ledger.content.kind !== 'table') return;
    const [header, first] = ledger.content.rows;
    expect(header).toEqual(['일자', '요일', '카드매출', '현금매출', '간편결제', '합계', '비고']);
    // 31 days under the header; the total column shows the formula's result.
    expect(ledger.content.rows).toHaveLength(32);
    expect(first![0]).toBe('2022-10-01');
    const [card, cash, easy, total] = first!.slice(2, 6).map(Number);
    expect(total).toBe(card! + cash! + easy!);
    expect(ledger.content.rows[15]![6]).toBe('카카오 장애');

    const dated = await openEvidenceFile(ws, CLAIM, at('dated.xlsx'));
    expect(dated.content).toMatchObject({ kind: 'table', sheet: '입금내역', truncated: true });
    if (dated.content.kind !== 'table') return;
    expect(dated.content.rows).toHaveLength(TABLE_ROW_LIMIT);
    expect(dated.content.rows[1]).toEqual(['2022-10-15', '1234.5', '장애 당일']);
    // Every row has the sheet's width, so the table lines up.
    expect(new Set(dated.content.rows.map((r) => r.length))).toEqual(new Set([3]));
  });

  it('decodes text and cuts a very long one', async () => {
    const ws = await workspaceWithEvidence();
    const note = await openEvidenceFile(ws, CLAIM, at('note.txt'));
    expect(note.content).toMatchObject({ kind: 'text', truncated: false });
    if (note.content.kind === 'text') expect(note.content.text).toContain('피해 경위서');

    const long = await openEvidenceFile(ws, CLAIM, at('long.txt'));
    expect(long.content).toMatchObject({ kind: 'text', truncated: true });
    if (long.content.kind === 'text') expect(long.content.text).toHaveLength(TEXT_CHAR_LIMIT);
  });

  it('refuses missing and refused evidence with a clear message, and unknown positions', async () => {
    const ws = await workspaceWithEvidence();
    const statuses = listEvidenceForClaim(ws.db, CLAIM).map((e) => e.status);
    expect(statuses[at('not-there.png')]).toBe('missing');
    expect(statuses[at('run.exe')]).toBe('rejected');

    const missing = await failureOf(openEvidenceFile(ws, CLAIM, at('not-there.png')));
    expect(missing.code).toBe('validation_failed');
    expect(missing.message).toMatch(/not-there\.png" is missing \(file not found\)/);

    const refused = await failureOf(openEvidenceFile(ws, CLAIM, at('run.exe')));
    expect(refused.code).toBe('validation_failed');
    expect(refused.message).toMatch(/refused at import \(executables are not accepted\)/);

    expect((await failureOf(openEvidenceFile(ws, CLAIM, 99))).code).toBe('not_found');
    const noClaim = await failureOf(openEvidenceFile(ws, 'K-2022-999999', 0));
    expect(noClaim.code).toBe('not_found');
    expect(noClaim.message).toMatch(/K-2022-999999 does not exist/);
  });

  it('detects a store file changed since import, and a removed one', async () => {
    const ws = await workspaceWithEvidence();
    const opened = await openEvidenceFile(ws, CLAIM, at('note.txt'));
    const path = new EvidenceStore(ws.dataDir, ws.workspaceKey).pathFor(opened.sha256);
    chmodSync(path, 0o644);
    writeFileSync(path, '내용을 바꿔 치기한 경위서\n');
    const tampered = await failureOf(openEvidenceFile(ws, CLAIM, at('note.txt')));
    expect(tampered.code).toBe('conflict');
    expect(tampered.message).toMatch(/stored file changed since import/);

    const png = listEvidenceForClaim(ws.db, CLAIM)[at('receipt.png')]!;
    rmSync(new EvidenceStore(ws.dataDir, ws.workspaceKey).pathFor(png.sha256!), {
      force: true,
    });
    const gone = await failureOf(openEvidenceFile(ws, CLAIM, at('receipt.png')));
    expect(gone.code).toBe('conflict');
    expect(gone.message).toMatch(/gone from the evidence store/);
  });

  it('records each open in the audit log, and the chain still verifies', async () => {
    const ws = await workspaceWithEvidence();
    const png = await openEvidenceFile(ws, CLAIM, at('receipt.png'));
    await openEvidenceFile(ws, CLAIM, at('pos-cp949.csv'));
    // A refused open shows nothing, so it records nothing.
    await failureOf(openEvidenceFile(ws, CLAIM, at('run.exe')));

    const viewed = listAudit(ws.db, { subjectId: CLAIM }).filter(
      (e) => e.action === 'evidence.viewed',
    );
    expect(viewed).toHaveLength(2);
    const first = viewed.at(-1)!;
    expect(first).toMatchObject({
      actor: ws.actor,
      subjectType: 'claim',
      subjectId: CLAIM,
      details: {
        position: at('receipt.png'),
        fileName: `${CLAIM}/receipt.png`,
        sha256: png.sha256,
      },
    });
    expect(verifyAuditChain(ws.db)).toMatchObject({ ok: true, firstBadSeq: null });
  });
});
