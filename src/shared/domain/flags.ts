/**
 * Flags draw a reviewer's eye to a claim; they are computed on import and never decide
 * anything by themselves.
 */
export const CLAIM_FLAGS = [
  'shared_business_reg_no',
  'shared_evidence',
  'similar_description',
  'loss_outlier',
] as const;
export type ClaimFlag = (typeof CLAIM_FLAGS)[number];

export interface ClaimFlagDetail {
  flag: ClaimFlag;
  /** Other claims behind the flag (same registration number, same file, similar text). */
  relatedClaimIds: string[];
  /** For loss_outlier: the industry's 99th percentile the loss is above, in KRW. */
  threshold: number | null;
}

export const CLAIM_FLAG_LABELS: Record<ClaimFlag, { ko: string; en: string }> = {
  shared_business_reg_no: { ko: '같은 사업자번호', en: 'Same business reg. no.' },
  shared_evidence: { ko: '같은 증빙 파일', en: 'Same evidence file' },
  similar_description: { ko: '유사한 피해내용', en: 'Near-identical description' },
  loss_outlier: { ko: '업종 대비 과다 금액', en: 'Loss far above peers' },
};
