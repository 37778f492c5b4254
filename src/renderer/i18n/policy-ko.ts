/** Korean messages of the policy views, spread into ko.ts. Keys are "policy.*". */
export const policyKo = {} as const;
