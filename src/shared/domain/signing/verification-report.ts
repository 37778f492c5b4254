/**
 * What verifying a signed decision file reports: the shape the CLI prints with --json and the
 * auditor screen shows. Messages come in English and Korean from one place so both agree.
 */
export interface SignatureCheck {
  /** The roster name of the signer, or null when the key is not on the roster. */
  signer: string | null;
  role: string | null;
  /** The kid of the signature (base64url RFC 7638 thumbprint). */
  keyId: string | null;
  /** The short fingerprint of that key, for comparing with what the signer reads out. */
  fingerprint: string | null;
  onRoster: boolean;
  /**
   * The signature is mathematically valid for its key: the roster's key for its kid, else the
   * public key its protected header carries. Says nothing about who holds that key.
   */
  verifies: boolean;
  /** It verifies and its key is on the roster: a signature the council can be held to. */
  valid: boolean;
}

export interface VerificationProblem {
  code: ProblemCode;
  message: string;
  ko: string;
  claimId?: string;
  file?: string;
}

/**
 * The roster a file was checked against, always shown (the value auditors compare), and
 * whether it was checked against a trusted (pinned) roster: 'pinned' it is that roster,
 * 'chains' it follows it (each version signed by a secretary of the one before) or precedes it
 * (named by hash), 'untrusted' neither (the file is INVALID), 'unchecked' no trusted roster was
 * given (a warning: the fingerprint must then be compared by hand).
 */
export interface RosterTrust {
  fingerprint: string;
  sha256: string;
  version: number;
  trust: 'pinned' | 'chains' | 'untrusted' | 'unchecked';
  trustedFingerprint: string | null;
}

/**
 * 'valid': intact and signed by the roster's chair and secretary, every check passed.
 * 'invalid': some check failed, with or without a roster.
 * 'intact_unjudged': no roster was given and every check that needs none passed. Anyone can
 * make a key and sign, so an intact file says nothing about who decided: it is not valid.
 */
export type Verdict = 'valid' | 'invalid' | 'intact_unjudged';

export interface VoteCounts {
  for: number;
  against: number;
  abstain: number;
  recused: number;
  absent: number;
}

/** One decision as the file states it, so a reader sees what was decided, not just counts. */
export interface DecisionLine {
  /** The record's claim id, or `#n` (its position) when it has none. */
  claimId: string;
  /** A known outcome, or null when the record's is missing or unknown. */
  outcome: string | null;
  /** Whole KRW, or null. */
  amount: number | null;
  /** Null when the record carries no votes. */
  votes: VoteCounts | null;
  /** No problem names this record, and the content it sits in is vouched for. */
  ok: boolean;
}

/**
 * This file's link to the previous one (previousFileSha256 names that file's payload hash),
 * checked against the decision files given with it.
 * 'holds': the file it names is among them. 'broken': it is not, and a file that is not a
 * later one was given (or this file names none, yet an earlier one was given). 'first': it
 * names none and nothing contradicts that. 'not_checked': it names one, but none was given
 * other than later files.
 */
export interface ChainCheck {
  names: string | null;
  link: 'holds' | 'broken' | 'first' | 'not_checked';
  /**
   * Each file given, in the order given: its payload hash (null when it is not a decision file)
   * and whether it is the one named, a later file reaching this one, or neither.
   */
  files: { sha256: string | null; relation: 'previous' | 'later' | 'other' }[];
}

export interface VerificationReport {
  /** True only for the 'valid' verdict, so a reader of this flag alone never over-trusts. */
  valid: boolean;
  verdict: Verdict;
  /** False when no roster was given: the signers were not judged, only the file's integrity. */
  rosterChecked: boolean;
  /** Null when no roster was given at all. */
  roster: RosterTrust | null;
  /** The roster the signed content says it was signed under; a claim until a roster is checked. */
  namedRoster: { version: number; fingerprint: string; sha256: string } | null;
  /** Said, but not making the file invalid (e.g. the roster was not checked against a trusted one). */
  warnings: VerificationProblem[];
  signatures: SignatureCheck[];
  records: { total: number; valid: number; invalid: string[] };
  /** Every record in file order; empty when the content could not be read as a decision file. */
  decisions: DecisionLine[];
  evidence: { checked: number; mismatched: number };
  /** Null when the content could not be read as a decision file. */
  chain: ChainCheck | null;
  problems: VerificationProblem[];
}

