import type { Serve } from '../channel';
import { cosignAmendment, listAmendments, proposeAmendment } from './amendments';

/** amendments:* — the council's decision changed outside a meeting, by two keys. */
export const list: Serve<'amendments:list'> = (ctx, request) =>
  listAmendments(ctx, request.claimId);
export const propose: Serve<'amendments:propose'> = (ctx, request) =>
  proposeAmendment(ctx, request);
export const cosign: Serve<'amendments:cosign'> = (ctx, request) =>
  cosignAmendment(ctx, request.amendmentId);
