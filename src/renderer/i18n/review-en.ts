import type { reviewKo } from './review-ko';

/** English messages of the review views; the type makes it carry exactly reviewKo's keys. */
export const reviewEn: Record<keyof typeof reviewKo, string> = {};
