import { z } from 'zod';
import { evidenceFile } from './review-schemas';
import { claimId } from './schemas';

/** The evidence area: opening a claim's stored evidence file. */

export const evidenceContract = {
  'evidence:open': {
    lock: 'write',
    request: z.object({ claimId, position: z.number().int().nonnegative().max(1000) }).strict(),
    response: evidenceFile,
  },
} as const;
