import fc from 'fast-check';
import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClaimRows } from '../../../src/main/demo/generate-claims';
import { writeBatchCsv, writeBatchJson, writeBatchXlsx } from '../../../src/main/demo/write-batch';
import { ServiceError } from '../../../src/main/services/errors';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { rowObject, uniqueHeaders } from '../../../src/main/services/intake/readers/types';
import { referenceCsvRecords } from '../../helpers/reference-csv';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';

/**
 * Byte flips and truncations of small CSV, XLSX and JSON batches. Every case must end, within
 * a few seconds, in either a typed refusal that left the database as it was, or an import whose
 * stored rows are exactly the records of the file as a plain reading of it finds them. Each
 * format runs for a bounded time (the whole file stays within a minute) from a fixed seed, so
 * a failure is reproducible; the counts are printed.
 */
const TIME_PER_FORMAT_MS = 12_000;
const CASE_TIMEOUT_MS = 10_000;
const ROWS = 25;

type Workspace = ReturnType<typeof openTempWorkspace>;
type Outcome = { kind: 'refused'; issue: string } | { kind: 'imported'; rows: number };

const mutation = fc.record({
  flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
    minLength: 0,
    maxLength: 3,
  }),
  cut: fc.option(fc.nat(), { freq: 2 }),
});

function mutate(bytes: Buffer, m: { flips: [number, number][]; cut: number | null }) {
  const out = Buffer.from(bytes);
  for (const [at, mask] of m.flips) out[at % out.length]! ^= mask;
  return m.cut === null ? out : out.subarray(0, m.cut % out.length);
}

let dir: string;
let cleanupDir: () => void;
const summary: string[] = [];
beforeAll(() => ({ dir, cleanup: cleanupDir } = makeTempDir()));
afterAll(() => {
  cleanupDir();
  console.log(summary.join('\n'));
});

function fingerprint(ws: Workspace) {
  const tables = ws.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[];
  return {
    dataVersion: ws.db.pragma('data_version', { simple: true }),
    counts: tables.map((t) => [t, ws.db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()]),
  };
}

