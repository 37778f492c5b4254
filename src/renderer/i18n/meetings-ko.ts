import type { AreaMessages } from './area';

/** Korean messages of the Meetings screen, spread into ko.ts. Keys are "meetings.*". */
export const meetingsKo = {
  'meetings.title': '회의',
  'meetings.empty.title': '회의 기능은 준비 중입니다',
  'meetings.empty.body':
    '회의 일정, 위원 의견 취합, 회의록 내보내기는 다음 버전에서 제공됩니다. 지금은 심사 화면에서 신청별 결정을 기록할 수 있습니다.',

  'meetings.list.title': '회의 목록',
  'meetings.list.none': '아직 열린 회의가 없습니다.',
  'meetings.list.number': '제{number}차',
  'meetings.list.present': '출석 {present}/{members}',
  'meetings.list.items': '안건 {count}건',
  'meetings.status.open': '진행 중',
  'meetings.status.closed': '폐회',

  'meetings.open.title': '회의 열기',
  'meetings.open.number': '회차',
  'meetings.open.date': '일자',
  'meetings.open.place': '장소',
  'meetings.open.quorum': '의사정족수',
  'meetings.open.quorumCount': '최소 출석 인원',
  'meetings.open.threshold': '의결정족수',
  'meetings.open.attendance': '출석 (체크하지 않은 위원은 불참)',
  'meetings.open.noMembers':
    '명부에 위원과 위원장이 없습니다. 설정에서 협의체의 서명된 명부를 먼저 불러오세요.',
  'meetings.open.submit': '회의 열기',

  'meetings.detail.quorumMet': '의사정족수 충족',
  'meetings.detail.quorumNotMet': '의사정족수 미달',
  'meetings.detail.attendance': '출석',
  'meetings.detail.close': '회의 폐회',
  'meetings.detail.closedAt': '폐회 {at}',

  'meetings.agenda.title': '안건',
  'meetings.agenda.none': '상정된 안건이 없습니다.',
  'meetings.agenda.claimId': '접수번호',
  'meetings.agenda.proposal': '제안 결정',
  'meetings.agenda.noProposal': '제안 없음',
  'meetings.agenda.amount': '제안 금액',
  'meetings.agenda.add': '안건 상정',
  'meetings.agenda.item': '{position}. {claimId}',

  'meetings.vote.member': '위원',
  'meetings.vote.vote': '표결',
  'meetings.vote.none': '미표결',
  'meetings.vote.absent': '불참 (표결 없음)',
  'meetings.vote.history': '표결 변경 {count}회',
  'meetings.vote.tally': '찬성 {for} · 반대 {against} · 기권 {abstain} · 회피 {recused}',
  'meetings.vote.close': '표결 종료',
  'meetings.vote.live': '표결 중 (현재 결과)',

  'meetings.confirm.title': '위원장 확정',
  'meetings.confirm.chairOnly': '위원장만 확정할 수 있습니다.',
  'meetings.confirm.notCarried': '가결되지 않아 차기 회의 이월로만 확정할 수 있습니다.',
  'meetings.confirm.note': '메모',
  'meetings.confirm.amendmentReason': '변경 사유 (확정된 결정을 바꿀 때)',
  'meetings.confirm.submit': '결정 확정',
  'meetings.confirm.done': '확정됨: 결정 #{id}',

  'meetings.amend.title': '회의 밖 결정 정정',
  'meetings.amend.intro':
    '위원회가 회의에서 정한 결정을 회의 밖에서 바꾸려면 간사가 사유와 함께 제안하고 위원장이 공동 서명해야 합니다. 공동 서명 전에는 아무것도 바뀌지 않으며(지급 명세는 이전 결정대로), 정정은 다음 회의록에 보고됩니다.',
  'meetings.amend.none': '정정 제안이 없습니다.',
  'meetings.amend.open': '정정 제안…',
  'meetings.amend.propose': '정정 제안 (간사)',
  'meetings.amend.claimId': '정정할 접수번호',
  'meetings.amend.outcome': '정정 결정',
  'meetings.amend.reason': '정정 사유 (회의록에 실립니다)',
  'meetings.amend.submit': '정정 제안',
  'meetings.amend.reasonShown': '사유: {reason}',
  'meetings.amend.proposedBy': '간사 {name} 제안 {at}',
  'meetings.amend.status.pending': '위원장 공동 서명 대기 (지급 변화 없음)',
  'meetings.amend.status.cosigned': '위원장 {name} 공동 서명: 위원회 결정',
  'meetings.amend.status.overtaken': '이후 결정·제안으로 대체됨 (서명 불가)',
  'meetings.amend.cosign': '공동 서명 (위원장)',
} satisfies AreaMessages<'meetings'>;
