/**
 * Batch file format v1 (docs/domain.md): the fields a batch row carries and the header names the
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

const FIELD_SET: ReadonlySet<string> = new Set(BATCH_FIELDS);
export function isBatchField(value: unknown): value is BatchField {
  return typeof value === 'string' && FIELD_SET.has(value);
}

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

/**
 * The most characters (code points) each field may hold. A longer value is a broken or hostile
 * file, not a claim: the row is quarantined with a reason naming the field and its length. All
 * stay under 32,767, the most an Excel cell holds, so a quarantined row can be fixed in Excel.
 * The UI and main read the same table.
 */
export const FIELD_MAX_LENGTH: Readonly<Record<BatchField, number>> = {
  claim_id: 64,
  received_at: 40,
  claimant_type: 40,
  affiliate: 100,
  service: 100,
  paid: 20,
  damage_type: 40,
  business_reg_no: 40,
  business_name: 200,
  industry: 100,
  claimed_loss: 40,
  description: 20_000,
  contact: 200,
  evidence: 4_000,
};

/** The length of a text in characters (code points), counted only as far as it matters. */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

/** The field's length when it is over its limit, else null. */
export function overLimit(field: BatchField, value: string): number | null {
  const max = FIELD_MAX_LENGTH[field];
  // UTF-16 length is never below the character count: at or under the limit is always fine.
  if (value.length <= max) return null;
  const characters = characterCount(value);
  return characters > max ? characters : null;
}

/**
 * The columns a quarantine export puts in front of the file's own headers. A file with 행번호
 * and 보류사유 is one of ours coming back (fixed in a spreadsheet): its cells carry the export's
 * formula guard, which the import removes again (guardCell / unguardCell in spreadsheet-cell.ts).
 * 보류번호 names the quarantine entry a row is a copy of, so the row coming back ends that entry
 * whatever was fixed (even an empty claim id); exports before it lacked the column.
 */
export const QUARANTINE_ENTRY_HEADER = '보류번호';
export const QUARANTINE_ROW_HEADER = '행번호';
export const QUARANTINE_REASON_HEADER = '보류사유';
export const QUARANTINE_EXPORT_HEADERS: readonly string[] = [
  QUARANTINE_ENTRY_HEADER,
  QUARANTINE_ROW_HEADER,
  QUARANTINE_REASON_HEADER,
];

export function isQuarantineExport(headers: readonly string[]): boolean {
  return headers.includes(QUARANTINE_ROW_HEADER) && headers.includes(QUARANTINE_REASON_HEADER);
}

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
    // Own keys only: a header named "constructor", "toString" or "__proto__" must not find
    // Object's members in the saved mapping; it is an unknown column like any other.
    const savedField = Object.hasOwn(saved, header) ? saved[header] : undefined;
    const field =
      savedField !== undefined ? savedField : KNOWN_HEADERS.get(normaliseHeader(header));
    if (field === null) continue;
    if (field === undefined || !isBatchField(field)) {
      if (header.trim() !== '') unknownHeaders.push(header);
      continue;
    }
    // defineProperty, not assignment: a "__proto__" header stays an ordinary key.
    Object.defineProperty(mapping, header, {
      value: field,
      enumerable: true,
      writable: true,
      configurable: true,
    });
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
      // Own keys only: a row without a "constructor" cell must not read Object's member.
      const value = Object.hasOwn(values, header) ? values[header] : undefined;
      if (typeof value === 'string') row[field] = value.trim();
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
