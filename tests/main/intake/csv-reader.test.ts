import fc from 'fast-check';
import iconv from 'iconv-lite';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { openBatchReader } from '../../../src/main/services/intake/readers';
import { CsvSplitter, type CsvRecord } from '../../../src/main/services/intake/readers/csv';
import { ServiceError } from '../../../src/main/services/errors';
import { GOOD_ROWS, KO_HEADERS, type Row } from '../../helpers/batch-files';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { openTestWorkspace, testPassphraseFile } from '../../helpers/workspace-key';

/**
 * The CSV reader against the files the issue-12 attack found: line endings of every kind,
 * files cut mid-row, stray quotes, encodings decided on part of a file. All generated here.
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function tempDir() {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  return dir;
}

/** Claim rows with unique ids and an evidence name in the last column, the cell that got glued. */
function claims(count: number, text = (i: number) => `주문 취소 ${i}`): Row[] {
  const template = GOOD_ROWS[1]!;
  return Array.from({ length: count }, (_, i) => {
    const row = [...template];
    row[0] = `K-2022-${String(200000 + i)}`;
    row[11] = text(i);
    row[12] = `lee${i}@example.com`;
    row[13] = `K-2022-${String(200000 + i)}/receipt-${i}.png`;
    return row;
  });
}

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const line = (row: readonly string[]) => row.map(cell).join(',');

/** Reads every data row of a file through the batch reader, as the import does. */
async function readAll(file: string) {
  const reader = await openBatchReader(file);
  try {
    const rows: { row: number; values: Record<string, string> }[] = [];
    for await (const chunk of reader.chunks()) for (const row of chunk) rows.push(row);
    return { reader, rows };
  } finally {
    reader.close();
  }
}

function expectIntact(rows: { values: Record<string, string> }[], source: Row[]) {
  expect(rows).toHaveLength(source.length);
  rows.forEach((row, i) => expect(KO_HEADERS.map((h) => row.values[h])).toEqual(source[i]));
}

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).code).toBe('validation_failed');
  return error as ServiceError;
}

