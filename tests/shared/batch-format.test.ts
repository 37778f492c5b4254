import { describe, expect, it } from 'vitest';
import {
  BATCH_FIELDS,
  FIELD_MAX_LENGTH,
  resolveColumns,
  type RawClaimRow,
} from '../../src/shared/domain/batch-format';
import { validateClaimRow } from '../../src/shared/domain/claim-row';

const OBJECT_MEMBERS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];
const KO = ['접수번호', '접수일시', '신청인구분', '계열사', '서비스', '피해유형'];

describe('resolveColumns', () => {
  it("treats headers named after Object's members as ordinary unknown columns", () => {
    const columns = resolveColumns([...KO, ...OBJECT_MEMBERS]);
    expect(columns.unknownHeaders).toEqual(OBJECT_MEMBERS);
    expect(Object.keys(columns.mapping)).toEqual(KO);
    expect(columns.missingRequired).toEqual([]);
    expect(columns.duplicateFields).toEqual([]);
    expect(Object.getPrototypeOf(columns.mapping)).toBe(Object.prototype);
  });

  it('uses a saved mapping by its own keys only, including one named like a member', () => {
    const saved = JSON.parse('{"constructor": "affiliate", "__proto__": null}') as Record<
      string,
      'affiliate' | null
    >;
    const columns = resolveColumns(['접수번호', 'constructor', '__proto__', 'toString'], saved);
    expect(columns.mapping).toEqual({ 접수번호: 'claim_id', constructor: 'affiliate' });
    expect(columns.unknownHeaders).toEqual(['toString']);
  });
});

const validRow = (): RawClaimRow => ({
  claim_id: 'K-2022-100001',
  received_at: '2022-10-20 14:33',
  claimant_type: '소상공인',
  affiliate: '카카오',
  service: '카카오톡',
  paid: 'N',
  damage_type: '무료서비스금전',
  business_reg_no: '214-86-12341',
  business_name: '을지로 국밥집',
  industry: '음식점업',
  claimed_loss: '1,850,000원',
  description: '예약 주문을 받지 못함',
  contact: '010-2345-6789',
  evidence: '',
});

describe('field length limits', () => {
  it('has a limit for every batch field, within what a spreadsheet cell holds', () => {
    for (const field of BATCH_FIELDS) {
      expect(FIELD_MAX_LENGTH[field]).toBeGreaterThan(0);
      expect(FIELD_MAX_LENGTH[field]).toBeLessThanOrEqual(32_767);
    }
    expect(FIELD_MAX_LENGTH.affiliate).toBe(100);
    expect(FIELD_MAX_LENGTH.business_name).toBe(200);
  });

  it.each(BATCH_FIELDS.map((field) => [field]))(
    'refuses %s one character over its limit, naming the field and both lengths',
    (field) => {
      const max = FIELD_MAX_LENGTH[field];
      const row = validRow();
      row[field] = '가'.repeat(max + 1);
      const result = validateClaimRow(row);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const long = result.issues.filter((i) => i.code === 'too_long');
      expect(long).toHaveLength(1);
      expect(long[0]!.field).toBe(field);
      expect(long[0]!.en).toContain(`${max + 1}`);
      expect(long[0]!.en).toContain(`${max}`);
      expect(long[0]!.en).toContain(field);
      expect(long[0]!.ko).toContain(`${max + 1}`);
    },
  );

  it('accepts a value exactly at the limit, counting characters, not UTF-16 units', () => {
    const row = validRow();
    row.business_name = '😀'.repeat(FIELD_MAX_LENGTH.business_name);
    expect(validateClaimRow(row).ok).toBe(true);
  });

  it('refuses a 50 MB affiliate quickly', () => {
    const row = validRow();
    row.affiliate = 'x'.repeat(50 * 1024 * 1024);
    const started = performance.now();
    const result = validateClaimRow(row);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => [i.field, i.code])).toEqual([['affiliate', 'too_long']]);
  });
});
