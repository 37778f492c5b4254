import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { importDecisions } from '../../../src/main/services/decisions/decisions-import';
import { ServiceError } from '../../../src/main/services/errors';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { actAsMember, openTempWorkspace } from '../../helpers/temp-workspace';

let ws: ReturnType<typeof openTempWorkspace>;
afterEach(() => ws?.cleanup());

function sheet(name: string, lines: string[], encoding: 'utf-8' | 'cp949' = 'utf-8'): string {
  const file = join(ws.dataDir, name);
  writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, encoding));
  return file;
}

const decisionRows = () =>
  ws.db
    .prepare(
      'SELECT claim_id AS claimId, outcome, amount, replaces_id AS replacesId FROM decisions ORDER BY id',
    )
    .all();

describe('decisions imported from a sheet', () => {
  it('records every row through the shared rules, amendments included, each audited', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    const file = sheet(
      'decisions.csv',
      [
        '접수번호,결정,금액,사유,메모,변경사유',
        'K-2022-000101,일부 인정,120만원,증빙 불충분,POS 일부만 확인,',
        'K-2022-000104,reject,,not_caused_by_outage;other,장애 시간 밖 결제,',
        'K-2022-000101,인정,"1,850,000",,,원본 장부 확인',
      ],
      'cp949',
    );
    // Recording decisions is a member's act: without a key the whole sheet is refused, unread.
    expect(() => importDecisions(ws, file)).toThrow(
      /from a sheet needs the key of a member or chair/,
    );
    expect(decisionRows()).toEqual([]);
    actAsMember(ws);
    const result = importDecisions(ws, file);
    expect(result.recorded).toBe(3);
    expect(decisionRows()).toEqual([
      { claimId: 'K-2022-000101', outcome: 'partial', amount: 1_200_000, replacesId: null },
      { claimId: 'K-2022-000104', outcome: 'reject', amount: null, replacesId: null },
      { claimId: 'K-2022-000101', outcome: 'approve', amount: 1_850_000, replacesId: 1 },
    ]);
    const actions = listAudit(ws.db, {})
      .map((e) => e.action)
      .reverse();
    expect(actions.slice(-3)).toEqual([
      'decision.recorded',
      'decision.recorded',
      'decision.amended',
    ]);
    expect(new Set(listAudit(ws.db, { limit: 3 }).map((e) => e.actor))).toEqual(
      new Set(['김민준']),
    );
    expect(verifyAuditChain(ws.db).ok).toBe(true);
  });

  it('lands whole or not at all: a bad row names itself and nothing is recorded', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    const before = listAudit(ws.db, {}).length;
    const cases: [string[], RegExp][] = [
      [
        ['K-2022-000101,인정,600000,,', 'K-2022-000104,기각,,,'],
        /row 3: K-2022-000104: reasonCodes: reason_required/,
      ],
      [['K-2022-000101,아마도,,,'], /row 2: "아마도" is not an outcome/],
      [['K-2022-000101,기각,,지루함,'], /row 2: "지루함" is not a reason code/],
      [['K-2022-000101,인정,많이,,'], /row 2: "많이" is not an amount of won/],
      [[',인정,1000,,'], /row 2: the claim id is empty/],
      [['K-2022-000105,인정,30000,,'], /row 2: K-2022-000105: .*claim_not_reviewable/],
    ];
    for (const [rows, message] of cases) {
      const file = sheet('bad.csv', ['claim_id,outcome,amount,reasons,note', ...rows]);
      let error: unknown;
      try {
        importDecisions(ws, file);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).message).toMatch(message);
      expect((error as ServiceError).message).toContain('nothing was recorded');
    }
    expect(decisionRows()).toEqual([]);
    expect(listAudit(ws.db, {})).toHaveLength(before);
  });

  it('refuses a sheet without the claim id or outcome column', () => {
    ws = openTempWorkspace();
    const file = sheet('no-outcome.csv', ['접수번호,금액', 'K-2022-000101,1000']);
    actAsMember(ws);
    expect(() => importDecisions(ws, file)).toThrow(/no 결정 \(outcome\) column/);
  });

  it('reads a sheet as batches are read: any line ending, the encoding of the whole file, a cut refused', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    const header = '접수번호,결정,금액,사유,메모';
    const crOnly = join(ws.dataDir, 'cr-only.csv');
    writeFileSync(
      crOnly,
      [header, 'K-2022-000101,인정,600000,,"메모\r둘째 줄"', 'K-2022-000104,인정,700000,,'].join(
        '\r',
      ),
    );
    const refusals: [string, Buffer | string, RegExp][] = [
      [
        'stray.csv',
        Buffer.concat([
          Buffer.from(`${header}\r\nK-2022-000101,인정,1`),
          Buffer.from([0xff]),
          Buffer.from('00,,\r\n'),
        ]),
        /UTF-8 with 1 invalid byte/,
      ],
      [
        'cut.csv',
        `${header}\r\nK-2022-000101,인정,600000,,"메모가 잘`,
        /row 2 \(line 2\).*quote that does not close/,
      ],
      [
        'two-outcomes.csv',
        `접수번호,결정,outcome\r\nK-2022-000101,인정,기각\r\n`,
        /more than one column for outcome/,
      ],
    ];
    for (const [name, content, message] of refusals) {
      const file = join(ws.dataDir, name);
      writeFileSync(file, content);
      expect(() => importDecisions(ws, file), name).toThrow(message);
    }
    expect(decisionRows()).toEqual([]);
    const pragmas = vi.spyOn(ws.db, 'pragma');
    expect(importDecisions(ws, crOnly).recorded).toBe(2);
    expect(pragmas.mock.calls.map(([source]) => source)).toContain('synchronous = FULL');
    pragmas.mockRestore();
    expect(ws.db.prepare('SELECT note FROM decisions ORDER BY id').pluck().all()).toEqual([
      '메모\r둘째 줄',
      '',
    ]);
  });
});
