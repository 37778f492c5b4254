import type { AppealView } from '../../../shared/ipc/appeals-schemas';
import { listAppeals } from '../../db/repositories/appeals';
import { claimExistence } from '../../db/repositories/claims';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/** Every appeal in the workspace, or one claim's, oldest first, each with where it stands. */
export function listAppealsOf(
  ctx: ServiceContext,
  request: { claimId?: string | undefined } = {},
): AppealView[] {
  const claimId = request.claimId ?? null;
  if (claimId !== null && !claimExistence(ctx.db)(claimId))
    throw new ServiceError('not_found', `claim ${claimId} does not exist`);
  return listAppeals(ctx.db, claimId);
}
