import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  descriptionFingerprint,
  MIN_FINGERPRINT_LENGTH,
  normalizeDescription,
} from '../../src/shared/domain/description-fingerprint';

const STORY = '톡채널 주문 알림이 끊겨 15일 저녁부터 예약 주문 12건을 받지 못했습니다.';

describe('descriptionFingerprint', () => {
  it('ignores spacing, punctuation, symbols, digits, letter case and width', () => {
    const variants = [
      STORY,
      '톡채널 주문알림이 끊겨, 16일 저녁부터 예약주문 30건을 받지 못했습니다!!',
      '  톡채널  주문 알림이 끊겨 １５일 저녁부터 예약 주문 ₩12건을\n받지 못했습니다…',
      '톡채널\u200b 주문 알림이 끊겨 (15일) 저녁부터 "예약 주문" 12건을 받지 못했습니다 ※',
    ];
    const fingerprints = variants.map(descriptionFingerprint);
    expect(fingerprints[0]).toBe('톡채널주문알림이끊겨일저녁부터예약주문건을받지못했습니다');
    expect(new Set(fingerprints).size).toBe(1);
    expect(descriptionFingerprint('POS 매출 기록을 첨부합니다 Kakao TALK 채널 장애')).toBe(
      descriptionFingerprint('pos 매출기록을 첨부합니다. ｋａｋａｏ talk 채널 장애'),
    );
  });

  it('composes decomposed Hangul, so a text copied through macOS still matches', () => {
    expect(descriptionFingerprint(STORY.normalize('NFD'))).toBe(descriptionFingerprint(STORY));
  });

  it('tells different words apart', () => {
    expect(descriptionFingerprint(STORY)).not.toBe(
      descriptionFingerprint(STORY.replace('저녁', '아침')),
    );
  });

  it('gives no fingerprint to texts shorter than the minimum once normalised', () => {
    expect(descriptionFingerprint('주문 취소됨 (3건, 2022-10-15)')).toBeNull();
    expect(descriptionFingerprint('')).toBeNull();
    const exactly = '가'.repeat(MIN_FINGERPRINT_LENGTH);
    expect(descriptionFingerprint(`${exactly} 123!`)).toBe(exactly);
    expect(descriptionFingerprint(exactly.slice(1))).toBeNull();
  });

  it('never keeps white space, punctuation or digits, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(normalizeDescription(text)).not.toMatch(/[\s\p{P}\p{Nd}]/u);
      }),
    );
  });
});
