/** Korean messages of the review views, spread into ko.ts. Keys are "review.*". */
export const reviewKo = {} as const;
