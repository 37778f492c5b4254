/** Schemas of keys, the roster and signed exports in the app: one entry per channel of SIGNING_CHANNELS. */
export const signingContract = {} as const;
