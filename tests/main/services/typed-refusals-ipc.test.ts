import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backgroundCheckpointsEnded } from '../../../src/main/db/background-checkpoint';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import { FIELD_MAX_LENGTH } from '../../../src/shared/domain/batch-format';
import type { IpcResult } from '../../../src/shared/ipc/contract';
import type { ImportReport } from '../../../src/shared/ipc/intake-schemas';
import { GOOD_ROWS, KO_HEADERS, writeCsv, writeJson } from '../../helpers/batch-files';
import { actAsPerson, seatCouncil, TEST_COUNCIL } from '../../helpers/council';
import { FORMULA_PAYLOADS } from '../../helpers/formula-payloads';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { testPlatform } from '../../helpers/test-platform';

/*
 * Issue 12, items 3 and 4 through the real router, as the app reaches them: a refusal the
 * renderer can name (never `internal`), and a quarantine round trip that changes no claim text.
 */

const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setUp() {
  const ws = openTempWorkspace();
  cleanups.push(ws.cleanup);
  const { dir, cleanup } = makeTempDir('review-desk-refusals-');
  cleanups.push(cleanup);
  const platform = testPlatform();
  const errors: unknown[] = [];
  const { router } = createIpc(ws, platform, {
    isTrustedSender: trustOrigins([ORIGIN]),
    logError: (error) => errors.push(error),
  });
  const call = (channel: Parameters<typeof router.handle>[1], payload?: unknown) =>
    router.handle(ours, channel, payload);
  /** Imports a file as the app does: chosen in main's dialog, then started. */
  const importFile = async (file: string, intoBatchId?: number) => {
    platform.chosen.push(file);
    await call('intake:chooseFile', { kind: 'batch' });
    return (await call(
      'intake:start',
      intoBatchId === undefined ? { file } : { file, intoBatchId },
    )) as IpcResult<ImportReport>;
  };
  const inspectFile = async (file: string) => {
    platform.chosen.push(file);
    await call('intake:chooseFile', { kind: 'batch' });
    return call('intake:inspect', { file });
  };
  const count = (table: string) =>
    ws.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { ws, dir, platform, call, importFile, inspectFile, count, errors };
}

