import { ROLE_LABELS_KO } from '../../../shared/domain/signing/verification-report';

/**
 * Why a member's recommendations file is refused, in English and Korean from one table, so
 * the CLI, the secretary's screen and the tests all read the same reason. The secretary sees
 * Korean first; the English text is what the CLI prints and what a bug report quotes.
 */

type Params = Record<string, string | number>;
type Text = (p: Params) => string;

const REFUSAL_TEXT = {
  unreadable: {
    en: (p) => `not readable: ${p['detail']}`,
    ko: (p) => `파일을 읽을 수 없습니다: ${p['detail']}`,
  },
  too_large: {
    en: (p) => `the file is ${p['size']} bytes; a recommendations file is at most ${p['max']}`,
    ko: (p) => `파일 크기가 ${p['size']}바이트입니다. 위원 의견 파일은 ${p['max']}바이트까지입니다`,
  },
  not_signed: {
    en: (p) => `not a signed recommendations file: ${p['detail']}`,
    ko: (p) => `서명된 위원 의견 파일이 아닙니다: ${p['detail']}`,
  },
  duplicate_key: {
    en: (p) =>
      `the file has the key "${p['key']}" twice in ${p['path']}: one copy could hide a forged value, so it is not read`,
    ko: (p) =>
      `파일의 ${p['path']}에 "${p['key']}" 키가 두 번 있습니다. 한쪽에 위조된 값이 숨어 있을 수 있어 읽지 않습니다`,
  },
  too_deep: {
    en: (p) => `the file nests deeper than ${p['depth']} levels`,
    ko: (p) => `파일이 ${p['depth']}단계보다 깊게 중첩되어 있습니다`,
  },
  header_not_disjoint: {
    en: (p) =>
      `the signature's unprotected header repeats ${p['detail']} from its signed header (RFC 7515 forbids it)`,
    ko: (p) =>
      `서명의 보호되지 않은 헤더가 서명된 헤더의 ${p['detail']} 항목을 되풀이합니다 (RFC 7515에서 금지)`,
  },
  crit_unsupported: {
    en: (p) => `the signature demands extensions this program does not know (crit ${p['detail']})`,
    ko: (p) => `서명이 이 프로그램이 모르는 확장을 요구합니다 (crit ${p['detail']})`,
  },
  b64_unsupported: {
    en: () => 'the signature is over an unencoded payload (b64: false), which is not accepted',
    ko: () => '서명이 인코딩되지 않은 내용(b64: false)에 대한 것이라 받아들이지 않습니다',
  },
  unsupported_alg: {
    en: (p) => `the signature uses ${p['detail']}; only EdDSA (Ed25519) is accepted`,
    ko: (p) => `서명 방식이 ${p['detail']}입니다. EdDSA(Ed25519)만 받아들입니다`,
  },
  signature_count: {
    en: (p) => `a recommendations file has one signature, this one has ${p['count']}`,
    ko: (p) => `위원 의견 파일에는 서명이 하나여야 하는데 이 파일에는 ${p['count']}개 있습니다`,
  },
  unknown_key: {
    en: (p) => `signed by key ${p['kid']}, which is not on roster v${p['version']}`,
    ko: (p) => `명부 v${p['version']}에 없는 키(${p['kid']})로 서명되었습니다`,
  },
  altered: {
    en: () => 'the signature does not match: the file was altered after it was signed',
    ko: () => '서명이 맞지 않습니다: 서명한 뒤에 파일 내용이 바뀌었습니다',
  },
  signature_unacceptable: {
    en: (p) => `the signature is not acceptable (${p['reason']})`,
    ko: (p) => `서명을 받아들일 수 없습니다 (${p['reason']})`,
  },
  role_not_recommending: {
    en: (p) =>
      `signed by ${p['name']}, whose role on roster v${p['version']} is ${p['role']}; only members and the chair recommend`,
    ko: (p) =>
      `${p['name']}의 명부 v${p['version']} 역할은 ${ROLE_LABELS_KO[p['role']!] ?? p['role']}입니다. 위원과 위원장만 의견을 냅니다`,
  },
  payload_not_json: {
    en: () => 'the signed payload is not JSON',
    ko: () => '서명된 내용이 JSON이 아닙니다',
  },
  payload_invalid: {
    en: (p) => `not a recommendations file: ${p['detail']}`,
    ko: (p) => `위원 의견 파일 형식이 아닙니다: ${p['detail']}`,
  },
  kid_mismatch: {
    en: (p) => `the file names key ${p['fileKid']} but is signed by ${p['name']}'s key ${p['kid']}`,
    ko: (p) =>
      `파일에 적힌 키는 ${p['fileKid']}인데 ${p['name']}의 키(${p['kid']})로 서명되었습니다`,
  },
  name_mismatch: {
    en: (p) => `the file names ${p['fileName']} but is signed by ${p['name']}'s key`,
    ko: (p) => `파일에 적힌 위원은 ${p['fileName']}인데 ${p['name']}의 키로 서명되었습니다`,
  },
  batch_missing: {
    en: (p) =>
      `batch "${p['batch']}" (content hash ${p['hash']}…) is not imported in this workspace`,
    ko: (p) => `신청 묶음 "${p['batch']}"(내용 해시 ${p['hash']}…)이 이 작업 공간에 없습니다`,
  },
  claim_missing: {
    en: (p) => `claim ${p['claimId']} does not exist in this workspace`,
    ko: (p) => `신청 ${p['claimId']}이(가) 이 작업 공간에 없습니다`,
  },
  claim_other_batch: {
    en: (p) => `claim ${p['claimId']} is not in batch "${p['batch']}" here`,
    ko: (p) => `신청 ${p['claimId']}은(는) 이 작업 공간에서 묶음 "${p['batch']}"에 속하지 않습니다`,
  },
  claim_differs: {
    en: (p) =>
      `claim ${p['claimId']} differs: its content hash here is ${p['here']}…, the file's is ${p['file']}…`,
    ko: (p) =>
      `신청 ${p['claimId']}의 내용이 다릅니다: 이 작업 공간의 내용 해시는 ${p['here']}…, 파일의 해시는 ${p['file']}…입니다`,
  },
} satisfies Record<string, { en: Text; ko: Text }>;

export type RefusalCode = keyof typeof REFUSAL_TEXT;
export const REFUSAL_CODES = Object.keys(REFUSAL_TEXT) as RefusalCode[];

export interface Refusal {
  code: RefusalCode;
  /** English, as the CLI prints it. */
  reason: string;
  ko: string;
}

export function refusal(code: RefusalCode, params: Params = {}): Refusal {
  const text = REFUSAL_TEXT[code] as { en: Text; ko: Text };
  return { code, reason: text.en(params), ko: text.ko(params) };
}

/** Thrown inside one file's check; the importer turns it into that file's refusal. */
export class RefusedFile extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
    this.name = 'RefusedFile';
  }
}

export function refuse(code: RefusalCode, params: Params = {}): never {
  throw new RefusedFile(refusal(code, params));
}
