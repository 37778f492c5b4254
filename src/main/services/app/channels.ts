import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import type { Serve } from '../channel';

/** app:* — what the app is and where its data lives. */
export const info: Serve<'app:info'> = (ctx, _request, { platform }) => ({
  appVersion: platform.appVersion,
  schemaVersion: LATEST_SCHEMA_VERSION,
  dataDir: ctx.dataDir,
  actor: ctx.actor,
});