describe('workspace:loadSample', () => {
  it('refuses with conflict, naming the claims, when the workspace already holds them', async () => {
    const { call, count, errors } = setUp();
    // The demo batch carries the sample's claim ids (K-2022-000101 ...).
    expect(await call('intake:loadDemo')).toMatchObject({ ok: true });
    const before = [count('claims'), count('batches'), count('audit_log')];
    const answer = await call('workspace:loadSample');
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!answer.ok) expect(answer.error.message).toContain('K-2022-000101');
    expect([count('claims'), count('batches'), count('audit_log')]).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('refuses the sample a second time with conflict', async () => {
    const { call, errors } = setUp();
    expect(await call('workspace:loadSample')).toMatchObject({ ok: true });
    expect(await call('workspace:loadSample')).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(errors).toEqual([]);
  });
});

describe('people are the roster’s, known by their keys', () => {
  it.each([
    ['people:add', { name: '위원 김민준', role: 'member' }],
    ['people:setCurrent', { name: '위원 김민준' }],
  ])('%s is no channel any more: nobody is added or chosen by name', async (channel, payload) => {
    const { call, count, errors } = setUp();
    const answer = await call(channel as Parameters<typeof call>[0], payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect([count('people'), count('audit_log')]).toEqual([0, 0]);
    expect(errors).toEqual([]);
  });

  it('lists the members of the imported roster, and who unlocked their key here', async () => {
    const { ws, call, count, errors } = setUp();
    expect(await call('people:list')).toEqual({
      ok: true,
      value: { people: [], rosterVersion: null, current: null },
    });
    seatCouncil(ws);
    expect(count('people')).toBe(TEST_COUNCIL.length);
    const listed = await call('people:list');
    expect(listed).toMatchObject({ ok: true, value: { rosterVersion: 1, current: null } });
    if (!listed.ok) return;
    const { people } = listed.value as { people: { name: string; role: string }[] };
    expect(people.map((p) => ({ name: p.name, role: p.role }))).toEqual([...TEST_COUNCIL]);
    actAsPerson(ws, '김민준');
    expect(await call('people:list')).toMatchObject({
      ok: true,
      value: { current: { name: '김민준', role: 'member' } },
    });
    expect(errors).toEqual([]);
  });
});

describe('intake:start', { timeout: 60_000 }, () => {
  it("imports a JSON batch whose keys are named after Object's members", async () => {
    const { dir, importFile, inspectFile, errors } = setUp();
    const extra = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];
    // Only the first row has them: a row without a "constructor" cell must not read Object's.
    const objects = GOOD_ROWS.map((row, i) =>
      Object.fromEntries([
        ...KO_HEADERS.map((header, j) => [header, row[j]!]),
        ...(i === 0 ? extra.map((key) => [key, `${key} 값`]) : []),
      ]),
    );
    const file = join(dir, 'members.json');
    writeFileSync(file, JSON.stringify(objects));
    // The mapping step sees them as ordinary unknown columns.
    const inspected = await inspectFile(file);
    expect(inspected).toMatchObject({ ok: true, value: { unknownHeaders: extra } });
    const answer = await importFile(file);
    expect(errors).toEqual([]);
    expect(answer).toMatchObject({ ok: true, value: { rows: GOOD_ROWS.length } });
    if (answer.ok) expect(answer.value.imported + answer.value.quarantined).toBe(GOOD_ROWS.length);
  });

  it('quarantines an over-long 계열사 with a reason naming the field, the row and the length', async () => {
    const { dir, ws, importFile, errors } = setUp();
    const long = '가'.repeat(100_000);
    const rows = GOOD_ROWS.slice(0, 2).map((row) => [...row]);
    rows[1]![3] = long;
    const answer = await importFile(writeCsv(dir, 'long.csv', rows, 'utf-8'));
    expect(errors).toEqual([]);
    expect(answer).toMatchObject({ ok: true, value: { imported: 1, quarantined: 1 } });
    if (!answer.ok) return;
    const [entry] = answer.value.quarantine;
    expect(entry).toMatchObject({ row: 3, claimId: GOOD_ROWS[1]![0] });
    expect(entry!.reasons).toEqual([
      expect.objectContaining({ field: 'affiliate', code: 'too_long' }),
    ]);
    expect(entry!.reasons[0]!.en).toContain(`affiliate has ${long.length} characters`);
    expect(entry!.reasons[0]!.en).toContain(`at most ${FIELD_MAX_LENGTH.affiliate}`);
    expect(entry!.reasons[0]!.ko).toContain('계열사');
    const stored = ws.db
      .prepare('SELECT count(*) FROM claims WHERE claim_id = ?')
      .pluck()
      .get(GOOD_ROWS[1]![0]);
    expect(stored).toBe(0);
  });

  it.each(['csv', 'json'] as const)(
    'never stores a 50 MB 계열사 from %s: the row is quarantined or the file refused, by name',
    async (format) => {
      const { dir, ws, importFile, errors, count } = setUp();
      const rows = GOOD_ROWS.slice(0, 2).map((row) => [...row]);
      rows[1]![3] = 'x'.repeat(50 * 1024 * 1024);
      const file =
        format === 'csv'
          ? writeCsv(dir, 'huge.csv', rows, 'utf-8')
          : writeJson(dir, 'huge.json', rows);
      const answer = await importFile(file);
      expect(errors).toEqual([]);
      if (answer.ok) {
        expect(answer.value).toMatchObject({ imported: 1, quarantined: 1 });
        expect(answer.value.quarantine[0]!.reasons.map((r) => [r.field, r.code])).toEqual([
          ['affiliate', 'too_long'],
        ]);
      } else {
        // The reader's own bound (src/main/services/intake/readers) may refuse the file first.
        expect(answer.error.code).toBe('validation_failed');
        expect(count('claims')).toBe(0);
      }
      const stored = ws.db
        .prepare('SELECT count(*) FROM claims WHERE claim_id = ?')
        .pluck()
        .get(GOOD_ROWS[1]![0]);
      expect(stored).toBe(0);
      // Quarantine kept the 50 MB row whole: its WAL is copied on a worker, waited for here.
      await backgroundCheckpointsEnded(ws.db.name);
    },
  );
});

describe('intake:exportQuarantine then intake:start into the batch', { timeout: 30_000 }, () => {
  it('stores every formula payload exactly as the source had it', async () => {
    const { dir, ws, platform, call, importFile } = setUp();
    const rows = FORMULA_PAYLOADS.map((payload, i) => {
      const row = [...GOOD_ROWS[0]!];
      row[0] = `K-2022-32${String(i).padStart(4, '0')}`;
      row[8] = payload;
      row[10] = '약 백만원';
      row[11] = payload;
      return row;
    });
    const first = await importFile(writeCsv(dir, 'bad.csv', rows, 'utf-8-bom'));
    expect(first).toMatchObject({ ok: true, value: { quarantined: rows.length } });
    if (!first.ok) return;
    const out = join(dir, 'quarantine.csv');
    platform.chosen.push(out);
    expect(await call('intake:exportQuarantine', { batchId: first.value.batchId })).toMatchObject({
      ok: true,
      value: { path: out, rows: rows.length },
    });
    const fixed = join(dir, 'fixed.csv');
    writeFileSync(fixed, readFileSync(out, 'utf8').replaceAll('약 백만원', '1850000원'));
    const fix = await importFile(fixed, first.value.batchId);
    expect(fix).toMatchObject({ ok: true, value: { imported: rows.length, quarantined: 0 } });
    const stored = ws.db
      .prepare('SELECT business_name, description FROM claims ORDER BY claim_id')
      .all();
    expect(stored).toEqual(
      FORMULA_PAYLOADS.map((p) => ({ business_name: p.trim(), description: p.trim() })),
    );
  });
});
