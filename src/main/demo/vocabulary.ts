import type { Random } from './random';

/**
 * Word lists for synthetic claims. Every name here is made up; the mix of places, trades and
 * shop-name styles is what a Korean intake sheet looks like, so reviewers see plausible rows.
 */

export const INDUSTRY_ITEMS: Record<string, readonly string[]> = {
  음식점업: [
    '국밥집',
    '칼국수',
    '분식',
    '치킨',
    '족발',
    '곱창',
    '한식당',
    '카페',
    '베이커리카페',
    '돈가스',
    '횟집',
    '고깃집',
    '냉면',
  ],
  소매업: ['꽃집', '옷가게', '문구', '안경원', '정육점', '반찬가게', '과일가게', '소품샵'],
  서비스업: ['미용실', '네일샵', '세탁소', '사진관', '피부관리실', '수선집', '꽃배달'],
  숙박업: ['게스트하우스', '펜션', '민박', '스테이'],
  운수업: ['개인택시', '퀵서비스', '용달', '화물'],
  제조업: ['떡공방', '가죽공방', '수제청', '도자기공방', '수제과자', '캔들공방'],
  도매업: ['청과', '수산', '식자재', '건어물', '농산물'],
  교육서비스업: ['영어학원', '수학교습소', '피아노학원', '공부방', '미술학원', '태권도장'],
  정보통신업: ['디자인스튜디오', '앱개발', '영상제작'],
  여가서비스업: ['보드게임카페', '스터디카페', '필라테스', '볼링장'],
};

export const SMALL_BUSINESS_INDUSTRIES: readonly (readonly [string, number])[] = [
  ['음식점업', 30],
  ['소매업', 22],
  ['서비스업', 14],
  ['숙박업', 6],
  ['운수업', 6],
  ['제조업', 6],
  ['도매업', 6],
  ['교육서비스업', 6],
  ['정보통신업', 2],
  ['여가서비스업', 2],
];

export const ENTERPRISE_INDUSTRIES: readonly (readonly [string, number])[] = [
  ['도매업', 25],
  ['운수업', 20],
  ['제조업', 20],
  ['정보통신업', 15],
  ['소매업', 10],
  ['음식점업', 10],
];

const REGIONS = [
  '을지로',
  '성수',
  '망원',
  '연남',
  '익선동',
  '종로',
  '신촌',
  '홍대',
  '강남역',
  '잠실',
  '해운대',
  '서면',
  '광안리',
  '동성로',
  '전주',
  '수원',
  '판교',
  '분당',
  '일산',
  '송도',
  '부평',
  '둔산',
  '청주',
  '충장로',
  '춘천',
  '강릉',
  '경주',
  '여수',
  '애월',
  '서귀포',
];

const NICE_NAMES = [
  '한송이',
  '소담',
  '다온',
  '온누리',
  '봄날',
  '달빛',
  '해맑은',
  '나래',
  '새벽',
  '정담',
  '가온',
  '하람',
  '별빛',
  '늘푸른',
  '꽃길',
  '바다',
  '마루',
  '한빛',
  '참좋은',
  '여름',
];

const OWNER_STYLES = ['할매', '엄마손', '이모네', '삼촌네', '김씨네', '박가네', '최가네'];

const CORP_SUFFIXES = [
  '물류',
  '유통',
  '푸드',
  '테크',
  '모빌리티',
  '커머스',
  '시스템즈',
  '산업',
  '에프앤비',
  '네트웍스',
];

export function smallBusinessName(rnd: Random, industry: string, incorporated: boolean): string {
  if (incorporated) {
    const corp = `${rnd.pick(NICE_NAMES)}${rnd.pick(CORP_SUFFIXES)}`;
    return rnd.chance(0.7) ? `(주)${corp}` : `주식회사 ${corp}`;
  }
  const item = rnd.pick(INDUSTRY_ITEMS[industry] ?? ['상회']);
  return rnd.weighted<() => string>([
    [() => `${rnd.pick(REGIONS)} ${item}`, 40],
    [() => `${rnd.pick(REGIONS)} ${item} ${rnd.pick(NICE_NAMES)}`, 25],
    [() => `${rnd.pick(NICE_NAMES)} ${item}`, 25],
    [() => `${rnd.pick(OWNER_STYLES)} ${item}`, 10],
  ])();
}

export function enterpriseName(rnd: Random): string {
  return `(주)${rnd.pick(NICE_NAMES)}${rnd.pick(CORP_SUFFIXES)}`;
}

/** Which services a claim about each affiliate can name. */
export const AFFILIATE_SERVICES: Record<string, readonly string[]> = {
  카카오모빌리티: ['카카오T'],
  카카오페이: ['카카오페이'],
  카카오뱅크: ['카카오뱅크'],
  카카오엔터테인먼트: ['멜론', '카카오페이지', '카카오웹툰'],
};

export const OTHER_AFFILIATES: readonly (readonly [string, number])[] = [
  ['카카오모빌리티', 7],
  ['카카오페이', 6],
  ['카카오뱅크', 2],
  ['카카오엔터테인먼트', 1.9],
];

/** Kakao's own services, weighted by who is claiming: shops live on 톡채널 and 선물하기. */
export const KAKAO_SERVICES_FOR_INDIVIDUALS: readonly (readonly [string, number])[] = [
  ['카카오톡', 55],
  ['선물하기', 12],
  ['카카오맵', 10],
  ['다음메일', 10],
  ['카카오메이커스', 5],
  ['톡채널', 3],
];

export const KAKAO_SERVICES_FOR_BUSINESSES: readonly (readonly [string, number])[] = [
  ['톡채널', 30],
  ['카카오톡', 25],
  ['선물하기', 20],
  ['카카오맵', 12],
  ['카카오메이커스', 8],
  ['다음메일', 5],
];
