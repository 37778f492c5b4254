import { EVIDENCE_PROBLEM_LABELS, type EvidenceProblem } from '../../../../shared/domain/evidence';

/** One file as the claim lists it; its index in the list is its position for evidence:open. */
export interface EvidenceItem {
  fileName: string;
  status: 'stored' | 'missing' | 'rejected';
  sha256: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  problem: string | null;
}

/** The shared ko/en label of a problem code; an unknown code (a newer import) shows as is. */
export function problemLabel(problem: string | null): { ko: string; en: string } | null {
  if (problem === null) return null;
  return Object.hasOwn(EVIDENCE_PROBLEM_LABELS, problem)
    ? EVIDENCE_PROBLEM_LABELS[problem as EvidenceProblem]
    : { ko: problem, en: problem };
}
