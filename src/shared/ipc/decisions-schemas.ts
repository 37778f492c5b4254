import { decisionDraft, decisionRecord } from './schemas';
import { VOTERS } from '../domain/acts';

/** The decisions area: recording a claim's decision (or amending one). */

export const decisionsContract = {
  'decisions:record': {
    lock: 'write',
    roles: VOTERS,
    request: decisionDraft.strict(),
    response: decisionRecord,
  },
} as const;
