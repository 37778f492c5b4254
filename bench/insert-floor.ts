// How fast better-sqlite3 can put 100k claim rows into our own schema when nothing else is done
// (no reading, no validation, no hashing): the floor under any import written in JavaScript.
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { migrate } from '../src/main/db/migrate';
import { claimInserter } from '../src/main/db/repositories/claims';
import { scratchDir } from './support';

export function insertFloorSeconds(rows: number): { ourSchema: number; bareTable: number } {
  const description =
    '톡채널 주문 알림이 끊겨 10월 15일 저녁부터 16일까지 예약 주문 접수를 못 했습니다.';
  const make = (i: number) => ({
    claimId: `K-2022-${String(i).padStart(7, '0')}`,
    batchId: 1,
    sourceRow: i + 2,
    receivedAt: '2022-10-20T14:33:00',
    claimantType: 'small_business' as const,
    affiliate: '카카오',
    service: '카카오톡',
    paid: false,
    damageType: 'free_monetary' as const,
    businessRegNo: `${String(100 + (i % 900))}-${String(i % 100).padStart(2, '0')}-${String(i).padStart(5, '0').slice(-5)}`,
    businessName: '을지로 국밥집',
    industry: '음식점업',
    claimedLoss: 1_850_000,
    description,
    contact: '010-0123-4567',
    tier: 'committee_review' as const,
    tierRuleVersion: 1,
    contentHash: String(i).padStart(64, '0'),
  });
  const open = () => {
    const db = new Database(join(scratchDir('floor'), 'floor.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -32768');
    return db;
  };

  const ours = open();
  migrate(ours);
  ours.exec(
    "INSERT INTO batches (id, name, source_file, content_hash, imported_at, imported_by, row_count) VALUES (1, 'b', 'b', 'h', 't', 'bench', 0)",
  );
  const insert = claimInserter(ours);
  let started = performance.now();
  ours.exec('BEGIN');
  for (let i = 0; i < rows; i++) insert(make(i));
  ours.exec('COMMIT');
  const ourSchema = (performance.now() - started) / 1000;
  ours.close();

  const bare = open();
  bare.exec('CREATE TABLE claims_raw (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r)');
  const raw = bare.prepare(
    'INSERT INTO claims_raw VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  started = performance.now();
  bare.exec('BEGIN');
  for (let i = 0; i < rows; i++)
    raw.run(...Object.values(make(i)).map((v) => (typeof v === 'boolean' ? Number(v) : v)));
  bare.exec('COMMIT');
  const bareTable = (performance.now() - started) / 1000;
  bare.close();
  return { ourSchema, bareTable };
}
