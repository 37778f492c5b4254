import { VOTE_LABELS, VOTE_RESULT_LABELS } from '../../../shared/domain/committee';
import { OUTCOME_LABELS, REASON_LABELS } from '../../../shared/domain/decision';
import { formatKrw } from '../../../shared/domain/money';
import type { MeetingDetail } from '../../../shared/ipc/meeting-schemas';
import type { MinutesVersionDto } from '../../../shared/ipc/minutes-schemas';
import type { Agreement } from '../../services/recommendations';
import type { MemberRecommendationFile } from './members';
import { CHAIR, CLAIM_NAMES, MEETING, MEMBERS, RECUSAL_REASON, SECRETARY } from './script';

/*
 * The README's story, told from what the services recorded (the closed meeting, the
 * agreement the secretary's workspace computed), so it cannot tell a different story than the
 * files hold. Korean and English are rendered from the same facts.
 */

export interface StoryFacts {
  recommendationFiles: MemberRecommendationFile[];
  agreement: Record<string, Agreement>;
  meeting: MeetingDetail;
  minutes: { version: MinutesVersionDto };
}

type Lang = 'ko' | 'en';

const AGREEMENT_LABELS: Record<Agreement, Record<Lang, string>> = {
  none: { ko: '의견 없음', en: 'no views' },
  single: { ko: '한 명만 의견', en: 'one view only' },
  agree: { ko: '일치', en: 'agree' },
  conflict: { ko: '엇갈림', en: 'conflict' },
};

const claimLabel = (claimId: string, lang: Lang) =>
  `\`${claimId}\` (${CLAIM_NAMES[claimId]?.[lang] ?? claimId})`;

function agendaLine(item: MeetingDetail['agenda'][number], lang: Lang): string {
  const scripted = MEETING.agenda.find((a) => a.claimId === item.claimId)!.confirmed;
  const { tally } = item;
  const recused = item.votes.filter((v) => v.vote === 'recused').map((v) => v.member);
  const counts =
    lang === 'ko'
      ? `찬성 ${tally.for}, 반대 ${tally.against}`
      : `${tally.for} for, ${tally.against} against`;
  const recusal = recused.length
    ? `, ${VOTE_LABELS.recused[lang]} ${recused.join(', ')} (${RECUSAL_REASON[lang]})`
    : '';
  const amount = scripted.amount === null ? '' : ` ${formatKrw(scripted.amount)}`;
  const reasons = scripted.reasonCodes.length
    ? ` (${scripted.reasonCodes.map((c) => REASON_LABELS[c][lang]).join(', ')})`
    : '';
  const confirmed = `${OUTCOME_LABELS[scripted.outcome][lang]}${amount}${reasons}`;
  return lang === 'ko'
    ? `  - ${claimLabel(item.claimId, lang)}: ${counts}${recusal} → ${VOTE_RESULT_LABELS[item.result].ko}; 위원장 확정: ${confirmed}`
    : `  - ${claimLabel(item.claimId, lang)}: ${counts}${recusal} → ${VOTE_RESULT_LABELS[item.result].en.toLowerCase()}; the chair confirmed: ${confirmed}`;
}

export function storyText(facts: StoryFacts, lang: Lang): string {
  const members = MEMBERS.map((m) => m.name).join(', ');
  const views = facts.recommendationFiles
    .map((r) => (lang === 'ko' ? `${r.member} ${r.count}건` : `${r.member} (${r.count})`))
    .join(', ');
  const agreement = Object.entries(facts.agreement)
    .map(([claimId, a]) => `${claimLabel(claimId, lang)} ${AGREEMENT_LABELS[a][lang]}`)
    .join(', ');
  const { meeting } = facts;
  const minutes = facts.minutes.version;
  const present = meeting.attendance.filter((a) => a.present).length;
  const absent = meeting.attendance.filter((a) => !a.present).map((a) => a.member);
  const agenda = meeting.agenda.map((item) => agendaLine(item, lang)).join('\n');
  if (lang === 'ko')
    return `- **명부**: 위원 다섯 명(위원장 ${CHAIR.name}, 위원 ${members})과 간사 ${SECRETARY.name}.
  간사는 투표하지 않지만 결정문에 위원장과 함께 서명하므로 명부에 들어 있습니다.
  감사는 키가 필요 없습니다: 공개된 명부 파일만으로 검증합니다.
- **위원 의견**: ${views}. 각자 자기 노트북 작업공간에서 기록하고 서명해 간사에게 보냈습니다.
  간사 작업공간에서 본 의견: ${agreement}.
- **제${meeting.number}차 회의** (${meeting.heldOn}, ${meeting.place}): ${meeting.attendance.length}명 중
  ${present}명 출석 (불참: ${absent.join(', ')}), 정족수 ${meeting.quorumMet ? '충족' : '미달'}.
${agenda}
- **회의록**: 간사 ${SECRETARY.name}이 회의 기록에서 제${minutes.version}판을 작성하고 위원장 ${CHAIR.name}이
  승인했습니다. 승인된 판은 잠겨 고칠 수 없고, 바뀌면 새 판이 됩니다. 결정문의 \`minutesSha256\` 은
  이 판의 해시 \`${minutes.sha256}\` 입니다.`;
  return `- **Roster**: five committee members (chair ${CHAIR.name}; members ${members}) and
  secretary ${SECRETARY.name}, who does not vote but co-signs the decision file with the chair,
  and so is on the roster too. The auditor needs no key: checking uses public files only.
- **Recommendations**: ${views}. Each member recorded their views in their own laptop
  workspace, signed them and sent the file to the secretary. At the secretary's: ${agreement}.
- **Meeting no. ${meeting.number}** (${meeting.heldOn}, ${meeting.place}): ${present} of
  ${meeting.attendance.length} present (absent: ${absent.join(', ')}), quorum ${meeting.quorumMet ? 'met' : 'not met'}.
${agenda}
- **Minutes**: secretary ${SECRETARY.name} drafted version ${minutes.version} from the meeting's
  records and chair ${CHAIR.name} approved it. An approved version is locked; a change is a new
  version. The decision file's \`minutesSha256\` is this version's hash, \`${minutes.sha256}\`.`;
}
