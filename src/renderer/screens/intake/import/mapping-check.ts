import {
  REQUIRED_FIELDS,
  type BatchField,
  type ColumnMapping,
} from '../../../../shared/domain/batch-format';
import type { ImportInspection } from '../../../../shared/ipc/intake-schemas';

export interface MappingProblems {
  missingRequired: BatchField[];
  /** Fields chosen for more than one column, with those columns. */
  duplicates: { field: BatchField; headers: string[] }[];
}

/** The mapping the step starts from: main's detection, every other header ignored. */
export function mappingFromInspection(inspection: ImportInspection): ColumnMapping {
  return Object.fromEntries(
    inspection.headers.map((header) => [header, inspection.mapping[header] ?? null]),
  );
}

/** The same rules main applies (REQUIRED_FIELDS, one column per field), checked as the user edits. */
export function checkMapping(mapping: ColumnMapping): MappingProblems {
  const byField = new Map<BatchField, string[]>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field === null) continue;
    byField.set(field, [...(byField.get(field) ?? []), header]);
  }
  return {
    missingRequired: REQUIRED_FIELDS.filter((field) => !byField.has(field)),
    duplicates: [...byField]
      .filter(([, headers]) => headers.length > 1)
      .map(([field, headers]) => ({ field, headers })),
  };
}

export function hasProblems(problems: MappingProblems): boolean {
  return problems.missingRequired.length > 0 || problems.duplicates.length > 0;
}
