import { canonicalJson } from '../canonical-json';

/**
 * What differs between the decisions of a signed original and an altered copy, record by
 * record (matched by claim id). The signatures of a decision file cover it as a whole, so the
 * file alone cannot say which decision changed; given the original (the workspace keeps the
 * exact text of every file it signed) it can, and the auditor sees the claim and the field.
 */
export interface RecordDifference {
  claimId: string;
  kind: 'changed' | 'removed' | 'added';
  /** For 'changed': each top-level field that differs, with both values as canonical JSON. */
  fields: { field: string; original: string; altered: string }[];
}

type Decision = { claimId: string } & Record<string, unknown>;

function isDecision(value: unknown): value is Decision {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { claimId?: unknown }).claimId === 'string'
  );
}

function byClaim(list: unknown): Map<string, Decision> {
  const map = new Map<string, Decision>();
  if (Array.isArray(list)) for (const d of list) if (isDecision(d)) map.set(d.claimId, d);
  return map;
}

const show = (value: unknown): string => (value === undefined ? '—' : canonicalJson(value));

export function diffDecisionRecords(original: unknown, altered: unknown): RecordDifference[] {
  const before = byClaim(original);
  const after = byClaim(altered);
  const differences: RecordDifference[] = [];
  for (const [claimId, was] of before) {
    const now = after.get(claimId);
    if (!now) {
      differences.push({ claimId, kind: 'removed', fields: [] });
      continue;
    }
    const names = [...new Set([...Object.keys(was), ...Object.keys(now)])].sort();
    const fields = names
      .filter((name) => show(was[name]) !== show(now[name]))
      .map((field) => ({ field, original: show(was[field]), altered: show(now[field]) }));
    if (fields.length > 0) differences.push({ claimId, kind: 'changed', fields });
  }
  for (const claimId of after.keys())
    if (!before.has(claimId)) differences.push({ claimId, kind: 'added', fields: [] });
  return differences.sort((a, b) => (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0));
}

/** Top-level fields of the payload other than the decisions that differ (meeting, policy…). */
export function diffPayloadHeader(original: unknown, altered: unknown): string[] {
  const a = (original ?? {}) as Record<string, unknown>;
  const b = (altered ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((name) => name !== 'decisions' && show(a[name]) !== show(b[name]))
    .sort();
}
