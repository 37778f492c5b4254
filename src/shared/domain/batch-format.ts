/**
 * Batch file format v1 (DOMAIN.md): the fields a batch row carries and the header names the
 * intake side uses for them, Korean or English. Unknown layouts go through a saved mapping.
 */
export const BATCH_FIELDS = [
  'claim_id',
  'received_at',
  'claimant_type',
  'affiliate',
  'service',
  'paid',
  'damage_type',
  'business_reg_no',
  'business_name',
  'industry',
  'claimed_loss',
  'description',
  'contact',
  'evidence',
] as const;
export type BatchField = (typeof BATCH_FIELDS)[number];

/** Without these a row cannot become a claim, so a layout missing one cannot be imported. */
export const REQUIRED_FIELDS: readonly BatchField[] = [
  'claim_id',
  'received_at',
  'claimant_type',
  'affiliate',
  'service',
  'damage_type',
];

export const FIELD_HEADERS: Record<BatchField, { ko: string; en: string }> = {
  claim_id: { ko: '접수번호', en: 'claim_id' },
  received_at: { ko: '접수일시', en: 'received_at' },
  claimant_type: { ko: '신청인구분', en: 'claimant_type' },
  affiliate: { ko: '계열사', en: 'affiliate' },
  service: { ko: '서비스', en: 'service' },
  paid: { ko: '유료여부', en: 'paid' },
  damage_type: { ko: '피해유형', en: 'damage_type' },
  business_reg_no: { ko: '사업자등록번호', en: 'business_reg_no' },
  business_name: { ko: '상호', en: 'business_name' },
  industry: { ko: '업종', en: 'industry' },
  claimed_loss: { ko: '피해금액', en: 'claimed_loss' },
  description: { ko: '피해내용', en: 'description' },
  contact: { ko: '연락처', en: 'contact' },
  evidence: { ko: '증빙', en: 'evidence' },
};

/** Header text compared without case, spaces, underscores or a BOM, so "Claim ID" finds claim_id. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/[\s_\-()]/g, '')
    .toLowerCase();
}

const KNOWN_HEADERS = new Map<string, BatchField>(
  BATCH_FIELDS.flatMap((field) => [
    [normaliseHeader(FIELD_HEADERS[field].ko), field],
    [normaliseHeader(FIELD_HEADERS[field].en), field],
  ]),
);

/** A saved mapping: source header (as written in the file) -> field, or null to ignore a column. */
export type ColumnMapping = Record<string, BatchField | null>;

export interface ResolvedColumns {
  /** Source header -> field, for every header that maps to one. */
  mapping: Record<string, BatchField>;
  /** Headers neither known nor in the saved mapping: the mapping step asks about these. */
  unknownHeaders: string[];
  missingRequired: BatchField[];
  /** Two headers claiming one field: ambiguous, must be resolved by a mapping. */
  duplicateFields: BatchField[];
}

export function resolveColumns(
  headers: readonly string[],
  saved: ColumnMapping = {},
): ResolvedColumns {
  const mapping: Record<string, BatchField> = {};
  const unknownHeaders: string[] = [];
  const seen = new Map<BatchField, number>();
  for (const header of headers) {
    const field = header in saved ? saved[header] : KNOWN_HEADERS.get(normaliseHeader(header));
    if (field === null) continue;
    if (field === undefined) {
      if (header.trim() !== '') unknownHeaders.push(header);
      continue;
    }
    mapping[header] = field;
    seen.set(field, (seen.get(field) ?? 0) + 1);
  }
  return {
    mapping,
    unknownHeaders,
    missingRequired: REQUIRED_FIELDS.filter((field) => !seen.has(field)),
    duplicateFields: [...seen].filter(([, count]) => count > 1).map(([field]) => field),
  };
}

/** A raw row keyed by field, every value a trimmed string ("" where the file had nothing). */
export type RawClaimRow = Record<BatchField, string>;

/**
 * Compiles a mapping into a function that picks a row's fields: done once per import, then
 * run per row, so the hot loop only indexes and trims.
 */
export function rawRowPicker(
  mapping: Record<string, BatchField>,
): (values: Record<string, string>) => RawClaimRow {
  const pairs = Object.entries(mapping);
  return (values) => {
    const row: RawClaimRow = {
      claim_id: '',
      received_at: '',
      claimant_type: '',
      affiliate: '',
      service: '',
      paid: '',
      damage_type: '',
      business_reg_no: '',
      business_name: '',
      industry: '',
      claimed_loss: '',
      description: '',
      contact: '',
      evidence: '',
    };
    for (const [header, field] of pairs) {
      const value = values[header];
      if (value !== undefined) row[field] = value.trim();
    }
    return row;
  };
}

export function toRawRow(
  values: Record<string, string>,
  mapping: Record<string, BatchField>,
): RawClaimRow {
  return rawRowPicker(mapping)(values);
}
