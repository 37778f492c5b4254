import type { CellValue } from '../../lib/exceljs';
import { fromSpreadsheetDate } from '../../../shared/domain/dates';

/** A cell as the text a person sees in Excel, whatever exceljs made of it (evidence previews). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return fromSpreadsheetDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}
