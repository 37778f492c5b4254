import type { Serve } from '../channel';
import { queueIds, queueInfo, queuePage } from './queue';

/** queue:* — the review grid: its views, a page of rows, the ids a selection covers. */
export const info: Serve<'queue:info'> = (ctx) => queueInfo(ctx);

export const page: Serve<'queue:page'> = (ctx, request) => queuePage(ctx, request);

export const ids: Serve<'queue:ids'> = (ctx, request) => queueIds(ctx, request.query);
