/** Schemas of member recommendations in the app: one entry per channel of RECOMMENDATION_CHANNELS. */
export const recommendationContract = {} as const;
