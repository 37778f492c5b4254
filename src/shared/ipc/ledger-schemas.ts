import { z } from 'zod';
import { krw } from './schemas';

/*
 * The payout ledger (지급 명세): what each claim is paid, on which basis. The app shows the
 * totals and saves the ledger as XLSX or CSV; the rows themselves stay in main.
 */

/** Why a claim is paid: its bracket's fixed amount, or the council's decision. */
export const PAYOUT_BASES = ['tier_30k', 'tier_50k', 'committee'] as const;
export type PayoutBasis = (typeof PAYOUT_BASES)[number];

export const PAYOUT_BASIS_LABELS: Record<PayoutBasis, { ko: string; en: string }> = {
  tier_30k: { ko: '구간 30,000', en: 'Bracket 30,000' },
  tier_50k: { ko: '구간 50,000', en: 'Bracket 50,000' },
  committee: { ko: '위원회 결정', en: 'Council decision' },
};

export const LEDGER_FORMATS = ['xlsx', 'csv'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];
/** utf8 is written with a BOM, so Excel opens it as Hangul; cp949 is what Korean Excel saves. */
export const LEDGER_ENCODINGS = ['utf8', 'cp949'] as const;
export type LedgerEncoding = (typeof LEDGER_ENCODINGS)[number];

const count = z.number().int().nonnegative();
const batchId = z.number().int().positive();
const basisTotal = z.object({ count, total: krw });

export const ledgerSummary = z.object({
  /** null: the whole workspace. */
  batchId: batchId.nullable(),
  byBasis: z.object({ tier_30k: basisTotal, tier_50k: basisTotal, committee: basisTotal }),
  count,
  total: krw,
  /**
   * Committee claims in no payable total because the council has not decided them (no meeting
   * decision yet, or one that deferred them or asked for more evidence).
   */
  awaitingCouncil: count,
  /**
   * Committee claims whose latest record is a decision made outside any meeting: a member's
   * view, not paid (before keys it would have been; the ledger says so).
   */
  outsideMeeting: count,
});
export type LedgerSummary = z.infer<typeof ledgerSummary>;

export const ledgerContract = {
  'ledger:totals': {
    lock: 'none',
    request: z.object({ batchId: batchId.optional() }).strict(),
    response: ledgerSummary,
  },
  'ledger:export': {
    lock: 'write',
    request: z
      .object({
        format: z.enum(LEDGER_FORMATS),
        /** CSV only; defaults to utf8. */
        encoding: z.enum(LEDGER_ENCODINGS).optional(),
        batchId: batchId.optional(),
      })
      .strict()
      .refine((request) => request.format === 'csv' || request.encoding === undefined, {
        path: ['encoding'],
        message: 'an encoding applies to CSV only; XLSX is always Unicode',
      }),
    /** path and summary are null when the save dialog was closed: nothing was written. */
    response: z.object({
      path: z.string().min(1).max(4096).nullable(),
      summary: ledgerSummary.nullable(),
    }),
  },
} as const;
