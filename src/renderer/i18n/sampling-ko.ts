import type { AreaMessages } from './area';

/** Korean messages of the post-payment sample panel, spread into ko.ts. Keys are "sampling.*". */
export const samplingKo = {
  'sampling.title': '사후 표본 점검',
  'sampling.none':
    '아직 뽑은 표본이 없습니다. 간사가 3만원·5만원 지원 지급분에서 표본을 뽑습니다 (review-desk sample draw).',
  'sampling.sample':
    '표본 #{id} · {drawnAt} {drawnBy} · 신뢰수준·허용오차 {rule} · 시드 "{seed}" · {scope}',
  'sampling.scope.all': '작업 공간 전체',
  'sampling.scope.batch': '묶음 #{id}',
  'sampling.caption': '등급별 표본, 확인 결과, 오류율과 추정 과지급',
  'sampling.tier': '등급',
  'sampling.population': '모집단',
  'sampling.size': '표본',
  'sampling.checked': '확인',
  'sampling.notConfirmed': '확인 안 됨',
  'sampling.errorRate': '오류율 ({confidence} 구간)',
  'sampling.projected': '추정 과지급 (구간)',
  'sampling.total': '합계',
  'sampling.unchecked': '확인 전',
  'sampling.note':
    '오류율 = 확인 안 됨 ÷ 확인, 구간은 윌슨 점수 구간입니다. 추정 과지급 = 오류율 × 모집단 × 지원액. 합계의 구간은 층별 구간의 합이며, 모든 등급에 확인 결과가 있어야 나옵니다.',
} satisfies AreaMessages<'sampling'>;
