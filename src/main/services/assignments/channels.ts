import type { Serve } from '../channel';
import { assignClaims } from './assignments';

/** assignments:* — who reviews which claims. */
export const assign: Serve<'assignments:assign'> = (ctx, request) => assignClaims(ctx, request);
