import type { Random } from './random';

/**
 * Names of the evidence files a claim lists, relative to the batch's evidence folder:
 * "K-2022-000123/pos_2022-10-15.csv". One folder per claim, as the intake side hands them over.
 */

export const EVIDENCE_KINDS = ['png', 'jpg', 'pdf', 'csv', 'xlsx', 'txt'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

const STEMS: Record<EvidenceKind, readonly string[]> = {
  csv: ['pos_2022-10-15', 'pos_2022-10-16', 'pos_2022-10-08'],
  xlsx: ['sales_ledger_2022-10', 'sales_ledger_2022-09'],
  pdf: ['bank_statement_2022-10', 'cancelled_orders'],
  png: ['screenshot_orders', 'sales_chart'],
  jpg: ['receipt_1015', 'receipt_1016'],
  // Claimants name their own write-ups in Korean; the importer must cope with that in a zip.
  txt: ['피해경위서', 'note'],
};

const KIND_WEIGHTS: readonly (readonly [EvidenceKind, number])[] = [
  ['csv', 25],
  ['xlsx', 20],
  ['pdf', 20],
  ['png', 15],
  ['jpg', 15],
  ['txt', 5],
];

/**
 * A scan the claimant mentioned but never uploaded. The stem is used for nothing else, so the
 * folder writer can tell which names are meant to be missing without any side channel.
 */
const MISSING_FILE = 'receipt_scan.jpg';

/** About one committee-review claim in 200 names a file that is not in the folder. */
export const MISSING_EVIDENCE_RATE = 1 / 200;

export function isDeliberatelyMissing(name: string): boolean {
  return name.endsWith(`/${MISSING_FILE}`);
}

export function evidenceKindOf(name: string): EvidenceKind | null {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return (EVIDENCE_KINDS as readonly string[]).includes(ext) ? (ext as EvidenceKind) : null;
}

/** 1 to 4 distinct files, occasionally one that will not exist. */
export function pickEvidenceNames(rnd: Random, claimId: string): string[] {
  const count = rnd.weighted<number>([
    [1, 25],
    [2, 35],
    [3, 25],
    [4, 15],
  ]);
  const names: string[] = [];
  for (let tries = 0; names.length < count && tries < 20; tries += 1) {
    const kind = rnd.weighted(KIND_WEIGHTS);
    const name = `${claimId}/${rnd.pick(STEMS[kind])}.${kind}`;
    if (!names.includes(name)) names.push(name);
  }
  if (rnd.chance(MISSING_EVIDENCE_RATE)) {
    const missing = `${claimId}/${MISSING_FILE}`;
    if (names.length >= 4) names[names.length - 1] = missing;
    else names.push(missing);
  }
  return names;
}
