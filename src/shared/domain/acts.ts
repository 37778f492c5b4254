import type { PersonRole } from '../ipc/review-schemas';
import type { AuditAction } from './audit-actions';

/**
 * The name an audit entry carries when nobody has unlocked a key at this machine: loading a
 * batch or reading needs no identity, so it is recorded, but as nobody in particular. It is in
 * parentheses so it cannot be mistaken for a roster member's name (those are checked by key).
 */
export const UNIDENTIFIED_OPERATOR = '(unidentified operator)';

/** Who votes and recommends: members and the chair. */
export const VOTERS = ['member', 'chair'] as const;
/** Who runs the council's work: the secretary, or the chair standing in. */
export const SECRETARIAT = ['secretary', 'chair'] as const;
export const CHAIR_ONLY = ['chair'] as const;
/** The secretary alone: proposing an amendment the chair must co-sign (two different people). */
export const SECRETARY_ONLY = ['secretary'] as const;
/**
 * Who may end a quarantined row without a claim: whoever loads batches on the council's side,
 * identified by key, since a discarded row is a claimant's row nobody will review.
 */
export const QUARANTINE_DISCARDERS = ['member', 'chair', 'secretary'] as const;
/** Who checks a sampled bracket claim against its proof: anyone on the council's roster. */
export const SAMPLE_CHECKERS = ['member', 'chair', 'secretary'] as const;

/**
 * The acts that carry authority or attribution, and the roster roles that may perform each.
 * Their audit entries must name the actor's key and carry the actor's signature over the
 * entry's hash (the audit log refuses them otherwise), and verifying the chain checks the
 * signer held one of these roles in the roster in force at the time. The chair stands in for
 * the secretary's work; nobody stands in for the chair's. Acts not listed (loading a batch or a
 * roster, viewing evidence, calculating, exporting a ledger) need no key: a roster's authority
 * is the secretary's signature on its file, and every member loads it on their own laptop.
 */
export const ACT_ROLES: Partial<Record<AuditAction, readonly PersonRole[]>> = {
  'decision.recorded': VOTERS,
  'decision.followed_up': VOTERS,
  'decision.amended': VOTERS,
  'recommendations.exported': VOTERS,
  'recommendations.imported': SECRETARIAT,
  'claims.assigned': SECRETARIAT,
  'policy.versioned': SECRETARIAT,
  'meeting.opened': SECRETARIAT,
  'meeting.attendance_set': SECRETARIAT,
  'meeting.agenda_added': SECRETARIAT,
  'meeting.vote_recorded': SECRETARIAT,
  'meeting.voting_closed': SECRETARIAT,
  'meeting.closed': SECRETARIAT,
  'meeting.decision_confirmed': CHAIR_ONLY,
  'minutes.drafted': SECRETARIAT,
  'minutes.approved': CHAIR_ONLY,
  'decisions.exported': SECRETARIAT,
  'council_amendment.proposed': SECRETARY_ONLY,
  'council_amendment.cosigned': CHAIR_ONLY,
  'quarantine.discarded': QUARANTINE_DISCARDERS,
  'claim.corrected': SECRETARIAT,
  'appeal.filed': SECRETARIAT,
  'appeal.admitted': SECRETARIAT,
  'appeal.rejected': SECRETARIAT,
  'sample.drawn': SECRETARIAT,
  'sample.checked': SAMPLE_CHECKERS,
};

export function rolesForAct(action: string): readonly PersonRole[] | undefined {
  return Object.hasOwn(ACT_ROLES, action) ? ACT_ROLES[action as AuditAction] : undefined;
}

/**
 * Why an act was refused for who is (or is not) acting, as issue codes the screens word in
 * Korean and English: main's own message says the same in English with the names.
 */
export const ACT_REFUSAL_MESSAGES = {
  unlock_required: {
    ko: '열쇠를 연 사람이 없습니다. 설정 → 사람에서 내 열쇠를 여세요.',
    en: 'Nobody has unlocked a key here. Unlock yours in Settings → People.',
  },
  chair_required: {
    ko: '위원장만 할 수 있는 작업입니다. 위원장이 자기 열쇠를 열어야 합니다.',
    en: 'Only the chair may do this: the chair must unlock their own key.',
  },
  secretariat_required: {
    ko: '간사(또는 위원장)만 할 수 있는 작업입니다.',
    en: 'Only the secretary (or the chair) may do this.',
  },
  secretary_required: {
    ko: '간사만 할 수 있는 작업입니다 (위원장은 공동 서명합니다).',
    en: 'Only the secretary may do this (the chair co-signs).',
  },
  voter_required: {
    ko: '위원(또는 위원장)만 할 수 있는 작업입니다.',
    en: 'Only a member (or the chair) may do this.',
  },
  role_required: {
    ko: '지금 연 열쇠의 명부 역할로는 할 수 없는 작업입니다.',
    en: 'The roster role of the key unlocked here may not do this.',
  },
  wrong_passphrase: {
    ko: '암호 문구가 맞지 않습니다 (또는 열쇠 파일이 손상되었습니다).',
    en: 'The passphrase does not unlock this key (or the key file is damaged).',
  },
  not_on_roster: {
    ko: '이 열쇠는 지금 명부에 없습니다. 간사가 새 명부 판에 올려야 합니다.',
    en: 'This key is not on the roster in force; the secretary adds it in a new roster version.',
  },
  no_roster: {
    ko: '아직 명부가 없습니다. 간사에게 받은 서명된 명부를 먼저 가져오세요 (열쇠 없이 가능).',
    en: 'No roster yet: load the signed roster from the secretary first (no key needed).',
  },
} as const satisfies Record<string, { ko: string; en: string }>;

export type ActRefusalCode = keyof typeof ACT_REFUSAL_MESSAGES;

export function isActRefusalCode(code: string): code is ActRefusalCode {
  return Object.hasOwn(ACT_REFUSAL_MESSAGES, code);
}

/** The refusal code for an act needing one of `roles`, when the person acting lacks them. */
export function roleRefusalCode(roles: readonly PersonRole[]): ActRefusalCode {
  const set = [...roles].sort().join(',');
  if (set === 'chair') return 'chair_required';
  if (set === 'chair,secretary') return 'secretariat_required';
  if (set === 'chair,member') return 'voter_required';
  if (set === 'secretary') return 'secretary_required';
  return 'role_required';
}

/** The issue a refusal carries: who acts is the request's caller, so the path names them. */
export function actRefusalIssue(
  roles: readonly PersonRole[],
  acting: boolean,
  message: string,
): { path: string; code: ActRefusalCode; message: string } {
  return { path: 'acting', code: acting ? roleRefusalCode(roles) : 'unlock_required', message };
}
