// What claims_for_stats (migration 021) costs an import: 100k ready-made claim rows inserted by
// better-sqlite3 into our whole schema, with the index and with it dropped, alternated, in the
// same run. Nothing else is done per row (no reading, validation or hashing), so the difference
// is all the index's, and this is the share of an import it can take at most.
import Database from 'better-sqlite3-multiple-ciphers';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../src/main/db/migrate';
import { claimInserter, type StoredClaim } from '../src/main/db/repositories/claims';
import { scratchDir } from './support';

const ROUNDS = 5;
const CLAIMANTS = ['individual', 'small_business', 'enterprise'] as const;
const DAMAGES = ['paid', 'free_monetary', 'non_monetary'] as const;
const TIERS = ['non_monetary', 'tier_30k', 'tier_50k', 'committee_review'] as const;

/** A varied row, so the index's entries spread over its groups as real claims do. */
function claim(i: number): StoredClaim {
  return {
    claimId: `K-2022-${String(i).padStart(7, '0')}`,
    batchId: 1,
    sourceRow: i + 2,
    receivedAt: '2022-10-20T14:33:00',
    claimantType: CLAIMANTS[i % 3]!,
    affiliate: '카카오',
    service: '카카오톡',
    paid: false,
    damageType: DAMAGES[(i >> 2) % 3]!,
    businessRegNo: `${String(100 + (i % 900))}-${String(i % 100).padStart(2, '0')}-${String(i).padStart(5, '0').slice(-5)}`,
    businessName: '을지로 국밥집',
    industry: '음식점업',
    claimedLoss: 1_850_000,
    description:
      '톡채널 주문 알림이 끊겨 10월 15일 저녁부터 16일까지 예약 주문 접수를 못 했습니다.',
    contact: '010-0123-4567',
    tier: TIERS[(i * 7) % 4]!,
    tierRuleVersion: 1,
    contentHash: String(i).padStart(64, '0'),
  };
}

function insertSeconds(rows: number, withIndex: boolean): number {
  const dir = scratchDir('stats-index');
  const db = new Database(join(dir, 'claims.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -32768');
    migrate(db);
    if (!withIndex) db.exec('DROP INDEX claims_for_stats');
    db.exec(
      "INSERT INTO batches (id, name, source_file, content_hash, imported_at, imported_by, row_count) VALUES (1, 'b', 'b', 'h', 't', 'bench', 0)",
    );
    const insert = claimInserter(db);
    const started = performance.now();
    db.exec('BEGIN');
    for (let i = 0; i < rows; i++) insert(claim(i));
    db.exec('COMMIT');
    return (performance.now() - started) / 1000;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[samples.length >> 1]!;

/** Median seconds to insert `rows` claims with and without claims_for_stats. */
export function indexImportCost(rows: number): { withIndex: number; without: number } {
  const withIndex: number[] = [];
  const without: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    without.push(insertSeconds(rows, false));
    withIndex.push(insertSeconds(rows, true));
  }
  return { withIndex: median(withIndex), without: median(without) };
}
