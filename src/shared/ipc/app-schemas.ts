import { z } from 'zod';

/** The app area: what the main process reports about itself. */

export const appContract = {
  'app:info': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      actor: z.string(),
    }),
  },
} as const;
