import type { Serve } from '../channel';
import { fileAppeal } from './file';
import { listAppealsOf } from './list';
import { ruleOnAppeal } from './rule';

/** appeals:* — a claimant's appeal recorded, ruled on by the secretary, and listed. */
export const file: Serve<'appeals:file'> = (ctx, request) => fileAppeal(ctx, request);

export const rule: Serve<'appeals:rule'> = (ctx, request) => ruleOnAppeal(ctx, request);

export const list: Serve<'appeals:list'> = (ctx, request) => ({
  appeals: listAppealsOf(ctx, request),
});
