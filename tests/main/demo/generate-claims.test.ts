import { describe, expect, it } from 'vitest';
import { resolveColumns, toRawRow } from '../../../src/shared/domain/batch-format';
import { parseBusinessRegNo } from '../../../src/shared/domain/business-reg-no';
import { validateClaimRow } from '../../../src/shared/domain/claim-row';
import type { Claim } from '../../../src/shared/domain/claim';
import { parseKrw } from '../../../src/shared/domain/money';
import { classifyTier } from '../../../src/shared/domain/tier';
import { generateClaimRows, koreanUnits, type ClaimRow } from '../../../src/main/demo';

const SAMPLE = 20_000;
const rows: ClaimRow[] = [...generateClaimRows({ count: SAMPLE, seed: 7 })];
const claims: Claim[] = rows.map((row) => {
  const result = validateClaimRow(row);
  if (!result.ok) throw new Error(`${row.claim_id}: ${JSON.stringify(result.issues)}`);
  return result.claim;
});

const share = (predicate: (claim: Claim) => boolean, of: Claim[] = claims): number =>
  of.filter(predicate).length / of.length;

describe('generateClaimRows', () => {
  it('gives the same rows for the same seed, and different rows for another', () => {
    const again = [...generateClaimRows({ count: 500, seed: 7 })];
    expect(again).toEqual(rows.slice(0, 500));
    const other = [...generateClaimRows({ count: 500, seed: 8 })];
    expect(other).not.toEqual(again);
  });

  it('numbers claims sequentially from startId', () => {
    const ids = [...generateClaimRows({ count: 3, seed: 1, startId: 123 })].map((r) => r.claim_id);
    expect(ids).toEqual(['K-2022-000123', 'K-2022-000124', 'K-2022-000125']);
    expect(new Set(rows.map((r) => r.claim_id)).size).toBe(SAMPLE);
  });

  it('is lazy: asking for a huge batch costs nothing until rows are read', () => {
    const iterator = generateClaimRows({ count: 1_000_000_000, seed: 1 })[Symbol.iterator]();
    expect(iterator.next().value?.claim_id).toBe('K-2022-000001');
  });

  it('writes rows the importer accepts, keyed by every batch field', () => {
    const resolved = resolveColumns(Object.keys(rows[0] ?? {}));
    expect(resolved.unknownHeaders).toEqual([]);
    expect(resolved.missingRequired).toEqual([]);
    expect(toRawRow(rows[0] ?? {}, resolved.mapping)).toEqual(rows[0]);
    expect(claims).toHaveLength(SAMPLE);
  });

  it('matches the shares of docs/domain.md within two percentage points', () => {
    expect(Math.abs(share((c) => c.affiliate === '카카오') - 0.831)).toBeLessThan(0.02);
    expect(Math.abs(share((c) => c.claimantType === 'individual') - 0.798)).toBeLessThan(0.02);
    expect(Math.abs(share((c) => c.claimantType === 'small_business') - 0.2)).toBeLessThan(0.02);
    expect(share((c) => c.claimantType === 'enterprise')).toBeGreaterThan(0.0005);
    expect(share((c) => c.claimantType === 'enterprise')).toBeLessThan(0.005);
    expect(Math.abs(share((c) => c.damageType === 'paid') - 0.171)).toBeLessThan(0.02);
    expect(Math.abs(share((c) => c.damageType === 'free_monetary') - 0.151)).toBeLessThan(0.02);
    expect(Math.abs(share((c) => c.damageType === 'non_monetary') - 0.678)).toBeLessThan(0.02);
  });

  it('makes small businesses mostly monetary, split 45/25/30 across the brackets', () => {
    const small = claims.filter((c) => c.claimantType === 'small_business');
    expect(Math.abs(share((c) => c.damageType !== 'non_monetary', small) - 0.85)).toBeLessThan(
      0.03,
    );
    const money = small.filter((c) => c.damageType !== 'non_monetary');
    const losses = money.map((c) => c.claimedLoss ?? -1);
    const inBracket = (lo: number, hi: number) =>
      losses.filter((l) => l >= lo && l <= hi).length / losses.length;
    expect(Math.abs(inBracket(0, 300_000) - 0.45)).toBeLessThan(0.03);
    expect(Math.abs(inBracket(300_001, 500_000) - 0.25)).toBeLessThan(0.03);
    expect(Math.abs(inBracket(500_001, Number.MAX_SAFE_INTEGER) - 0.3)).toBeLessThan(0.03);
    const tiers = new Set(money.filter((c) => c.affiliate === '카카오').map(classifyTier));
    expect([...tiers].sort()).toEqual(['committee_review', 'tier_30k', 'tier_50k']);
  });

  it('includes the exact bracket boundaries now and then', () => {
    const losses = new Set(claims.map((c) => c.claimedLoss));
    for (const edge of [300_000, 300_001, 500_000, 500_001]) expect(losses.has(edge)).toBe(true);
  });

  it('gives every business a registration number with a valid check digit, individuals none', () => {
    for (const row of rows) {
      if (row.claimant_type === '일반이용자') {
        expect(row.business_reg_no).toBe('');
        expect(row.business_name).toBe('');
        continue;
      }
      expect(row.business_reg_no).toMatch(/^\d{3}-\d{2}-\d{5}$/);
      expect(parseBusinessRegNo(row.business_reg_no)).toEqual({
        ok: true,
        value: row.business_reg_no,
      });
      expect(row.business_name).not.toBe('');
      expect(row.industry).not.toBe('');
    }
  });

  it('keeps paid, damage type and amount consistent', () => {
    for (const row of rows) {
      expect(row.paid).toBe(row.damage_type === '유료서비스' ? 'Y' : 'N');
      if (row.damage_type === '비금전') expect(row.claimed_loss).toBe('');
      else expect(parseKrw(row.claimed_loss).ok).toBe(true);
    }
  });

  it('uses every spelling of dates and amounts, all within the claim window', () => {
    const dates = rows.map((r) => r.received_at);
    expect(dates.some((d) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{4}\. \d{1,2}\. \d{1,2}\.$/.test(d))).toBe(true);
    expect(dates.some((d) => d.endsWith('+09:00'))).toBe(true);
    for (const claim of claims) {
      expect(
        claim.receivedAt >= '2022-10-15T15:19:00' || claim.receivedAt === '2022-10-15T00:00:00',
      ).toBe(true);
      expect(claim.receivedAt < '2022-12-01').toBe(true);
    }
    const amounts = rows.map((r) => r.claimed_loss).filter((a) => a !== '');
    for (const pattern of [/^\d{1,3}(,\d{3})+$/, /,\d{3}원$/, /만원$/, /억/, /^₩/, /^\d+$/]) {
      expect(amounts.some((a) => pattern.test(a))).toBe(true);
    }
  });

  it('spells round amounts in Korean units the money parser reads back', () => {
    for (const value of [10_000, 1_230_000, 120_000_000, 305_000_000, 1_000_000_000, 25_000_000]) {
      expect(parseKrw(koreanUnits(value))).toEqual({ ok: true, value });
    }
    expect(koreanUnits(120_000_000)).toBe('1억 2천만원');
    expect(koreanUnits(1_230_000)).toBe('123만원');
  });

  it('lists evidence only for business money claims above 500,000, named per claim', () => {
    let withEvidence = 0;
    claims.forEach((claim, i) => {
      const row = rows[i]!;
      const expected = claim.claimantType !== 'individual' && (claim.claimedLoss ?? 0) > 500_000;
      expect(claim.evidence.length > 0).toBe(expected);
      if (!expected) return;
      withEvidence += 1;
      expect(claim.evidence.length).toBeGreaterThanOrEqual(1);
      expect(claim.evidence.length).toBeLessThanOrEqual(4);
      expect(new Set(claim.evidence).size).toBe(claim.evidence.length);
      for (const name of claim.evidence) {
        expect(name.startsWith(`${row.claim_id}/`)).toBe(true);
        expect(name).toMatch(/\.(png|jpg|pdf|csv|xlsx|txt)$/);
      }
    });
    expect(withEvidence).toBeGreaterThan(500);
  });

  it('keeps contacts synthetic: unassignable phone numbers or reserved mail domains', () => {
    for (const row of rows) {
      expect(row.contact).toMatch(/^(0\d{1,2}-0\d{2,3}-\d{4}|[a-z]+\d{4}@example\.(com|net|org))$/);
    }
  });
});
