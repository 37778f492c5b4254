import type { Serve } from '../channel';
import {
  claimHistory,
  getClaimDetail,
  listClaimSummaries,
  revealContact as reveal,
} from './claims';

/** claims:* — one claim, its list and its history. */
export const list: Serve<'claims:list'> = (ctx, request) => listClaimSummaries(ctx, request);

export const get: Serve<'claims:get'> = (ctx, request) => getClaimDetail(ctx, request.claimId);

export const revealContact: Serve<'claims:revealContact'> = (ctx, request) =>
  reveal(ctx, request.claimId);

export const history: Serve<'claims:history'> = (ctx, request) =>
  claimHistory(ctx, request.claimId);
