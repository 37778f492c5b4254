/**
 * Appeals (이의신청): a claimant objects to how a claim was settled, by bracket or by the
 * council. The secretary admits the appeal to council review (the claim is re-tiered to
 * committee_review) or rejects it; either way with a reason. Until then it is filed (접수).
 */

/** Where an appeal stands: waiting for a ruling, admitted to council review, or rejected. */
export const APPEAL_STATES = ['filed', 'admitted', 'rejected'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];

/** What the secretary rules; the state it leads to has the same name. */
export const APPEAL_RULINGS = ['admitted', 'rejected'] as const;
export type AppealRuling = (typeof APPEAL_RULINGS)[number];

/** The words the grid, the summary and the minutes use, which the grid's filter matches. */
export const APPEAL_STATE_LABELS: Record<AppealState, { ko: string; en: string }> = {
  filed: { ko: '접수', en: 'Filed' },
  admitted: { ko: '인용', en: 'Admitted' },
  rejected: { ko: '기각', en: 'Rejected' },
};

/** "이의신청 #3": how an appeal is named in a claim version's reason and in messages. */
export function appealName(id: number): string {
  return `이의신청 #${id}`;
}

/**
 * The difference a re-tiered claim is still owed: the council's amount less the bracket already
 * paid, never below nothing (a council that grants less than the bracket claws nothing back).
 */
export function stillPayable(decided: number, alreadyPaid: number): number {
  return Math.max(0, decided - alreadyPaid);
}
