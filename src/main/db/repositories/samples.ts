import type { ReasonCode } from '../../../shared/domain/decision';
import type {
  SampledTier,
  SampleRecord,
  StratumCounts,
  Verdict,
} from '../../../shared/domain/sampling';
import type { Db } from '../connection';

/** Post-payment samples (migration 019): draws, their strata and claims, and the checks. */

export type SampleInput = Omit<SampleRecord, 'id'>;

export interface StratumInput {
  sampleId: number;
  tier: SampledTier;
  population: number;
  size: number;
  bracketAmount: number;
}

export interface SampledClaimInput {
  sampleId: number;
  claimId: string;
  tier: SampledTier;
  position: number;
}

export interface SampleCheckInput {
  sampleId: number;
  claimId: string;
  verdict: Verdict;
  reasonCodes: ReasonCode[];
  note: string;
  checkedBy: string;
  checkedAt: string;
}

export interface SampleCheck extends SampleCheckInput {
  id: number;
}

/** A sampled claim with its current check (the latest), if any. */
export interface SampledClaim {
  claimId: string;
  tier: SampledTier;
  position: number;
  check: SampleCheck | null;
}

const SAMPLE_COLUMNS = `id, drawn_at AS drawnAt, drawn_by AS drawnBy, seed, confidence, margin,
  method, batch_id AS batchId`;
const CHECK_COLUMNS = `id, sample_id AS sampleId, claim_id AS claimId, verdict,
  reason_codes AS reasonCodes, note, checked_by AS checkedBy, checked_at AS checkedAt`;

type CheckRow = Omit<SampleCheck, 'reasonCodes'> & { reasonCodes: string };

function decode(row: CheckRow): SampleCheck {
  return { ...row, reasonCodes: JSON.parse(row.reasonCodes) as ReasonCode[] };
}

/** The bracket claims a sample is drawn from: the workspace's, or one batch's, by current tier. */
export function listBracketClaims(
  db: Db,
  batchId: number | null,
): { claimId: string; tier: SampledTier }[] {
  const scope = batchId === null ? '' : 'AND batch_id = @batchId';
  return db
    .prepare(
      `SELECT claim_id AS claimId, tier FROM claims
       WHERE tier IN ('tier_30k', 'tier_50k') ${scope}`,
    )
    .all(batchId === null ? {} : { batchId }) as { claimId: string; tier: SampledTier }[];
}

export function insertSample(db: Db, sample: SampleInput): number {
  const result = db
    .prepare(
      `INSERT INTO samples (drawn_at, drawn_by, seed, confidence, margin, method, batch_id)
       VALUES (@drawnAt, @drawnBy, @seed, @confidence, @margin, @method, @batchId)`,
    )
    .run(sample);
  return Number(result.lastInsertRowid);
}

export function insertStratum(db: Db, stratum: StratumInput): void {
  db.prepare(
    `INSERT INTO sample_strata (sample_id, tier, population, size, bracket_amount)
     VALUES (@sampleId, @tier, @population, @size, @bracketAmount)`,
  ).run(stratum);
}

/** Prepared once, run per drawn claim. */
export function sampledClaimInserter(db: Db): (claim: SampledClaimInput) => void {
  const statement = db.prepare(
    `INSERT INTO sample_claims (sample_id, claim_id, tier, position)
     VALUES (@sampleId, @claimId, @tier, @position)`,
  );
  return (claim) => void statement.run(claim);
}

export function insertSampleCheck(db: Db, check: SampleCheckInput): number {
  const result = db
    .prepare(
      `INSERT INTO sample_checks (sample_id, claim_id, verdict, reason_codes, note, checked_by,
         checked_at)
       VALUES (@sampleId, @claimId, @verdict, @reasonCodes, @note, @checkedBy, @checkedAt)`,
    )
    .run({ ...check, reasonCodes: JSON.stringify(check.reasonCodes) });
  return Number(result.lastInsertRowid);
}

export function findSample(db: Db, id: number): SampleRecord | undefined {
  return db.prepare(`SELECT ${SAMPLE_COLUMNS} FROM samples WHERE id = ?`).get(id) as
    SampleRecord | undefined;
}

export function latestSample(db: Db): SampleRecord | undefined {
  return db.prepare(`SELECT ${SAMPLE_COLUMNS} FROM samples ORDER BY id DESC LIMIT 1`).get() as
    SampleRecord | undefined;
}

export function findSampleCheck(db: Db, id: number): SampleCheck | undefined {
  const row = db.prepare(`SELECT ${CHECK_COLUMNS} FROM sample_checks WHERE id = ?`).get(id) as
    CheckRow | undefined;
  return row && decode(row);
}

/** The stratum a claim was drawn in, or undefined when the sample did not draw it. */
export function sampledTierOf(db: Db, sampleId: number, claimId: string): SampledTier | undefined {
  return db
    .prepare('SELECT tier FROM sample_claims WHERE sample_id = ? AND claim_id = ?')
    .pluck()
    .get(sampleId, claimId) as SampledTier | undefined;
}

/** Per stratum: its figures at the draw, and how many claims are checked and not confirmed. */
export function stratumCounts(db: Db, sampleId: number): StratumCounts[] {
  return db
    .prepare(
      `SELECT s.tier, s.population, s.size, s.bracket_amount AS bracketAmount,
         count(c.id) AS checked, coalesce(sum(c.verdict = 'not_confirmed'), 0) AS notConfirmed
       FROM sample_strata s
       LEFT JOIN sample_claims sc ON sc.sample_id = s.sample_id AND sc.tier = s.tier
       LEFT JOIN sample_current_checks c
         ON c.sample_id = sc.sample_id AND c.claim_id = sc.claim_id
       WHERE s.sample_id = ?
       GROUP BY s.tier`,
    )
    .all(sampleId) as StratumCounts[];
}

/** The sample's claims by stratum and rank, each with its current check. */
export function listSampledClaims(db: Db, sampleId: number): SampledClaim[] {
  const rows = db
    .prepare(
      `SELECT sc.claim_id AS claimId, sc.tier, sc.position, c.id, c.verdict,
         c.reason_codes AS reasonCodes, c.note, c.checked_by AS checkedBy,
         c.checked_at AS checkedAt
       FROM sample_claims sc
       LEFT JOIN sample_current_checks c
         ON c.sample_id = sc.sample_id AND c.claim_id = sc.claim_id
       WHERE sc.sample_id = ?
       ORDER BY sc.tier, sc.position`,
    )
    .all(sampleId) as (Omit<SampledClaim, 'check'> & Omit<CheckRow, 'sampleId' | 'claimId'>)[];
  return rows.map(({ claimId, tier, position, id, ...check }) => ({
    claimId,
    tier,
    position,
    check: id === null ? null : decode({ ...check, id, sampleId, claimId }),
  }));
}
