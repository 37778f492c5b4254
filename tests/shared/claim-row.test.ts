import { describe, expect, it } from 'vitest';
import { BATCH_FIELDS, type RawClaimRow } from '../../src/shared/domain/batch-format';
import { validateClaimRow } from '../../src/shared/domain/claim-row';

const row = (over: Partial<RawClaimRow> = {}): RawClaimRow => ({
  ...(Object.fromEntries(BATCH_FIELDS.map((f) => [f, ''])) as RawClaimRow),
  claim_id: 'K-2022-000001',
  received_at: '２０２２-１０-２０ １４:３３',
  claimant_type: '소상공인',
  affiliate: '카카오',
  service: '카카오톡',
  damage_type: '무료서비스금전',
  business_reg_no: '２１４-８６-１２３４１',
  claimed_loss: '１２３만원',
  ...over,
});

describe('a batch row', () => {
  it('reads full-width digits as Korean spreadsheets sometimes hold them', () => {
    const result = validateClaimRow(row());
    expect(result.ok && result.claim).toMatchObject({
      receivedAt: '2022-10-20T14:33:00',
      businessRegNo: '214-86-12341',
      claimedLoss: 1_230_000,
    });
  });

  it('accepts the English keys and spacing variants of the enumerations', () => {
    const result = validateClaimRow(
      row({ claimant_type: 'Small Business', damage_type: 'free_monetary', paid: 'y' }),
    );
    expect(
      result.ok && [result.claim.claimantType, result.claim.damageType, result.claim.paid],
    ).toEqual(['small_business', 'free_monetary', true]);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'never takes "%s" for a known value',
    (word) => {
      const result = validateClaimRow(row({ claimant_type: word, damage_type: word, paid: word }));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.issues.map((i) => i.code)).toEqual(
          expect.arrayContaining(['unknown_claimant_type', 'unknown_damage_type', 'bad_paid_flag']),
        );
      }
    },
  );
});
