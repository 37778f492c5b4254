/**
 * The support policy for over-500,000 KRW claims (docs/domain.md): three factor tables and how the
 * result is rounded. A policy is a numbered version; a change is a new version, never an edit.
 * Factors are integer basis points (10,000 = 1.0) so the calculation stays in integers.
 */

export const POLICY_TABLES = ['margin', 'alternative', 'kakaoShare'] as const;
export type PolicyTable = (typeof POLICY_TABLES)[number];

/** Which claim field picks a row of each table. */
export const POLICY_TABLE_KEYS: Record<PolicyTable, 'industry' | 'service'> = {
  margin: 'industry',
  alternative: 'service',
  kakaoShare: 'service',
};

/** The key of the row used when a claim's industry or service is not in the table. */
export const DEFAULT_ROW_KEY = '*';

export const BASIS_POINTS = 10_000;

export interface PolicyRow {
  /** An industry (margin) or a service (alternative, kakaoShare), or "*" for the fallback. */
  key: string;
  /** 0..10,000: the factor times 10,000. */
  factorBp: number;
  /** Where the figure comes from, as the council would cite it. */
  source: string;
}

export const ROUNDING_MODES = ['floor', 'round', 'ceil'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];
export const ROUNDING_UNITS = [1, 10, 100, 1000, 10_000] as const;

export interface SupportPolicyBody {
  margin: PolicyRow[];
  alternative: PolicyRow[];
  kakaoShare: PolicyRow[];
  rounding: { mode: RoundingMode; unit: (typeof ROUNDING_UNITS)[number] };
  /** No recommendation below this (the bracket below paid 50,000). */
  minimumAmount: number;
  /** No recommendation above this; null for no cap. */
  maximumAmount: number | null;
}

export interface SupportPolicy {
  version: number;
  basedOn: number | null;
  createdAt: string;
  createdBy: string;
  note: string;
  bodyHash: string;
  body: SupportPolicyBody;
}

/** One factor as the calculation used it: the row it came from, so a reviewer can cite it. */
export interface FactorUse {
  table: PolicyTable;
  /** Position of the row in its table (0-based). */
  rowIndex: number;
  key: string;
  /** True when the claim's industry or service was not in the table and "*" was used. */
  fallback: boolean;
  factorBp: number;
  source: string;
}

export interface SupportCalculation {
  policyVersion: number;
  verifiedLoss: number;
  factors: Record<PolicyTable, FactorUse>;
  /** verifiedLoss x the three factors, before rounding and limits (may be fractional). */
  unrounded: number;
  /** What the calculator advises, integer KRW, rounded and limited as the policy says. */
  recommended: number;
}
