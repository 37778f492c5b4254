import type { AreaMessages } from './area';

/** Korean messages of correcting a claim's data (a new version of the claim). Keys are "corrections.*". */
export const correctionsKo = {
  'corrections.title': '신청 정보 정정',
  'corrections.versionLabel': '판',
  'corrections.version': '{version}판 (접수 그대로)',
  'corrections.versionCorrected': '{version}판 (정정됨)',
  'corrections.help':
    '신청서의 값을 바로잡으면 이 신청의 새 판이 됩니다. 이전 판은 그대로 남고, 구분은 새 값으로 다시 정해집니다. 값은 신청 파일에 쓰듯 적습니다 (예: 800,000원, 소상공인).',
  'corrections.field': '항목',
  'corrections.value': '새 값',
  'corrections.reason': '정정 사유',
  'corrections.submit': '정정 (새 판)',
  'corrections.done': '{from}판 → {to}판으로 정정했습니다 ({fields}).',
  'corrections.retiered': '구분: {from} → {to}.',
} satisfies AreaMessages<'corrections'>;
