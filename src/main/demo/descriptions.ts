import type { Random } from './random';

/**
 * Free-text 피해내용 in the voice of real submissions: shops describe lost orders, users describe
 * lost subscriptions, and most people were not claiming money at all (docs/domain.md: 67.8% were
 * inquiries, opinions, protests or encouragement).
 */

const DURATIONS = [
  '하루 넘게',
  '이틀 가까이',
  '10시간 넘게',
  '반나절 동안',
  '주말 내내',
  '15일 오후부터 16일 밤까지',
  '15일 저녁부터 17일 아침까지',
];

const BUSINESS_MONEY: Record<string, readonly string[]> = {
  톡채널: [
    '톡채널 주문 알림이 끊겨 {d} 예약 주문 {n}건을 받지 못했습니다. 평소 주말 매출과 비교한 자료를 첨부합니다.',
    '톡채널 상담이 먹통이 되어 단골 손님 예약 문의에 답하지 못했고 {d} 매출이 크게 줄었습니다.',
  ],
  카카오톡: [
    '카카오톡으로 주문을 받는데 {d} 메시지가 오지 않아 단체 주문 {n}건이 취소되었습니다.',
    '거래처와 카카오톡으로만 발주를 주고받아 {d} 납품이 멈췄습니다.',
  ],
  선물하기: [
    '선물하기 주문 연동이 멈춰 기념일 예약 {n}건이 취소되었습니다.',
    '선물하기 교환권 사용 처리가 안 되어 {d} 매장에서 손님 {n}명을 돌려보냈습니다.',
  ],
  카카오맵: ['카카오맵에서 가게가 검색되지 않아 {d} 방문 손님이 평소의 절반 이하로 줄었습니다.'],
  카카오메이커스: ['카카오메이커스 공동주문 마감일에 접속이 안 되어 주문 {n}건이 누락되었습니다.'],
  다음메일: ['다음메일로 받던 거래처 발주서를 {d} 확인하지 못해 납품 기한을 놓쳤습니다.'],
  카카오T: ['카카오T 호출이 들어오지 않아 {d} 영업을 거의 하지 못했습니다.'],
  카카오페이: ['카카오페이 결제가 되지 않아 손님 {n}명이 결제를 포기하고 돌아갔습니다.'],
  카카오뱅크: ['카카오뱅크 이체가 지연되어 거래처 대금 지급이 늦어졌고 지연 위약금을 물었습니다.'],
};

const INDIVIDUAL_MONEY: Record<string, readonly string[]> = {
  카카오톡: [
    '이모티콘 플러스를 구독 중인데 {d} 이용하지 못했습니다. 이용료 환불을 요청합니다.',
    '톡서랍 플러스 백업이 안 되어 유료 이용 기간을 손해 봤습니다.',
  ],
  선물하기: ['선물하기로 받은 교환권 유효기간이 장애 기간에 끝나 사용하지 못했습니다.'],
  카카오T: ['카카오T 호출이 안 되어 길에서 택시를 잡느라 추가 요금이 나왔습니다.'],
  카카오페이: ['카카오페이 결제가 두 번 출금되었는데 {d} 확인이 되지 않았습니다.'],
  카카오메이커스: ['결제 후 주문 내역이 사라져 다시 주문하느라 추가 비용이 들었습니다.'],
  카카오맵: ['카카오맵 길안내가 멈춰 예약한 주차장을 찾지 못하고 다른 유료 주차장을 이용했습니다.'],
  다음메일: ['다음메일 인증 메일을 받지 못해 항공권 예약 변경 수수료를 냈습니다.'],
  톡채널: ['톡채널로 잡은 미용실 예약이 확인되지 않아 예약금을 돌려받지 못했습니다.'],
  카카오뱅크: ['이체가 지연되어 카드 대금 연체 이자가 생겼습니다.'],
};

const PAID_PASS =
  '유료 이용권 기간 중 {d} {s} 이용이 막혔습니다. 남은 기간 연장이나 환불을 바랍니다.';

const NON_MONETARY = [
  '{s} 장애 원인과 재발 방지 대책을 알려 주세요.',
  '{s} 이용이 {d} 안 되어 너무 불편했습니다.',
  '데이터는 백업되어 있었다는데 왜 서비스 복구는 이렇게 오래 걸렸는지 설명이 필요합니다.',
  '가족과 연락이 안 되어 많이 걱정했습니다. 다시는 이런 일이 없었으면 합니다.',
  '복구하느라 고생 많으셨습니다. 힘내세요.',
  '보상 기준이 어떻게 되는지 문의드립니다.',
  '대화 내용이 사라진 것은 아닌지 확인 부탁드립니다.',
  '장애 공지가 늦어 혼란스러웠습니다. 공지를 더 빨리 해 주세요.',
  '사과만으로는 부족합니다. 책임 있는 조치를 요구합니다.',
  '{s} 로그인이 지금도 가끔 안 됩니다. 확인 부탁드립니다.',
  '업무 연락을 전부 카카오톡으로 하는데 대체 수단이 없어 곤란했습니다.',
  '무료 서비스라도 국민 대부분이 쓰는 만큼 책임감을 가져 주셨으면 합니다.',
];

function fill(rnd: Random, template: string, service: string): string {
  return template
    .replace('{s}', service)
    .replace('{d}', rnd.pick(DURATIONS))
    .replace('{n}', String(rnd.int(2, 40)));
}

export function describeClaim(
  rnd: Random,
  service: string,
  monetary: boolean,
  business: boolean,
): string {
  if (!monetary) return fill(rnd, rnd.pick(NON_MONETARY), service);
  const table = business ? BUSINESS_MONEY : INDIVIDUAL_MONEY;
  const templates = table[service] ?? [PAID_PASS];
  return fill(rnd, rnd.pick(templates), service);
}
