import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { excelJs } from '../../../src/main/lib/exceljs';
import { buildLedger, exportLedger } from '../../../src/main/services/ledger';
import { AWAITING_SHEET, OUTSIDE_VIEWS_SHEET } from '../../../src/main/services/ledger/ledger-xlsx';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { seatCouncil } from '../../helpers/council';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';

/*
 * What a workspace from before people were their keys holds: decisions recorded outside any
 * meeting under whatever name the machine gave (the operating-system account from the CLI, or
 * the person picked in a dropdown). Rows are written here as that code wrote them. The ledger
 * no longer pays them: each is a view of the person recorded, or of an unknown person when the
 * name is on no roster, and the ledger says so.
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function legacyWorkspace() {
  const ws = openTempWorkspace();
  cleanups.push(ws.cleanup);
  loadSampleClaims(ws);
  seatCouncil(ws);
  const insert = ws.db.prepare(
    `INSERT INTO decisions (claim_id, outcome, amount, decided_by, decided_at)
     VALUES (?, 'approve', ?, ?, '2022-12-01T01:00:00.000Z')`,
  );
  insert.run('K-2022-000101', 730_000, 'root'); // `review-desk decide` as the OS account
  insert.run('K-2022-000102', 700_000, '김민준'); // the dropdown's "person at this machine"
  return ws;
}

/** One sheet of the legacy workspace's ledger workbook, as rows of cell values. */
async function exportedSheet(name: string): Promise<unknown[][]> {
  const ws = legacyWorkspace();
  const { dir, cleanup } = makeTempDir('review-desk-legacy-ledger-');
  cleanups.push(cleanup);
  const out = join(dir, 'ledger.xlsx');
  await exportLedger(ws, { format: 'xlsx', out });
  const workbook = new (excelJs().Workbook)();
  await workbook.xlsx.readFile(out);
  const sheet = workbook.getWorksheet(name)!;
  return Array.from({ length: sheet.rowCount }, (_, i) =>
    (sheet.getRow(i + 1).values as unknown[]).slice(1),
  );
}

describe('views recorded outside a meeting before issue 14', () => {
  it('are paid nothing and wait for the council, each with who recorded it, known or not', () => {
    const ws = legacyWorkspace();
    const ledger = buildLedger(ws);
    expect(ledger.rows.map((row) => row.claimId)).not.toContain('K-2022-000101');
    expect(ledger.rows.map((row) => row.claimId)).not.toContain('K-2022-000102');
    const awaiting = (claimId: string) => ledger.awaiting.find((row) => row.claimId === claimId);
    expect(awaiting('K-2022-000101')).toMatchObject({
      outsideAmount: 730_000,
      outsideBy: 'root',
      outsideByOnRoster: false,
    });
    expect(awaiting('K-2022-000102')).toMatchObject({
      outsideBy: '김민준',
      outsideByOnRoster: true,
    });
    expect(ledger.summary.outsideMeeting).toBe(2);
  });

  it('the ledger workbook names the unknown person as such', async () => {
    const [, ...rows] = await exportedSheet(AWAITING_SHEET);
    const recordedBy = new Map(rows.map((row) => [row[0], row[8]]));
    expect(recordedBy.get('K-2022-000101')).toBe('알 수 없음 (기록된 이름: root)');
    expect(recordedBy.get('K-2022-000102')).toBe('김민준');
  });
});

describe('the ledger says what changed', () => {
  it('lists every view it no longer pays on 「회의 밖 기록」, with what it pays instead', async () => {
    const rows = await exportedSheet(OUTSIDE_VIEWS_SHEET);
    expect(rows).toEqual([
      [
        '접수번호',
        '상호',
        '회의 밖 기록',
        '기록 금액 (지급 안 함)',
        '기록한 사람',
        '위원회 결정',
        '회의',
        '지급액',
      ],
      [
        'K-2022-000101',
        '을지로 국밥집',
        '인정',
        730_000,
        '알 수 없음 (기록된 이름: root)',
        '미결정',
        undefined,
        0,
      ],
      ['K-2022-000102', '성수 꽃집 한송이', '인정', 700_000, '김민준', '미결정', undefined, 0],
    ]);
  });
});
