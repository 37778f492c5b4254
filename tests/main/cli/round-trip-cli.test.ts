import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GOOD_ROWS, KO_HEADERS, writeCsv, writeJson } from '../../helpers/batch-files';
import { FORMULA_PAYLOADS } from '../../helpers/formula-payloads';
import { makeTempDir } from '../../helpers/temp-workspace';
import { cli } from '../../helpers/run-cli';
import { openRawDatabase, openTestWorkspace, testWorkspaceKey } from '../../helpers/workspace-key';

/*
 * Issue 12 through the terminal: `quarantine` then `import --into-batch` gives back the source
 * text, JSON keys named after Object's members are ordinary columns, and an over-long field is
 * a quarantined row with a named reason. Never exit 2 ("unexpected error").
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setup() {
  const { dir, cleanup } = makeTempDir('review-desk-cli-trip-');
  cleanups.push(cleanup);
  // Made first, so the CLI's stderr holds only what the import says (not the recovery code).
  openTestWorkspace(join(dir, 'workspace')).db.close();
  return { dir, db: join(dir, 'workspace', 'review-desk.db') };
}

function query<T>(db: string, sql: string): T[] {
  const conn = openRawDatabase(db, testWorkspaceKey(db), { readonly: true });
  try {
    return conn.prepare(sql).all() as T[];
  } finally {
    conn.close();
  }
}

describe('review-desk quarantine, then import --into-batch', { timeout: 60_000 }, () => {
  it('stores the formula payloads exactly as the source had them', () => {
    const { dir, db } = setup();
    const texts = [...FORMULA_PAYLOADS, "'=1+1", "'그냥 인용"];
    const rows = texts.map((text, i) => {
      const row = [...GOOD_ROWS[0]!];
      row[0] = `K-2022-33${String(i).padStart(4, '0')}`;
      row[8] = text;
      row[10] = '약 백만원';
      row[11] = text;
      return row;
    });
    const first = cli('import', writeCsv(dir, 'bad.csv', rows, 'utf-8-bom'), '--db', db, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ quarantined: texts.length });
    const out = join(dir, 'quarantine.csv');
    expect(cli('quarantine', '--batch', '1', '--out', out, '--db', db).code).toBe(0);
    const fixed = join(dir, 'fixed.csv');
    writeFileSync(fixed, readFileSync(out, 'utf8').replaceAll('약 백만원', '1850000원'));
    const fix = cli('import', fixed, '--into-batch', '1', '--db', db, '--json');
    expect(fix.stderr).toBe('');
    expect(fix.code).toBe(0);
    expect(JSON.parse(fix.stdout)).toMatchObject({ imported: texts.length, quarantined: 0 });
    const stored = query<{ business_name: string; description: string }>(
      db,
      'SELECT business_name, description FROM claims ORDER BY claim_id',
    );
    expect(stored).toEqual(texts.map((t) => ({ business_name: t.trim(), description: t.trim() })));
  });
});

describe('review-desk import refusals', { timeout: 60_000 }, () => {
  it("imports a JSON batch with keys named after Object's members", () => {
    const { dir, db } = setup();
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
    const run = cli('import', file, '--db', db, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.rows).toBe(GOOD_ROWS.length);
    expect(report.imported + report.quarantined).toBe(GOOD_ROWS.length);
  });

  it("imports a JSON batch saved with a mapping that names Object's members", () => {
    const { dir, db } = setup();
    const file = writeJson(dir, 'b.json', GOOD_ROWS.slice(0, 1), [
      ...KO_HEADERS.slice(0, 4),
      'constructor',
      ...KO_HEADERS.slice(5),
    ]);
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ constructor: 'service' }));
    const run = cli('import', file, '--mapping', mapping, '--db', db, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The 서비스 column, renamed "constructor", is found through the saved mapping.
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 1, imported: 1 });
    expect(query(db, 'SELECT service FROM claims')).toEqual([{ service: GOOD_ROWS[0]![4] }]);
  });

  it('quarantines a row with an over-long 상호, naming the field and its length', () => {
    const { dir, db } = setup();
    const rows = GOOD_ROWS.slice(0, 2).map((row) => [...row]);
    rows[0]![8] = '상'.repeat(201);
    const run = cli('import', writeCsv(dir, 'long.csv', rows, 'utf-8'), '--db', db, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ imported: 1, quarantined: 1 });
    expect(report.quarantine[0]).toMatchObject({
      row: 2,
      reasons: [{ field: 'business_name', code: 'too_long' }],
    });
    expect(report.quarantine[0].reasons[0].en).toContain('business_name has 201 characters');
    expect(query(db, `SELECT 1 FROM claims WHERE claim_id = '${GOOD_ROWS[0]![0]}'`)).toEqual([]);
  });
});