export type ProblemCode = keyof typeof PROBLEM_TEXT;

type Params = Record<string, string | number>;
type Text = (p: Params) => string;

const PROBLEM_TEXT = {
  payload_malformed: {
    en: (p) => `the signed content is not a decision file of a known format: ${p['detail']}`,
    ko: (p) => `서명된 내용이 알려진 결정 파일 형식이 아닙니다: ${p['detail']}`,
  },
  roster_not_given: {
    en: () => 'without a roster, who signed cannot be judged: integrity checked only',
    ko: () => '명부 없이 서명자 자격은 판단할 수 없음: 무결성만 확인함',
  },
  roster_mismatch: {
    en: (p) =>
      `the file was signed under roster v${p['expectedVersion']} (${p['expected']}), but the roster given is v${p['foundVersion']} (${p['found']})`,
    ko: (p) =>
      `파일은 명부 v${p['expectedVersion']}(${p['expected']}) 기준으로 서명되었으나 제시된 명부는 v${p['foundVersion']}(${p['found']})입니다`,
  },
  roster_not_yet_valid: {
    en: (p) => `the roster is valid from ${p['validFrom']}, after the meeting of ${p['date']}`,
    ko: (p) => `명부의 유효 시작일(${p['validFrom']})이 회의일(${p['date']})보다 늦습니다`,
  },
  content_changed: {
    en: (p) =>
      `the signed content was changed after signing: ${p['keys'] === 'carried' ? 'no signature matches it (each checked against the key it carries, no roster given)' : 'no roster signature matches it'}. The signatures cover the file as a whole, so which decision changed cannot be known from this file`,
    ko: (p) =>
      `서명 후 내용이 바뀌었습니다: ${p['keys'] === 'carried' ? '어느 서명도 맞지 않습니다(명부 없이 각 서명에 담긴 키로 확인)' : '명부의 어느 서명도 맞지 않습니다'}. 서명은 파일 전체에 대한 것이므로 어느 결정이 바뀌었는지는 이 파일만으로 알 수 없습니다`,
  },
  signature_broken: {
    en: (p) =>
      `signature ${p['signature']} (key ${p['fingerprint']}) does not match the content the other signatures cover: that signature was replaced or altered`,
    ko: (p) =>
      `서명 ${p['signature']}(키 ${p['fingerprint']})이(가) 다른 서명들이 덮는 내용과 맞지 않습니다: 서명이 바뀌었거나 변조되었습니다`,
  },
  signature_unverifiable: {
    en: (p) =>
      `signature ${p['signature']} (key ${p['fingerprint']}) carries no public key matching its kid, so without a roster it cannot be checked at all`,
    ko: (p) =>
      `서명 ${p['signature']}(키 ${p['fingerprint']})에 kid와 맞는 공개 키가 없어 명부 없이는 전혀 확인할 수 없습니다`,
  },
  signature_invalid: {
    en: (p) =>
      `the signature of ${p['signer']} (${p['role']}) does not match the content that other roster members signed: that signature was replaced or altered`,
    ko: (p) =>
      `${p['signer']}(${ROLE_LABELS_KO[p['role'] ?? ''] ?? p['role']})의 서명이 다른 위원들이 서명한 내용과 맞지 않습니다: 서명이 바뀌었거나 변조되었습니다`,
  },
  signer_not_on_roster: {
    en: (p) =>
      `signed by a key not on the roster (${p['fingerprint']})${p['verifies'] === 'yes' ? ': the signature itself is valid, so the content was re-signed by someone outside the council' : ''}`,
    ko: (p) =>
      `명부에 없는 키(${p['fingerprint']})로 서명되었습니다${p['verifies'] === 'yes' ? ': 서명 자체는 유효하므로 협의체 밖의 누군가가 다시 서명한 것입니다' : ''}`,
  },
  duplicate_signature: {
    en: (p) => `${p['signer']} signed more than once`,
    ko: (p) => `${p['signer']}의 서명이 두 번 이상 있습니다`,
  },
  missing_required_signature: {
    en: (p) => `no valid signature by the ${p['role']} on the roster`,
    ko: (p) => `명부의 ${p['roleKo']} 서명이 없거나 유효하지 않습니다`,
  },
  decision_duplicated: {
    en: (p) => `the decision for ${p['claimId']} appears more than once`,
    ko: (p) => `${p['claimId']}에 대한 결정이 두 번 이상 있습니다`,
  },
  decisions_out_of_order: {
    en: (p) =>
      `the decision for ${p['claimId']} is out of claim-id order, which the signer always writes: the list was reordered or a record inserted`,
    ko: (p) =>
      `${p['claimId']}의 결정이 접수번호 순서를 벗어났습니다: 목록 순서가 바뀌었거나 기록이 끼워 넣어졌습니다`,
  },
  amount_inconsistent: {
    en: (p) => `the decision for ${p['claimId']}: ${p['detail']}`,
    ko: (p) => `${p['claimId']}의 결정: 결과와 금액이 맞지 않습니다 (${p['detail']})`,
  },
  vote_by_non_member: {
    en: (p) =>
      `the decision for ${p['claimId']} counts a vote by ${p['member']}, who is not on the roster`,
    ko: (p) => `${p['claimId']}의 결정에 명부에 없는 ${p['member']}의 표결이 있습니다`,
  },
  evidence_mismatch: {
    en: (p) =>
      `evidence file ${p['file']} of ${p['claimId']} has changed: SHA-256 ${p['found']}, signed ${p['expected']}`,
    ko: (p) =>
      `${p['claimId']}의 증빙 파일 ${p['file']}이(가) 바뀌었습니다: SHA-256 ${p['found']}, 서명된 값 ${p['expected']}`,
  },
  evidence_missing: {
    en: (p) => `evidence file ${p['file']} of ${p['claimId']} could not be read (${p['reason']})`,
    ko: (p) => `${p['claimId']}의 증빙 파일 ${p['file']}을(를) 읽을 수 없습니다 (${p['reason']})`,
  },
  record_changed: {
    en: (p) =>
      `compared with the original this workspace signed, the decision for ${p['claimId']} was changed: ${p['detail']}`,
    ko: (p) =>
      `이 작업 공간이 서명한 원본과 비교하면 ${p['claimId']}의 결정이 바뀌었습니다: ${p['detail']}`,
  },
  record_removed: {
    en: (p) =>
      `compared with the original this workspace signed, the decision for ${p['claimId']} was removed`,
    ko: (p) => `이 작업 공간이 서명한 원본과 비교하면 ${p['claimId']}의 결정이 빠졌습니다`,
  },
  record_added: {
    en: (p) =>
      `compared with the original this workspace signed, a decision for ${p['claimId']} was added`,
    ko: (p) => `이 작업 공간이 서명한 원본과 비교하면 ${p['claimId']}의 결정이 추가되었습니다`,
  },
  header_changed: {
    en: (p) =>
      `compared with the original this workspace signed, these fields were changed: ${p['fields']}`,
    ko: (p) => `이 작업 공간이 서명한 원본과 비교하면 다음 항목이 바뀌었습니다: ${p['fields']}`,
  },
  duplicate_key: {
    en: (p) =>
      `the file repeats the key "${p['key']}" in ${p['path']}: readers disagree on which one counts (JSON.parse keeps the last), so a repeated key is refused as a forgery`,
    ko: (p) =>
      `파일의 ${p['path']}에 "${p['key']}" 키가 두 번 있습니다: 읽는 프로그램마다 다른 값을 택할 수 있으므로 위조로 보고 거부합니다`,
  },
  json_too_deep: {
    en: (p) => `the file nests deeper than ${p['depth']} levels; no signed file does`,
    ko: (p) => `파일의 중첩이 ${p['depth']}단계를 넘습니다; 서명된 파일은 그렇지 않습니다`,
  },
  header_not_disjoint: {
    en: (p) =>
      `signature ${p['signature']} repeats protected header ${p['names']} in its unprotected header (RFC 7515 requires them to be disjoint; the unprotected copy is not signed)`,
    ko: (p) =>
      `서명 ${p['signature']}의 보호되지 않은 헤더가 보호된 헤더 ${p['names']}을(를) 반복합니다 (RFC 7515: 두 헤더는 겹칠 수 없으며 보호되지 않은 값은 서명되지 않습니다)`,
  },
  crit_unsupported: {
    en: (p) =>
      `signature ${p['signature']} has a "crit" header (${p['detail']}): it demands extensions this verifier does not know, so it is refused`,
    ko: (p) =>
      `서명 ${p['signature']}에 "crit" 헤더(${p['detail']})가 있습니다: 이 검증기가 모르는 확장을 요구하므로 거부합니다`,
  },
  b64_unsupported: {
    en: (p) =>
      `signature ${p['signature']} has "b64": ${p['detail']}: an unencoded payload (RFC 7797) is not how these files are signed, so it is refused`,
    ko: (p) =>
      `서명 ${p['signature']}에 "b64": ${p['detail']} 헤더가 있습니다: 인코딩하지 않은 내용(RFC 7797)은 이 파일의 서명 방식이 아니므로 거부합니다`,
  },
  alg_unsupported: {
    en: (p) =>
      `signature ${p['signature']} uses algorithm ${p['detail']}; only EdDSA (Ed25519) in the protected header is accepted`,
    ko: (p) =>
      `서명 ${p['signature']}의 알고리즘이 ${p['detail']}입니다; 보호된 헤더의 EdDSA(Ed25519)만 받습니다`,
  },
  roster_untrusted: {
    en: (p) =>
      `the roster (${p['found']}) is not the trusted one (${p['trusted']}) and does not chain to it: its keys are not the council's`,
    ko: (p) =>
      `명부(${p['found']})가 신뢰하는 명부(${p['trusted']})가 아니며 그 명부로 이어지지도 않습니다: 이 명부의 키는 협의체의 키가 아닙니다`,
  },
  claim_corrected_after_signing: {
    en: (p) =>
      `claim ${p['claimId']} was corrected after this file was signed: the file names its version ${p['signedVersion']} (${p['signedHash']}), this workspace now holds version ${p['currentVersion']} (${p['currentHash']}), corrected ${p['correctedAt']} by ${p['correctedBy']}: ${p['reason']}`,
    ko: (p) =>
      `${p['claimId']} 신청은 이 파일 서명 뒤에 정정되었습니다: 파일은 ${p['signedVersion']}판(${p['signedHash']})을, 이 작업공간은 지금 ${p['currentVersion']}판(${p['currentHash']})을 가리킵니다. 정정 ${p['correctedAt']}, ${p['correctedBy']}: ${p['reason']}`,
  },
  claim_content_unknown: {
    en: (p) =>
      `claim ${p['claimId']}: the content this file names (${p['signedHash']}) is not any version of the claim this workspace holds (now ${p['currentHash']})`,
    ko: (p) =>
      `${p['claimId']} 신청: 이 파일이 가리키는 내용(${p['signedHash']})은 이 작업공간의 어느 판과도 맞지 않습니다 (지금 ${p['currentHash']})`,
  },
  roster_not_checked: {
    en: (p) =>
      `the roster (${p['found']}) was not checked against a trusted roster: compare its fingerprint with the one the secretary gave, or give the trusted roster`,
    ko: (p) =>
      `명부(${p['found']})를 신뢰하는 명부와 대조하지 않았습니다: 간사가 알려 준 지문과 비교하거나 신뢰하는 명부를 제시하십시오`,
  },
  superseded: {
    en: (p) =>
      `this file has been superseded: ${p['by']}, exported later for the same meeting (no. ${p['meeting']}), chains past it`,
    ko: (p) =>
      `이 파일은 대체되었습니다: 같은 회의(제${p['meeting']}차)에 대해 나중에 내보낸 파일 ${p['by']}이(가) 이 파일 뒤로 이어집니다`,
  },
  chain_broken: {
    en: (p) =>
      `the chain is broken: this file names previous file ${p['expected']}, the previous file given is ${p['found']}`,
    ko: (p) =>
      `연결이 끊어졌습니다: 이 파일이 가리키는 이전 파일은 ${p['expected']}인데 제시된 이전 파일은 ${p['found']}입니다`,
  },
} satisfies Record<string, { en: Text; ko: Text }>;

export const ROLE_LABELS_KO: Record<string, string> = {
  member: '위원',
  chair: '위원장',
  secretary: '간사',
  auditor: '감사',
};

export function problem(
  code: ProblemCode,
  params: Params = {},
  where: { claimId?: string; file?: string } = {},
): VerificationProblem {
  const text = PROBLEM_TEXT[code] as { en: Text; ko: Text };
  return { code, message: text.en(params), ko: text.ko(params), ...where };
}
