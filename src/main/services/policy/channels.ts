import type { Serve } from '../channel';
import { createPolicyVersion, getPolicy, listPolicies } from './policies';

/** policy:* — the support calculator's policy tables, one immutable version after another. */
export const list: Serve<'policy:list'> = (ctx) => ({ versions: listPolicies(ctx) });

export const get: Serve<'policy:get'> = (ctx, request) => getPolicy(ctx, request.version);

export const create: Serve<'policy:create'> = (ctx, request) => createPolicyVersion(ctx, request);
