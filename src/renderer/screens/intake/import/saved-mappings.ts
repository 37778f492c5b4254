import {
  BATCH_FIELDS,
  type BatchField,
  type ColumnMapping,
} from '../../../../shared/domain/batch-format';

/** Saved column mappings live in localStorage, keyed by the file's exact header list. */
export const MAPPINGS_STORAGE_KEY = 'review-desk.mappings';

type SavedMappings = Record<string, ColumnMapping>;

export function headerListKey(headers: readonly string[]): string {
  return JSON.stringify(headers);
}

function isField(value: unknown): value is BatchField {
  return typeof value === 'string' && (BATCH_FIELDS as readonly string[]).includes(value);
}

function readAll(): SavedMappings {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(MAPPINGS_STORAGE_KEY) ?? '{}');
    return parsed !== null && typeof parsed === 'object' ? (parsed as SavedMappings) : {};
  } catch {
    // Unreadable or unavailable storage: behave as if nothing was saved.
    return {};
  }
}

/** The mapping saved for exactly these headers, cleaned of anything no longer a field. */
export function loadSavedMapping(headers: readonly string[]): ColumnMapping | null {
  const saved: unknown = readAll()[headerListKey(headers)];
  if (saved === null || typeof saved !== 'object') return null;
  const entries = saved as Record<string, unknown>;
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const value = entries[header];
    mapping[header] = isField(value) ? value : null;
  }
  return mapping;
}

/** Returns false when storage refused the write (full or disabled). */
export function saveMapping(headers: readonly string[], mapping: ColumnMapping): boolean {
  try {
    const all = readAll();
    all[headerListKey(headers)] = mapping;
    window.localStorage.setItem(MAPPINGS_STORAGE_KEY, JSON.stringify(all));
    return true;
  } catch {
    return false;
  }
}
