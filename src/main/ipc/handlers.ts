import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { listBatches } from '../db/repositories/batches';
import { listQuarantine } from '../db/repositories/quarantine';
import { listAuditEntries, verifyAudit } from '../services/audit';
import {
  claimHistory,
  getClaimDetail,
  listClaimSummaries,
  revealContact,
} from '../services/claims';
import { assignClaims } from '../services/assignments';
import { reportFileName, saveAuditorReport, verifyForAuditor } from '../services/auditor';
import { openEvidenceFile } from '../services/evidence/open';
import { addPerson, listPeople, setCurrentPerson } from '../services/people';
import { queueIds, queueInfo, queuePage } from '../services/queue/queue';
import { createPolicyVersion, getPolicy, listPolicies } from '../services/support/policies';
import { recordSupportCalculation } from '../services/support/record-calculation';
import type { ServiceContext } from '../services/context';
import { recordDecision } from '../services/decisions';
import {
  addToAgenda,
  closeMeeting,
  closeVoting,
  confirmFinalDecision,
  getMeeting,
  listMeetings,
  openMeeting,
  recordVote,
  setAttendance,
} from '../services/meetings';
import { inspectBatchFile } from '../services/intake/inspect';
import { exportQuarantineCsv } from '../services/intake/quarantine-export';
import { ImportRunner } from '../services/intake/runner';
import { batchStats } from '../services/stats';
import { loadSampleClaims, workspaceSummary } from '../services/workspace';
import { PathGrants } from './path-grants';
import type { Platform } from './platform';
import { demoBatchPaths } from '../demo/demo-batch-paths';
import type { Handlers } from './router';
import { decisionFileHandlers } from './decision-file-handlers';
import { minutesHandlers } from './minutes-handlers';
import { ledgerHandlers } from './ledger-handlers';
import { summaryHandlers } from './summary-handlers';
import { recommendationHandlers } from './recommendation-handlers';
import { signingHandlers } from './signing-handlers';

/** One handler per channel; `satisfies` makes a missing or mistyped one a compile error. */
export function createHandlers(
  ctx: ServiceContext,
  platform: Platform,
  runner: ImportRunner = new ImportRunner(),
  grants: PathGrants = new PathGrants(),
) {
  return {
    'app:info': () => ({
      appVersion: platform.appVersion,
      schemaVersion: LATEST_SCHEMA_VERSION,
      dataDir: ctx.dataDir,
      actor: ctx.actor,
    }),
    'workspace:counts': () => workspaceSummary(ctx),
    'workspace:loadSample': () => loadSampleClaims(ctx),
    'intake:batches': () => ({ batches: listBatches(ctx.db) }),
    'stats:get': (request) => batchStats(ctx, request.batchId),
    'intake:chooseFile': async (request) => {
      const path = await platform.chooseFile(request.kind);
      if (path !== null) grants.grant(path);
      return { path };
    },
    'intake:inspect': (request) => inspectBatchFile(request.file, request.sheet ?? null),
    'intake:start': (request) => runner.run(ctx, request),
    'intake:cancel': () => ({ cancelled: runner.cancel() }),
    'intake:loadDemo': () => runner.run(ctx, demoBatchPaths(platform.resourcesDir)),
    'intake:quarantine': (request) => ({
      entries: listQuarantine(ctx.db, request.batchId).map(({ sourceRow, ...entry }) => ({
        ...entry,
        row: sourceRow,
      })),
    }),
    'intake:exportQuarantine': async (request) => {
      const path = await platform.chooseSavePath(`quarantine-batch-${request.batchId}.csv`);
      if (path === null) return { path: null, rows: 0 };
      return { path, ...exportQuarantineCsv(ctx, request.batchId, path) };
    },
    'claims:list': (request) => listClaimSummaries(ctx, request),
    'claims:get': (request) => getClaimDetail(ctx, request.claimId),
    'claims:revealContact': (request) => revealContact(ctx, request.claimId),
    'claims:history': (request) => claimHistory(ctx, request.claimId),
    'queue:info': () => queueInfo(ctx),
    'queue:page': (request) => queuePage(ctx, request),
    'queue:ids': (request) => queueIds(ctx, request.query),
    'evidence:open': (request) => openEvidenceFile(ctx, request.claimId, request.position),
    'policy:list': () => ({ versions: listPolicies(ctx) }),
    'policy:get': (request) => getPolicy(ctx, request.version),
    'policy:create': (request) => createPolicyVersion(ctx, request),
    'support:calculate': (request) => recordSupportCalculation(ctx, request),
    'people:list': () => listPeople(ctx),
    'people:add': (request) => addPerson(ctx, request),
    'people:setCurrent': (request) => setCurrentPerson(ctx, request.name),
    'assignments:assign': (request) => assignClaims(ctx, request),
    'decisions:record': (request) => recordDecision(ctx, request),
    'auditLog:list': (request) => listAuditEntries(ctx, request),
    'auditLog:verify': () => verifyAudit(ctx),
    'meetings:list': () => listMeetings(ctx),
    'meetings:get': (request) => getMeeting(ctx, request.meetingId),
    'meetings:open': (request) => openMeeting(ctx, request),
    'meetings:setAttendance': (request) => setAttendance(ctx, request),
    'meetings:addToAgenda': (request) => addToAgenda(ctx, request),
    'meetings:vote': (request) => recordVote(ctx, request),
    'meetings:closeVoting': (request) => closeVoting(ctx, request),
    'meetings:close': (request) => closeMeeting(ctx, request.meetingId),
    'meetings:confirm': (request) => confirmFinalDecision(ctx, request),
    'auditor:chooseFile': async (request) => {
      const path = await platform.chooseFile(request.kind);
      if (path !== null) grants.grant(path);
      return { path };
    },
    'auditor:verify': (request) => verifyForAuditor(ctx, request),
    'auditor:saveReport': async (request) => {
      const path = await platform.chooseSavePath(reportFileName(request.report, request.format));
      if (path === null) return { path: null };
      saveAuditorReport(path, request.report, request.format);
      return { path };
    },
    ...decisionFileHandlers(ctx, platform, runner, grants),
    ...minutesHandlers(ctx, platform, runner, grants),
    ...ledgerHandlers(ctx, platform, runner, grants),
    ...summaryHandlers(ctx, platform, runner, grants),
    ...recommendationHandlers(ctx, platform, runner, grants),
    ...signingHandlers(ctx, platform, runner, grants),
  } satisfies Handlers;
}