/** Runs one import with a hard deadline: a hang fails the case instead of the suite. */
async function importOrRefusal(ws: Workspace, file: string): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung: ${file}`)), CASE_TIMEOUT_MS);
  });
  try {
    const report = await Promise.race([importBatch(ws, { file }), deadline]);
    return { kind: 'imported', rows: report.rows };
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    expect(error.code).toBe('validation_failed');
    return { kind: 'refused', issue: error.issues[0]?.code ?? '(none)' };
  } finally {
    clearTimeout(timer);
  }
}

interface StoredRow {
  source_row: number;
  claim_id: string | null;
  description: string | null;
  raw: string | null;
}

function storedRows(ws: Workspace): StoredRow[] {
  return ws.db
    .prepare(
      `SELECT source_row, claim_id, description, NULL AS raw FROM claims
       UNION ALL SELECT source_row, claim_id, NULL, raw FROM quarantine
       ORDER BY source_row`,
    )
    .all() as StoredRow[];
}

/** The stored rows are the expected ones: same rows, same claim ids, same text. */
function expectStoredAre(
  ws: Workspace,
  expected: { row: number; values: Record<string, string> }[],
) {
  const stored = storedRows(ws);
  expect(stored.map((s) => s.source_row)).toEqual(expected.map((e) => e.row));
  const idHeader = '접수번호';
  const textHeader = '피해내용';
  stored.forEach((s, i) => {
    const values = expected[i]!.values;
    if (s.raw !== null) expect(JSON.parse(s.raw)).toEqual(values);
    else {
      expect(s.claim_id).toBe((values[idHeader] ?? '').trim());
      expect(s.description ?? '').toBe((values[textHeader] ?? '').trim());
    }
  });
}

function csvExpected(bytes: Buffer, encoding: string) {
  const text = iconv.decode(bytes, encoding === 'cp949' ? 'cp949' : 'utf-8', { stripBOM: true });
  const records = referenceCsvRecords(text);
  expect(records, 'imported, but a plain reading finds the file malformed').not.toBeNull();
  const rows = records!
    .map((record, i) => ({ row: i + 1, cells: record.cells }))
    .filter((r) => !r.cells.every((c) => c.trim() === ''));
  const headers = uniqueHeaders(rows[0]!.cells);
  return rows.slice(1).map((r) => ({ row: r.row, values: rowObject(headers, r.cells) }));
}

function jsonExpected(bytes: Buffer) {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(bytes, 'cp949');
  }
  const items = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown[];
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return items.map((item, i) => ({
    row: i + 1,
    values:
      item !== null && typeof item === 'object' && !Array.isArray(item)
        ? Object.fromEntries(Object.entries(item).map(([k, v]) => [k, cell(v)]))
        : { '(값)': cell(item) },
  }));
}

async function fuzz(
  format: string,
  source: string,
  check: (ws: Workspace, bytes: Buffer) => void,
  timeLimitMs = TIME_PER_FORMAT_MS,
  checkRefusal: (issue: string) => void = () => undefined,
): Promise<void> {
  const original = readFileSync(source);
  const counts = new Map<string, number>();
  let ws = openTempWorkspace();
  let n = 0;
  try {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const bytes = mutate(original, m);
        if (bytes.length === 0) return;
        const file = join(dir, `${format}-${n++}.${format}`);
        writeFileSync(file, bytes);
        const before = fingerprint(ws);
        const outcome = await importOrRefusal(ws, file);
        const key = outcome.kind === 'refused' ? `refused ${outcome.issue}` : 'imported';
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (outcome.kind === 'refused') {
          checkRefusal(outcome.issue);
          expect(fingerprint(ws)).toEqual(before);
          return;
        }
        check(ws, bytes);
        // A fresh workspace for the next case: these claims would make its rows duplicates.
        ws.cleanup();
        ws = openTempWorkspace();
      }),
      { seed: 20221015, numRuns: 100_000, interruptAfterTimeLimit: timeLimitMs },
    );
  } finally {
    ws.cleanup();
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  summary.push(
    `fuzz ${basename(source)}: ${total} cases — ${[...counts].map(([k, v]) => `${k}: ${v}`).join(', ')}`,
  );
  expect(total).toBeGreaterThan(20);
}

describe('fuzzed batch files: refused whole, or imported exactly', () => {
  it('CSV (CP949 and UTF-8) with flipped bytes and cuts', async () => {
    const cp949 = join(dir, 'source-cp949.csv');
    const utf8 = join(dir, 'source-utf8.csv');
    await writeBatchCsv(cp949, generateClaimRows({ count: ROWS, seed: 5 }), {
      encoding: 'cp949',
      headers: 'ko',
    });
    await writeBatchCsv(utf8, generateClaimRows({ count: ROWS, seed: 5 }), {
      encoding: 'utf-8',
      headers: 'ko',
    });
    const check = (ws: Workspace, bytes: Buffer) => {
      const encoding = ws.db.prepare('SELECT encoding FROM import_files').pluck().get() as string;
      expectStoredAre(ws, csvExpected(bytes, encoding));
    };
    await fuzz('csv', cp949, check, TIME_PER_FORMAT_MS / 2);
    await fuzz('csv', utf8, check, TIME_PER_FORMAT_MS / 2);
  }, 60_000);

  it('JSON with flipped bytes and cuts', async () => {
    const source = join(dir, 'source.json');
    await writeBatchJson(source, generateClaimRows({ count: ROWS, seed: 6 }), 'ko');
    await fuzz('json', source, (ws, bytes) => expectStoredAre(ws, jsonExpected(bytes)));
  }, 60_000);

  it('XLSX with flipped bytes and cuts: every part read is checked, so an import is the original', async () => {
    const source = join(dir, 'source.xlsx');
    await writeBatchXlsx(source, generateClaimRows({ count: ROWS, seed: 7 }), 'ko');
    const reference = openTempWorkspace();
    await importBatch(reference, { file: source });
    const expected = storedRows(reference);
    reference.cleanup();
    // Damage is named as damage: a part is checked whole before any of its text is used, so a
    // flipped header never reaches the column check as a "missing column".
    await fuzz(
      'xlsx',
      source,
      (ws) => expect(storedRows(ws)).toEqual(expected),
      TIME_PER_FORMAT_MS,
      (issue) => expect(issue).toMatch(/^xlsx_/),
    );
  }, 60_000);
});
