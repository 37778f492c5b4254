import type { QuorumRule, ThresholdRule, VoteValue } from '../../../shared/domain/committee';
import type { Outcome, ReasonCode } from '../../../shared/domain/decision';
import type { PersonRole } from '../../../shared/ipc/review-schemas';

/*
 * The worked example's story, as data: who sits on the council, what each member recommends,
 * and how meeting no. 1 goes. Everything here is fixed so two runs tell the same story; only
 * the keys differ (they are random by nature), and with them the hashes that name the keys.
 * Claims are review-tier claims of resources/demo/demo-batch.csv (all small businesses).
 */

export const COUNCIL = '1015 피해지원 협의체';

export interface DemoPerson {
  name: string;
  role: PersonRole;
  /** Demo only: published beside the key file, so it protects nothing. */
  passphrase: string;
}

const person = (name: string, role: PersonRole, word: string): DemoPerson => ({
  name,
  role,
  passphrase: `demo-${word}-1015`,
});

export const CHAIR = person('이도윤', 'chair', 'doyun');
export const SECRETARY = person('박서연', 'secretary', 'seoyeon');
/** The four members besides the chair: with the chair, the council's five voting members. */
export const MEMBERS = [
  person('김민준', 'member', 'minjun'),
  person('최하은', 'member', 'haeun'),
  person('정우진', 'member', 'woojin'),
  person('한지민', 'member', 'jimin'),
] as const;
/** Everyone with a key and on the roster: the committee and the secretary who co-signs. */
export const ROSTER_PEOPLE: readonly DemoPerson[] = [CHAIR, ...MEMBERS, SECRETARY];

export const ROSTER_VERSION = 1;
/** The day the council was formed (docs/domain.md). */
export const ROSTER_VALID_FROM = '2022-11-14';

/**
 * Story time, Korean time as UTC instants: keys on the day the council formed, the batch a
 * fortnight later, members' reviews the week before the meeting, the meeting on 20 December,
 * its minutes drafted and approved that afternoon, before the decision file is signed.
 */
export const STORY_TIMES = {
  keys: '2022-11-14T01:00:00.000Z',
  batchAtSecretary: '2022-12-01T00:30:00.000Z',
  memberReview: (index: number) => `2022-12-1${2 + index}T01:00:00.000Z`,
  recommendationsAtSecretary: '2022-12-19T00:30:00.000Z',
  meeting: '2022-12-20T05:00:00.000Z',
  meetingClosed: '2022-12-20T06:40:00.000Z',
  minutes: '2022-12-20T07:00:00.000Z',
  decisionFile: '2022-12-20T08:00:00.000Z',
} as const;

export interface DemoRecommendation {
  claimId: string;
  outcome: Outcome;
  amount: number | null;
  reasonCodes: ReasonCode[];
  note: string;
}

/** The claims in play, with what the batch says about them (checked when the demo runs). */
export const CLAIMS = {
  sideDishShop: 'K-2022-000122', // 신촌 반찬가게, 730,000원: everyone agrees
  soupRestaurant: 'K-2022-000032', // 애월 국밥집 별빛, 1,110,000원: members conflict
  chickenShop: 'K-2022-000085', // 일산 치킨, 890,000원: conflict, a recusal, voted down
  giftShop: 'K-2022-000282', // 한빛 소품샵, 614,000원: one member's view only
} as const;

/** How the README names the claims' businesses, Korean and English. */
export const CLAIM_NAMES: Record<string, { ko: string; en: string }> = {
  [CLAIMS.sideDishShop]: { ko: '신촌 반찬가게', en: 'a side-dish shop' },
  [CLAIMS.soupRestaurant]: { ko: '애월 국밥집 별빛', en: 'a soup restaurant' },
  [CLAIMS.chickenShop]: { ko: '일산 치킨', en: 'a chicken shop' },
  [CLAIMS.giftShop]: { ko: '한빛 소품샵', en: 'a gift shop' },
};

/** Why the recusing member stands aside, for the README. */
export const RECUSAL_REASON = { ko: '신청인과 아는 사이', en: 'she knows the claimant' };

const approve = (claimId: string, amount: number, note: string): DemoRecommendation => ({
  claimId,
  outcome: 'approve',
  amount,
  reasonCodes: [],
  note,
});

/**
 * Three members review on their own laptops. 최하은 gives no view on the chicken shop: she
 * knows its owner, and recuses on it at the meeting.
 */
