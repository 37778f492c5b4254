/**
 * Why a batch file was refused whole, in both languages. Main sends the code with an English
 * sentence naming the place (row, line, part); the app shows this label in the person's language
 * beside it. The reader's refusal type takes only these codes, so none goes untranslated.
 */
export const BATCH_REFUSAL_MESSAGES = {
  unreadable_batch: {
    ko: '배치 파일로 읽을 수 없음',
    en: 'cannot be read as a claim batch',
  },
  empty_batch: { ko: '파일에 행이 없음', en: 'the file has no rows' },
  csv_truncated: {
    ko: '파일이 행 중간에서 끝남 (잘린 파일)',
    en: 'the file ends in the middle of a row (cut file)',
  },
  csv_unclosed_quote: {
    ko: '닫히지 않은 따옴표 (잘린 파일이거나 잘못 들어간 따옴표)',
    en: 'a quote that never closes (a cut file or a stray quote)',
  },
  csv_stray_quote: {
    ko: '닫는 따옴표 뒤에 글자가 이어짐 (잘못 들어간 따옴표)',
    en: 'text after a closing quote (a stray quote)',
  },
  csv_cell_too_long: { ko: '셀 하나가 너무 김', en: 'a cell is too long' },
  csv_record_too_long: { ko: '행 하나가 너무 김', en: 'a row is too long' },
  csv_too_many_cells: { ko: '한 행의 셀이 너무 많음', en: 'a row has too many cells' },
  invalid_utf8: {
    ko: 'UTF-8 파일에 깨진 바이트가 있음',
    en: 'a UTF-8 file with invalid bytes',
  },
  unknown_encoding: {
    ko: 'UTF-8도 CP949도 아닌 인코딩',
    en: 'an encoding that is neither UTF-8 nor CP949',
  },
  encoding_changed: {
    ko: '읽는 도중 파일이 바뀜',
    en: 'the file changed while it was being read',
  },
  xlsx_damaged: {
    ko: '엑셀 파일이 손상되었거나 잘림',
    en: 'the workbook is damaged or cut',
  },
  xlsx_value_too_long: { ko: '엑셀 셀 하나가 너무 김', en: 'a workbook cell is too long' },
  xlsx_too_large: {
    ko: '엑셀 파일의 공유 문자열이 너무 많음',
    en: 'the workbook holds too much shared text',
  },
  xlsx_no_sheet: { ko: '해당 시트가 없음', en: 'no such sheet' },
  xlsx_empty_sheet: { ko: '시트가 비어 있음', en: 'the sheet is empty' },
  json_too_large: {
    ko: 'JSON 배치가 너무 큼 (CSV나 XLSX로 저장하세요)',
    en: 'the JSON batch is too large (save it as CSV or XLSX)',
  },
  reader_stalled: {
    ko: '파일 읽기가 멈춤 (손상된 파일일 수 있음)',
    en: 'reading the file stalled (it may be damaged)',
  },
} as const satisfies Record<string, { ko: string; en: string }>;

export type BatchRefusalCode = keyof typeof BATCH_REFUSAL_MESSAGES;

export function isBatchRefusalCode(code: string): code is BatchRefusalCode {
  return Object.hasOwn(BATCH_REFUSAL_MESSAGES, code);
}
