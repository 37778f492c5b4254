/**
 * Why an amendment of the council's decision was refused, as issue codes the screens word in
 * Korean and English; main's own message says the same in English with the claim and names.
 */
export const AMENDMENT_ISSUE_MESSAGES = {
  no_council_decision: {
    ko: '위원회가 아직 이 신청을 결정하지 않았습니다. 첫 결정은 회의에서 합니다.',
    en: 'The council has not decided this claim yet: its first decision is made in a meeting.',
  },
  amendment_overtaken: {
    ko: '이후의 위원회 결정이나 새 정정 제안으로 대체된 제안이라 서명할 수 없습니다. 간사가 다시 제안합니다.',
    en: 'A later council decision or proposal overtook this one, so it cannot be signed; the secretary proposes again.',
  },
  signer_not_acting: {
    ko: '지금 열쇠를 연 사람의 열쇠로만 자기 의견서에 서명할 수 있습니다.',
    en: 'Only the key of the person acting here can sign their own recommendations.',
  },
} as const satisfies Record<string, { ko: string; en: string }>;