export const RECOMMENDATIONS: Record<string, DemoRecommendation[]> = {
  김민준: [
    approve(CLAIMS.sideDishShop, 730_000, 'POS 기록과 영수증이 신청 금액과 일치함'),
    {
      claimId: CLAIMS.soupRestaurant,
      outcome: 'partial',
      amount: 800_000,
      reasonCodes: ['insufficient_proof'],
      note: '10월 15~16일 POS 감소분만 입증됨, 나머지는 증빙 부족',
    },
    {
      claimId: CLAIMS.chickenShop,
      outcome: 'reject',
      amount: null,
      reasonCodes: ['not_caused_by_outage'],
      note: '매출 감소가 장애 이전(10월 초)부터 이어짐',
    },
  ],
  최하은: [
    approve(CLAIMS.sideDishShop, 730_000, '증빙 충분'),
    approve(CLAIMS.soupRestaurant, 1_110_000, '주문 화면 캡처와 POS 기록으로 전액 입증됨'),
  ],
  정우진: [
    approve(CLAIMS.sideDishShop, 730_000, '영수증·POS 일치'),
    {
      claimId: CLAIMS.soupRestaurant,
      outcome: 'partial',
      amount: 800_000,
      reasonCodes: ['insufficient_proof'],
      note: '장애 기간 외 매출 감소분은 인정하기 어려움',
    },
    {
      claimId: CLAIMS.chickenShop,
      outcome: 'request_evidence',
      amount: null,
      reasonCodes: [],
      note: '10월 매출 장부 원본을 받아 장애 전후를 비교할 필요',
    },
    approve(CLAIMS.giftShop, 614_000, '취소 주문 내역으로 입증됨'),
  ],
};

export interface AgendaItemScript {
  claimId: string;
  proposal: { outcome: Outcome; amount: number | null; reasonCodes: ReasonCode[] };
  votes: Record<string, VoteValue>;
  /** What the chair confirms once the vote is closed: the motion if carried, else defer. */
  confirmed: { outcome: Outcome; amount: number | null; reasonCodes: ReasonCode[]; note: string };
}

export interface MeetingScript {
  number: number;
  heldOn: string;
  place: string;
  quorum: QuorumRule;
  threshold: ThresholdRule;
  absent: string[];
  agenda: AgendaItemScript[];
}

/**
 * Meeting no. 1: four of five present (한지민 absent, quorum met), three claims. The side-dish
 * shop carries 4:0; the soup restaurant's partial approval carries 3:1; on the chicken shop
 * 최하은 recuses and the motion to reject fails 1:2, so the chair can only defer it.
 */
export const MEETING: MeetingScript = {
  number: 1,
  heldOn: '2022-12-20',
  place: '판교 협의체 회의실',
  quorum: { kind: 'majority_of_members' },
  threshold: { kind: 'majority_of_votes_cast' },
  absent: ['한지민'],
  agenda: [
    {
      claimId: CLAIMS.sideDishShop,
      proposal: { outcome: 'approve', amount: 730_000, reasonCodes: [] },
      votes: { 이도윤: 'for', 김민준: 'for', 최하은: 'for', 정우진: 'for' },
      confirmed: {
        outcome: 'approve',
        amount: 730_000,
        reasonCodes: [],
        note: '위원 의견 일치, 원안 의결',
      },
    },
    {
      claimId: CLAIMS.soupRestaurant,
      proposal: { outcome: 'partial', amount: 800_000, reasonCodes: ['insufficient_proof'] },
      votes: { 이도윤: 'for', 김민준: 'for', 최하은: 'against', 정우진: 'for' },
      confirmed: {
        outcome: 'partial',
        amount: 800_000,
        reasonCodes: ['insufficient_proof'],
        note: '10월 15~16일 POS 감소분 800,000원 인정, 나머지는 증빙 부족 (3:1 가결)',
      },
    },
    {
      claimId: CLAIMS.chickenShop,
      proposal: { outcome: 'reject', amount: null, reasonCodes: ['not_caused_by_outage'] },
      votes: { 이도윤: 'against', 김민준: 'for', 최하은: 'recused', 정우진: 'against' },
      confirmed: {
        outcome: 'defer',
        amount: null,
        reasonCodes: [],
        note: '기각안 부결 (1:2, 최하은 위원 제척): 매출 장부 원본을 받아 다음 회의에 다시 올림',
      },
    },
  ],
};
