/** Evidence files named by a claim, and why one may be refused or missing. */

export const EVIDENCE_MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'application/pdf',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

export const EVIDENCE_PROBLEMS = [
  'not_supplied',
  'not_found',
  'path_escapes',
  'absolute_path',
  'link',
  'executable',
  'unsupported_type',
  'too_large',
  'zip_too_large',
  'ambiguous_name',
  'unreadable',
] as const;
export type EvidenceProblem = (typeof EVIDENCE_PROBLEMS)[number];

/** Missing evidence flags the claim; refused evidence was there but may not be stored. */
export function evidenceStatusFor(problem: EvidenceProblem): 'missing' | 'rejected' {
  return problem === 'not_found' || problem === 'not_supplied' ? 'missing' : 'rejected';
}

export const EVIDENCE_PROBLEM_LABELS: Record<EvidenceProblem, { ko: string; en: string }> = {
  not_supplied: {
    ko: '증빙 폴더나 zip이 함께 제출되지 않음',
    en: 'no evidence folder or zip was given',
  },
  not_found: { ko: '파일 없음', en: 'file not found' },
  path_escapes: {
    ko: '증빙 폴더 밖을 가리키는 경로',
    en: 'path points outside the evidence folder',
  },
  absolute_path: { ko: '절대 경로는 받지 않음', en: 'absolute paths are not accepted' },
  link: { ko: '링크(바로가기) 파일은 받지 않음', en: 'links are not accepted' },
  executable: { ko: '실행 파일은 받지 않음', en: 'executables are not accepted' },
  unsupported_type: { ko: '지원하지 않는 파일 형식', en: 'unsupported file type' },
  too_large: { ko: '파일 크기 한도 초과', en: 'file exceeds the size limit' },
  zip_too_large: { ko: 'zip 항목이 한도 이상으로 커짐', en: 'zip entry expands beyond the limit' },
  ambiguous_name: {
    ko: '이 이름의 파일이 여럿이고 내용이 서로 다름',
    en: 'several files go by this name, with different content',
  },
  unreadable: { ko: '파일을 읽을 수 없음', en: 'file could not be read' },
};

/** The evidence column: file names separated by ";" (docs/domain.md), blanks dropped. */
export function splitEvidenceList(value: string): string[] {
  return value
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