describe('CSV records and line endings', () => {
  it('splits records at CR, LF, CRLF and any mix of them, keeping every claim intact', async () => {
    const dir = tempDir();
    const rows = claims(60, (i) =>
      i % 7 === 0 ? `첫 줄\r\n둘째 줄\r셋째 줄\n넷째 ${i}` : `내용 ${i}`,
    );
    const endings: Record<string, (i: number) => string> = {
      cr: () => '\r',
      'lf-in-crlf': (i) => (i % 5 === 2 ? '\n' : '\r\n'),
      mixed: (i) => ['\r', '\n', '\r\n'][i % 3]!,
    };
    for (const [name, ending] of Object.entries(endings)) {
      const file = join(dir, `${name}.csv`);
      const text = [KO_HEADERS, ...rows].map((row, i) => line(row) + ending(i)).join('');
      writeFileSync(file, text, 'utf8');
      const { rows: read } = await readAll(file);
      expectIntact(read, rows);
      expect(read.map((row) => row.row)).toEqual(rows.map((_, i) => i + 2));
    }
  });

  it('keeps every claim of 100 files whose records end in a random mix of CR, LF and CRLF', async () => {
    const dir = tempDir();
    const rows = claims(40, (i) => (i % 9 === 0 ? `여러 줄\r\n내용\r${i}` : `내용 ${i}`));
    const mixes = fc.sample(
      fc.array(fc.constantFrom('\r', '\n', '\r\n'), {
        minLength: rows.length + 1,
        maxLength: rows.length + 1,
      }),
      { seed: 1015, numRuns: 100 },
    );
    for (const [n, endings] of mixes.entries()) {
      const file = join(dir, `mix-${n}.csv`);
      writeFileSync(file, [KO_HEADERS, ...rows].map((row, i) => line(row) + endings[i]).join(''));
      const { rows: read } = await readAll(file);
      expectIntact(read, rows);
    }
    expect(mixes).toHaveLength(100);
  });

  it('reads a 150,000-row CR-only file without a stack overflow', async () => {
    const dir = tempDir();
    const file = join(dir, 'mac.csv');
    const rows = claims(150_000);
    writeFileSync(file, [KO_HEADERS, ...rows].map(line).join('\r') + '\r', 'utf8');
    const { rows: read } = await readAll(file);
    expect(read).toHaveLength(150_000);
    expect(KO_HEADERS.map((h) => read[149_999]!.values[h])).toEqual(rows[149_999]);
  }, 30_000);

  it('refuses a file cut mid-row whole, naming the row; the database is unchanged', async () => {
    const dir = tempDir();
    const rows = claims(5);
    const full = [KO_HEADERS, ...rows].map(line).join('\r\n') + '\r\n';
    const cut = full.slice(0, full.indexOf('lee4@example.com') + 3); // "...,lee"
    const file = join(dir, 'cut.csv');
    writeFileSync(file, cut, 'utf8');
    const error = await refusal(readAll(file));
    expect(error.message).toMatch(/row 6 \(line 6\).*ends in the middle of this row/);

    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    const refused = await refusal(importBatch(ws, { file }));
    expect(refused.message).toMatch(/row 6/);
    expect(ws.db.prepare('SELECT count(*) AS n FROM claims').get()).toEqual({ n: 0 });
    expect(ws.db.prepare('SELECT count(*) AS n FROM quarantine').get()).toEqual({ n: 0 });

    // Cut inside a quoted cell: refused, naming where the quote opened.
    const quoted = [KO_HEADERS, ...rows.slice(0, 3)].map(line).join('\n') + '\n' + line(rows[3]!);
    const inQuote = join(dir, 'cut-quote.csv');
    writeFileSync(inQuote, quoted.replace(/,주문 취소 3,/, ',"주문\n취소 3'), 'utf8');
    expect((await refusal(readAll(inQuote))).message).toMatch(
      /row 5 \(line 5\): column 12 opens a quote that does not close/,
    );

    // A last row with every cell but no final line break is a whole row.
    const noBreak = join(dir, 'no-break.csv');
    writeFileSync(noBreak, [KO_HEADERS, ...rows].map(line).join('\n'), 'utf8');
    expectIntact((await readAll(noBreak)).rows, rows);
  });

  it('keeps every record of a >512 KB file whole around stray quotes and multi-line cells', async () => {
    const dir = tempDir();
    const rows = claims(4000, (i) =>
      i % 97 === 0 ? `화면 5" 모니터\n"견적"과 다름\r\n${'긴 설명 '.repeat(40)}` : `5" 화면 ${i}`,
    );
    // Inside an unquoted cell a quote is text, as Excel reads it.
    const text = [KO_HEADERS, ...rows]
      .map((row) =>
        row.map((value, c) => (c === 11 && !value.includes('\n') ? value : cell(value))).join(','),
      )
      .join('\r\n');
    const file = join(dir, 'stray.csv');
    writeFileSync(file, text + '\r\n', 'utf8');
    expect(text.length).toBeGreaterThan(512 * 1024);
    expectIntact((await readAll(file)).rows, rows);

    // A stray quote opening a cell swallows the rest: refused where it opened, never split.
    const opened = text.replace('5" 화면 3001', '"5 화면 3001');
    const openFile = join(dir, 'stray-open.csv');
    writeFileSync(openFile, opened + '\r\n', 'utf8');
    expect((await refusal(readAll(openFile))).message).toMatch(
      /row 3003 \(line \d+\): column 12 opens a quote whose closing quote at line \d+ is followed by more text/,
    );
  });

  it('refuses a cell over the size limit, naming row and column', async () => {
    const dir = tempDir();
    const rows = claims(3);
    rows[1]![11] = 'x'.repeat(1_100_000);
    const file = join(dir, 'long.csv');
    writeFileSync(file, [KO_HEADERS, ...rows].map(line).join('\n') + '\n', 'utf8');
    expect((await refusal(readAll(file))).message).toMatch(
      /row 3 \(line 3\): cell 12 is longer than 1000000 characters/,
    );
  });

  it('ends a 50 MB file with one stray quote in a typed refusal naming where it opened', async () => {
    const dir = tempDir();
    const file = join(dir, 'big.csv');
    const fd = openSync(file, 'w');
    const rows = claims(2000);
    const block = Buffer.from(rows.map(line).join('\n') + '\n', 'utf8');
    writeSync(fd, Buffer.from(line(KO_HEADERS) + '\n', 'utf8'));
    let size = 0;
    let written = 0;
    while (size < 50 * 1024 * 1024) {
      const piece =
        written === 10
          ? Buffer.from(block.toString('utf8').replace('주문 취소 7', '"주문 취소 7'))
          : block;
      writeSync(fd, piece);
      size += piece.length;
      written += 1;
    }
    closeSync(fd);
    const started = Date.now();
    const error = await refusal(readAll(file));
    expect(error.message).toMatch(/inside a quote opened at row 20009 \(line 20009\), column 12/);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});

describe('CsvSplitter', () => {
  it('gives the same records wherever the text is cut into pieces', () => {
    const text = 'a,b,c\r\n"x ""y""\r\nz",2,3\r4,"",6\n"7\r",8,"9"\r\n\r\n"",,\n10,"1""1",12\r';
    const split = (pieces: string[]) => {
      const splitter = new CsvSplitter('t.csv');
      const out: CsvRecord[] = [];
      for (const piece of pieces) splitter.feed(piece, out);
      splitter.finish(out);
      return out;
    };
    const whole = split([text]);
    expect(whole.map((record) => record.cells)).toEqual([
      ['a', 'b', 'c'],
      ['x "y"\r\nz', '2', '3'],
      ['4', '', '6'],
      ['7\r', '8', '9'],
      [''],
      ['', '', ''],
      ['10', '1"1', '12'],
    ]);
    expect(whole.map((record) => [record.row, record.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 5],
      [5, 7],
      [6, 8],
      [7, 9],
    ]);
    for (let i = 0; i <= text.length; i++)
      for (const j of [i, i + 1, i + 2])
        expect(split([text.slice(0, i), text.slice(i, j), text.slice(j)])).toEqual(whole);
  });
});

describe('CSV encoding, decided on the whole file', () => {
  it('decodes CP949 rows that start after the first 64 KB', async () => {
    const dir = tempDir();
    // ASCII headers and rows for the first 64 KB (a mapping names the columns), then Hangul.
    const headers = KO_HEADERS.map((_, i) => `column_${i + 1}`);
    const ascii = claims(800, (i) => `late delivery ${i}`).map((row) =>
      row.map((value, c) => (c === 0 || c > 10 ? value : `v${c}`)),
    );
    const korean = claims(50, (i) => `똠방각하 햏 뷁 ${i}`);
    const rows = [...ascii, ...korean];
    const bytes = iconv.encode([headers, ...rows].map(line).join('\r\n') + '\r\n', 'cp949');
    expect(bytes.findIndex((byte) => byte >= 0x80)).toBeGreaterThan(64 * 1024);
    const file = join(dir, 'late-cp949.csv');
    writeFileSync(file, bytes);
    const { reader, rows: read } = await readAll(file);
    expect(reader.encoding).toBe('cp949');
    expect(read).toHaveLength(rows.length);
    read.forEach((row, i) => expect(headers.map((h) => row.values[h])).toEqual(rows[i]));
  });

  it('reports a UTF-8 file with one stray 0xFF byte as UTF-8 with a bad byte, not CP949', async () => {
    const dir = tempDir();
    const text = Buffer.from([KO_HEADERS, ...claims(300)].map(line).join('\n') + '\n', 'utf8');
    const at = text.indexOf(Buffer.from('K-2022-200150'));
    const bytes = Buffer.concat([text.subarray(0, at), Buffer.from([0xff]), text.subarray(at)]);
    const file = join(dir, 'ff.csv');
    writeFileSync(file, bytes);
    const error = await refusal(readAll(file));
    expect(error.message).toContain(`UTF-8 with 1 invalid byte at byte offset ${at} (line 152)`);
    expect(error.message).not.toMatch(/is CP949/);
  });

  it('refuses a file mixing UTF-8 and CP949 rows instead of reading one half wrong', async () => {
    const dir = tempDir();
    const rows = claims(40);
    const head = Buffer.from(
      [KO_HEADERS, ...rows.slice(0, 20)].map(line).join('\n') + '\n',
      'utf8',
    );
    const tail = iconv.encode(rows.slice(20).map(line).join('\n') + '\n', 'cp949');
    const file = join(dir, 'mixed.csv');
    writeFileSync(file, Buffer.concat([head, tail]));
    expect((await refusal(readAll(file))).message).toMatch(/UTF-8|CP949/);
    const cp949First = join(dir, 'mixed-2.csv');
    writeFileSync(
      cp949First,
      Buffer.concat([
        iconv.encode([KO_HEADERS, ...rows.slice(0, 38)].map(line).join('\n') + '\n', 'cp949'),
        Buffer.from(rows.slice(38).map(line).join('\n') + '\n', 'utf8'),
      ]),
    );
    expect((await refusal(readAll(cp949First))).message).toMatch(
      /neither UTF-8 .* nor CP949|UTF-8 with/,
    );
  });

  it('still reads UTF-8, UTF-8 with BOM and CP949 files whole', async () => {
    const dir = tempDir();
    const rows = claims(30, (i) => `똠 햏 뷁 ${i}`);
    const text = [KO_HEADERS, ...rows].map(line).join('\r\n') + '\r\n';
    const cases: [string, Buffer, string][] = [
      ['utf8.csv', Buffer.from(text, 'utf8'), 'utf-8'],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8-bom'],
      ['cp949.csv', iconv.encode(text, 'cp949'), 'cp949'],
    ];
    for (const [name, bytes, encoding] of cases) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const { reader, rows: read } = await readAll(file);
      expect(reader.encoding).toBe(encoding);
      expect(reader.headers).toEqual(KO_HEADERS);
      expectIntact(read, rows);
    }
  });
});

describe('review-desk import of a damaged CSV', () => {
  it('exits 1 with one line naming the place, for refusals found part-way through the file', () => {
    const dir = tempDir();
    const rows = claims(3000);
    const text = [KO_HEADERS, ...rows].map(line).join('\n') + '\n';
    const files = {
      cut: text.slice(0, text.lastIndexOf('lee2999@') + 3),
      stray: text.replace('주문 취소 2500', '"주문 취소 2500'),
    };
    for (const [name, content] of Object.entries(files)) {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, content, 'utf8');
      openTestWorkspace(join(dir, name)).db.close();
      const run = spawnSync(
        process.execPath,
        [
          join(import.meta.dirname, '../../../bin/review-desk.mjs'),
          'import',
          file,
          '--db',
          join(dir, name, 'review-desk.db'),
        ],
        {
          encoding: 'utf8',
          timeout: 60_000,
          env: { ...process.env, REVIEW_DESK_PASSPHRASE_FILE: testPassphraseFile() },
        },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).not.toMatch(/unexpected error/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(
        name === 'cut' ? /row 3001 \(line 3001\)/ : /row 2502 \(line 2502\)/,
      );
    }
  }, 60_000);
});

describe('CSV headers', () => {
  it('keeps a cell under a "__proto__" header as an ordinary value', async () => {
    const dir = tempDir();
    const file = join(dir, 'proto.csv');
    writeFileSync(file, 'a,__proto__,constructor\n1,2,3\n', 'utf8');
    const { rows } = await readAll(file);
    expect(Object.keys(rows[0]!.values)).toEqual(['a', '__proto__', 'constructor']);
    expect(rows[0]!.values['__proto__']).toBe('2');
    expect(Object.getPrototypeOf(rows[0]!.values)).toBe(Object.prototype);
  });
});
