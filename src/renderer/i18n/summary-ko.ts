import type { AreaMessages } from './area';

/** Korean messages of the payout summary screen, spread into ko.ts. Keys are "summary.*". */
export const summaryKo = {
  'summary.title': '지급 요약',
  'summary.scope': '범위',
  'summary.scope.all': '작업 공간 전체',
  'summary.scope.batch': '묶음 #{id} {name}',
  'summary.empty':
    '이 범위에는 아직 신청이 없습니다. 신청 묶음을 불러오면 지급액이 여기에 집계됩니다.',

  'summary.headline.toPay': '지급 총액',
  'summary.headline.toPayHint': '구간 지원과 위원회 인정액의 합',
  'summary.headline.count': '지급 건수',
  'summary.headline.claims': '전체 신청 {count}건 중',
  'summary.headline.open': '위원회 미결',
  'summary.headline.openHint': '결정 전·보완 요청·이월',
  'summary.headline.exposure': '미결 건 청구액',
  'summary.headline.exposureHint': '지급액이 아닌 청구액 합계',

  'summary.tiers.title': '등급별 지급',
  'summary.tiers.caption': '등급별 신청 건수와 지급액: 지급 건수 × 지원액 = 지급액',
  'summary.tiers.tier': '등급',
  'summary.tiers.claims': '신청',
  'summary.tiers.paid': '지급 건수',
  'summary.tiers.support': '지원액',
  'summary.tiers.amount': '지급액',
  'summary.tiers.byDecision': '결정 금액',
  'summary.tiers.package': '보상 패키지 (금전 아님)',
  'summary.tiers.none': '지급 없음',
  'summary.tiers.setAside': '대상 아님',
  'summary.tiers.total': '합계',

  'summary.chart.title': '지급액 구성',
  'summary.chart.label':
    '지급액 구성 막대 차트: {parts}. 같은 수치가 등급별 지급 표와 위원회 미결 수치에 있습니다.',
  'summary.chart.openBar': '위원회 미결 청구액 (미지급)',
  'summary.chart.note': '회색 막대는 아직 지급액이 아닌 미결 건의 청구액입니다.',
  'summary.chart.tooltip': '{amount} · {count}건',

  'summary.committee.title': '위원회 심사',
  'summary.committee.caption': '위원회 심사 대상의 현재 결정별 건수와 금액',
  'summary.committee.state': '현재 상태',
  'summary.committee.count': '건수',
  'summary.committee.amount': '금액',
  'summary.committee.paid': '인정·일부 인정 지급액',
  'summary.committee.open': '미결 청구액',
  'summary.committee.cases': '심사 대상 {count}건',
  'summary.committee.outsideMeeting':
    '{count}건은 마지막 기록이 회의 밖에서 적은 위원 의견입니다. 의견대로 지급하지 않고 위원회 결정을 따릅니다 (위원회가 아직 정하지 않았으면 위원회 대기). 지급 명세의 「회의 밖 기록」 시트에 모두 있습니다.',
  'summary.committee.appeals':
    '이의신청 {filed}건: 인용(위원회 심사) {admitted}건, 기각 {rejected}건, 결정 전 {undecided}건',
  'summary.committee.unpriced': '미결 {count}건은 청구액이 없어 합계에 들어가지 않았습니다.',

  'summary.budget.title': '예산 보기',
  'summary.budget.intro':
    '이 작업 공간의 수치와 협의체·카카오가 발표한 기준 및 추정을 나란히 놓습니다. 발표 수치는 참고용이며 이 작업 공간의 합계에 더하지 않습니다.',
  'summary.budget.caption': '예산 보기: 작업 공간 수치와 발표 기준',
  'summary.budget.row': '구분',
  'summary.budget.workspace': '이 작업 공간',
  'summary.budget.count': '건수',
  'summary.budget.amount': '금액',
  'summary.budget.published': '발표 기준·추정 (참고)',
  'summary.budget.unitTimes': '{count}건 × {unit}',
  'summary.budget.exposure': '청구액, 미지급',
  'summary.budget.packageCount': '금전 대신 패키지',
  'summary.budget.publishedAmount': '발표 추정 약 {amount}',
  'summary.budget.toPay': '지급 확정',
  'summary.budget.openExposure': '미결 청구액',
  'summary.budget.ceiling': '최대 (미결 건을 청구액대로 모두 지급할 때)',
  'summary.budget.unpriced': '청구액 없는 {count}건 제외',

  'summary.package.title': '일반이용자 보상 패키지: 발표 추정',
  'summary.package.caption': '발표된 일반이용자 보상 패키지 추정 (이 작업 공간의 수치 아님)',
  'summary.package.label': '발표 추정 · 작업 공간 수치 아님',
  'summary.package.item': '항목',
  'summary.package.basis': '산정',
  'summary.package.amount': '추정액',
  'summary.package.about': '약 {amount}',
  'summary.package.unitTimes': '{unit} × {people}',
  'summary.package.itemsTotal': '항목 합계',
  'summary.package.headline': '발표 추정 총액',
  'summary.package.roundedNote':
    '항목을 더하면 약 {items}로, 발표된 총액 약 {headline}보다 큽니다. 둘 다 발표된 대로 보여 줍니다.',
  'summary.package.contents': '구성: {contents}',
  'summary.package.source': '출처 문장',
  'summary.package.claims':
    '이 작업 공간의 일반이용자 신청은 {count}건입니다. 패키지는 신청과 관계없이 모든 이용자에게 제공되어 금액으로 더하지 않습니다.',

  'summary.export.title': '지급 명세 내보내기',
  'summary.export.intro':
    '구간 지원과 위원회 인정 건을 한 줄에 한 건씩 저장합니다. 연락처는 들어가지 않으며, 같은 이름의 파일을 덮어쓰지 않습니다.',
  'summary.export.scope': '범위: {scope}',
  'summary.export.xlsx': 'XLSX 저장…',
  'summary.export.csvUtf8': 'CSV (UTF-8) 저장…',
  'summary.export.csvCp949': 'CSV (CP949, 한글 엑셀) 저장…',
  'summary.export.running': '지급 명세를 만드는 중… ({format})',
  'summary.export.saved': '저장했습니다: {path}',
  'summary.export.savedFigures': '{format} · {count}건 · 합계 {total}',
  'summary.export.cancelled': '저장하지 않았습니다 (대화상자를 닫았습니다).',
  'summary.export.cp949Hint':
    'CP949(한글 엑셀의 기본 인코딩)로 쓸 수 없는 글자가 있어 저장하지 않았습니다. 아래 신청의 글자를 확인하거나 CSV (UTF-8) 또는 XLSX로 저장하세요.',
  'summary.export.format.xlsx': 'XLSX',
  'summary.export.format.utf8': 'CSV UTF-8',
  'summary.export.format.cp949': 'CSV CP949',
} satisfies AreaMessages<'summary'>;
