import type { Serve } from '../channel';
import { openEvidenceFile } from './open';

/** evidence:* — a claim's evidence files, each opening recorded. */
export const open: Serve<'evidence:open'> = (ctx, request) =>
  openEvidenceFile(ctx, request.claimId, request.position);
