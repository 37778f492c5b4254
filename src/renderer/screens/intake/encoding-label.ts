import type { ImportInspection } from '../../../shared/ipc/intake-schemas';
import type { MessageKey } from '../../i18n/ko';

/** A detected text encoding as the import step and the import report both name it. */
export const ENCODING_KEYS = {
  'utf-8': 'intake.import.encoding.utf8',
  'utf-8-bom': 'intake.import.encoding.utf8bom',
  cp949: 'intake.import.encoding.cp949',
} as const satisfies Record<NonNullable<ImportInspection['encoding']>, MessageKey>;

/** XLSX and JSON carry no text encoding of their own to detect. */
export function encodingKey(encoding: ImportInspection['encoding']): MessageKey {
  return encoding === null ? 'intake.import.encoding.none' : ENCODING_KEYS[encoding];
}
