import type { policyKo } from './policy-ko';

/** English messages of the policy views; the type makes it carry exactly policyKo's keys. */
export const policyEn: Record<keyof typeof policyKo, string> = {};
