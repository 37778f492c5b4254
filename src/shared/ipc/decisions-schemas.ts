import { decisionDraft, decisionRecord } from './schemas';

/** The decisions area: recording a claim's decision (or amending one). */

export const decisionsContract = {
  'decisions:record': {
    lock: 'write',
    request: decisionDraft.strict(),
    response: decisionRecord,
  },
} as const;
