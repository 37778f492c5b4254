import type { Serve } from '../channel';
import { recordDecision } from './decisions';

/** decisions:* — a member's decision on a claim. */
export const record: Serve<'decisions:record'> = (ctx, request) => recordDecision(ctx, request);
