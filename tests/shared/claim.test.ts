import { describe, expect, it } from 'vitest';
import sample from '../../resources/sample-claims.json' with { type: 'json' };
import { isWellFormedClaimId, maskContact } from '../../src/shared/domain/claim';
import { parseBusinessRegNo } from '../../src/shared/domain/business-reg-no';

describe('contact masking', () => {
  it.each([
    ['010-2345-6789', '010-****-6789'],
    ['02-555-1234', '02-***-1234'],
    ['031 123 4567', '031 *** 4567'],
    ['01023456789', '010-****-6789'],
    ['hong.gildong@example.com', 'h***@example.com'],
    ['비공개', '***'],
    ['', '*'],
  ])('%s -> %s', (input, masked) => {
    expect(maskContact(input)).toBe(masked);
  });

  it('never shows the middle digits of a phone number', () => {
    expect(maskContact('010-9876-5432')).not.toContain('9876');
  });
});

describe('claim ids', () => {
  it('accepts the intake format and refuses a shifted column', () => {
    expect(isWellFormedClaimId('K-2022-000123')).toBe(true);
    expect(isWellFormedClaimId('2022-10-20 14:33')).toBe(false);
    expect(isWellFormedClaimId('')).toBe(false);
  });
});

describe('the built-in sample claims', () => {
  it('have well-formed ids and valid business registration numbers', () => {
    for (const claim of sample.claims) {
      expect(isWellFormedClaimId(claim.claimId)).toBe(true);
      if (claim.businessRegNo !== null)
        expect(parseBusinessRegNo(claim.businessRegNo)).toEqual({
          ok: true,
          value: claim.businessRegNo,
        });
    }
  });
});
