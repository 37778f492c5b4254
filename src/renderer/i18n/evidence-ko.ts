/** Korean messages of the evidence views, spread into ko.ts. Keys are "evidence.*". */
export const evidenceKo = {} as const;
