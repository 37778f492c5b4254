import { verifyAudit, listAuditEntries } from '../services/audit';
import { getClaimDetail, listClaimSummaries } from '../services/claims';
import type { ServiceContext } from '../services/context';
import { recordDecision } from '../services/decisions';
import { loadSampleClaims, workspaceSummary } from '../services/workspace';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { Handlers } from './router';

/** One handler per channel; `satisfies` makes a missing or mistyped one a compile error. */
export function createHandlers(ctx: ServiceContext, appVersion: string) {
  return {
    'app:info': () => ({
      appVersion,
      schemaVersion: LATEST_SCHEMA_VERSION,
      dataDir: ctx.dataDir,
      actor: ctx.actor,
    }),
    'workspace:summary': () => workspaceSummary(ctx),
    'workspace:loadSample': () => loadSampleClaims(ctx),
    'claims:list': (request) => listClaimSummaries(ctx, request),
    'claims:get': (request) => getClaimDetail(ctx, request.claimId),
    'decisions:record': (request) => recordDecision(ctx, request),
    'audit:list': (request) => listAuditEntries(ctx, request),
    'audit:verify': () => verifyAudit(ctx),
  } satisfies Handlers;
}
