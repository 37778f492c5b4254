import type { evidenceKo } from './evidence-ko';

/** English messages of the evidence views; the type makes it carry exactly evidenceKo's keys. */
export const evidenceEn: Record<keyof typeof evidenceKo, string> = {};
