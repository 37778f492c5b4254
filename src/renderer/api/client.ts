import type { Channel, EventName } from '../../shared/ipc/channels';
import type {
  EventPayloadOf,
  IpcErrorCode,
  IpcResult,
  RequestOf,
  ResponseOf,
} from '../../shared/ipc/contract';

export interface ApiIssue {
  path: string;
  code: string;
  message: string;
}

/** An {ok:false} answer from main, thrown so callers can use try/catch and error boundaries. */
export class ApiError extends Error {
  readonly code: IpcErrorCode;
  readonly issues: ApiIssue[];

  constructor(code: IpcErrorCode, message: string, issues: ApiIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }
}

/** Raised before any call when the page runs without the preload (e.g. opened in a browser). */
export const BRIDGE_MISSING = 'bridge_missing';

/** Turns main's {ok:false} answer into a thrown ApiError; every call to main goes through it. */
export async function unwrap<T>(call: () => Promise<IpcResult<T>>): Promise<T> {
  if (typeof window.api === 'undefined') throw new ApiError('internal', BRIDGE_MISSING);
  let result: IpcResult<T>;
  try {
    result = await call();
  } catch (cause) {
    // invoke() itself rejects when main has no handler or crashed; keep one error type for callers.
    throw new ApiError('internal', cause instanceof Error ? cause.message : String(cause));
  }
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.issues ?? []);
}

type Res<C extends Channel> = Promise<ResponseOf<C>>;

/** The only way components reach main: one typed function per contract channel. */
export const client = {
  appInfo: (): Res<'app:info'> => unwrap(() => window.api.app.info(undefined)),
  workspaceSummary: (): Res<'workspace:summary'> =>
    unwrap(() => window.api.workspace.summary(undefined)),
  loadSample: (): Res<'workspace:loadSample'> =>
    unwrap(() => window.api.workspace.loadSample(undefined)),
  listClaims: (request: RequestOf<'claims:list'>): Res<'claims:list'> =>
    unwrap(() => window.api.claims.list(request)),
  getClaim: (claimId: string): Res<'claims:get'> =>
    unwrap(() => window.api.claims.get({ claimId })),
  recordDecision: (draft: RequestOf<'decisions:record'>): Res<'decisions:record'> =>
    unwrap(() => window.api.decisions.record(draft)),
  listAudit: (request: RequestOf<'audit:list'>): Res<'audit:list'> =>
    unwrap(() => window.api.audit.list(request)),
  verifyAudit: (): Res<'audit:verify'> => unwrap(() => window.api.audit.verify(undefined)),

  listBatches: (): Res<'batches:list'> => unwrap(() => window.api.batches.list(undefined)),
  getStats: (request: RequestOf<'stats:get'>): Res<'stats:get'> =>
    unwrap(() => window.api.stats.get(request)),
  chooseImportFile: (kind: RequestOf<'import:chooseFile'>['kind']): Res<'import:chooseFile'> =>
    unwrap(() => window.api.import.chooseFile({ kind })),
  inspectImport: (request: RequestOf<'import:inspect'>): Res<'import:inspect'> =>
    unwrap(() => window.api.import.inspect(request)),
  startImport: (request: RequestOf<'import:start'>): Res<'import:start'> =>
    unwrap(() => window.api.import.start(request)),
  cancelImport: (): Res<'import:cancel'> => unwrap(() => window.api.import.cancel(undefined)),
  loadDemo: (): Res<'import:loadDemo'> => unwrap(() => window.api.import.loadDemo(undefined)),
  listQuarantine: (batchId: number): Res<'import:quarantine'> =>
    unwrap(() => window.api.import.quarantine({ batchId })),
  exportQuarantine: (batchId: number): Res<'import:exportQuarantine'> =>
    unwrap(() => window.api.import.exportQuarantine({ batchId })),

  revealContact: (claimId: string): Res<'claims:revealContact'> =>
    unwrap(() => window.api.claims.revealContact({ claimId })),
  claimHistory: (claimId: string): Res<'claims:history'> =>
    unwrap(() => window.api.claims.history({ claimId })),
  queueInfo: (): Res<'queue:info'> => unwrap(() => window.api.queue.info(undefined)),
  queuePage: (request: RequestOf<'queue:page'>): Res<'queue:page'> =>
    unwrap(() => window.api.queue.page(request)),
  queueIds: (request: RequestOf<'queue:ids'>): Res<'queue:ids'> =>
    unwrap(() => window.api.queue.ids(request)),
  openEvidence: (claimId: string, position: number): Res<'evidence:open'> =>
    unwrap(() => window.api.evidence.open({ claimId, position })),
  listPolicies: (): Res<'policy:list'> => unwrap(() => window.api.policy.list(undefined)),
  getPolicy: (version?: number): Res<'policy:get'> =>
    unwrap(() => window.api.policy.get(version === undefined ? {} : { version })),
  createPolicy: (request: RequestOf<'policy:create'>): Res<'policy:create'> =>
    unwrap(() => window.api.policy.create(request)),
  recommendSupport: (request: RequestOf<'support:recommend'>): Res<'support:recommend'> =>
    unwrap(() => window.api.support.recommend(request)),
  listPeople: (): Res<'people:list'> => unwrap(() => window.api.people.list(undefined)),
  addPerson: (request: RequestOf<'people:add'>): Res<'people:add'> =>
    unwrap(() => window.api.people.add(request)),
  setCurrentPerson: (name: string): Res<'people:setCurrent'> =>
    unwrap(() => window.api.people.setCurrent({ name })),
  assignClaims: (request: RequestOf<'assignments:assign'>): Res<'assignments:assign'> =>
    unwrap(() => window.api.assignments.assign(request)),

  listMeetings: (): Res<'meetings:list'> => unwrap(() => window.api.meetings.list(undefined)),
  getMeeting: (meetingId: number): Res<'meetings:get'> =>
    unwrap(() => window.api.meetings.get({ meetingId })),
  openMeeting: (request: RequestOf<'meetings:open'>): Res<'meetings:open'> =>
    unwrap(() => window.api.meetings.open(request)),
  setAttendance: (request: RequestOf<'meetings:setAttendance'>): Res<'meetings:setAttendance'> =>
    unwrap(() => window.api.meetings.setAttendance(request)),
  addToAgenda: (request: RequestOf<'meetings:addToAgenda'>): Res<'meetings:addToAgenda'> =>
    unwrap(() => window.api.meetings.addToAgenda(request)),
  recordVote: (request: RequestOf<'meetings:vote'>): Res<'meetings:vote'> =>
    unwrap(() => window.api.meetings.vote(request)),
  closeVoting: (request: RequestOf<'meetings:closeVoting'>): Res<'meetings:closeVoting'> =>
    unwrap(() => window.api.meetings.closeVoting(request)),
  closeMeeting: (meetingId: number): Res<'meetings:close'> =>
    unwrap(() => window.api.meetings.close({ meetingId })),
  confirmDecision: (request: RequestOf<'meetings:confirm'>): Res<'meetings:confirm'> =>
    unwrap(() => window.api.meetings.confirm(request)),

  chooseAuditorFile: (kind: RequestOf<'auditor:chooseFile'>['kind']): Res<'auditor:chooseFile'> =>
    unwrap(() => window.api.auditor.chooseFile({ kind })),
  verifyDecisionFile: (request: RequestOf<'auditor:verify'>): Res<'auditor:verify'> =>
    unwrap(() => window.api.auditor.verify(request)),
  saveAuditorReport: (request: RequestOf<'auditor:saveReport'>): Res<'auditor:saveReport'> =>
    unwrap(() => window.api.auditor.saveReport(request)),

  chooseRecommendationFiles: (): Res<'recommendations:chooseFiles'> =>
    unwrap(() => window.api.recommendations.chooseFiles(undefined)),
  chooseRecommendationKey: (): Res<'recommendations:chooseKeyFile'> =>
    unwrap(() => window.api.recommendations.chooseKeyFile(undefined)),
  importRecommendations: (files: string[]): Res<'recommendations:import'> =>
    unwrap(() => window.api.recommendations.import({ files })),
  recommendationFiles: (): Res<'recommendations:files'> =>
    unwrap(() => window.api.recommendations.files(undefined)),
  claimRecommendations: (claimId: string): Res<'recommendations:forClaim'> =>
    unwrap(() => window.api.recommendations.forClaim({ claimId })),
  exportRecommendations: (
    request: RequestOf<'recommendations:export'>,
  ): Res<'recommendations:export'> => unwrap(() => window.api.recommendations.export(request)),

  chooseSigner: (): Res<'decisionFiles:chooseSigner'> =>
    unwrap(() => window.api.decisionFiles.chooseSigner(undefined)),
  listDecisionFiles: (request: RequestOf<'decisionFiles:list'>): Res<'decisionFiles:list'> =>
    unwrap(() => window.api.decisionFiles.list(request)),
  exportDecisionFile: (request: RequestOf<'decisionFiles:export'>): Res<'decisionFiles:export'> =>
    unwrap(() => window.api.decisionFiles.export(request)),
  saveDecisionFileCopy: (fileId: number): Res<'decisionFiles:saveCopy'> =>
    unwrap(() => window.api.decisionFiles.saveCopy({ fileId })),

  ledgerSummary: (request: RequestOf<'ledger:summary'> = {}): Res<'ledger:summary'> =>
    unwrap(() => window.api.ledger.summary(request)),
  exportLedger: (request: RequestOf<'ledger:export'>): Res<'ledger:export'> =>
    unwrap(() => window.api.ledger.export(request)),

  listMinutes: (meetingId: number): Res<'minutes:list'> =>
    unwrap(() => window.api.minutes.list({ meetingId })),
  draftMinutes: (meetingId: number): Res<'minutes:draft'> =>
    unwrap(() => window.api.minutes.draft({ meetingId })),
  approveMinutes: (request: RequestOf<'minutes:approve'>): Res<'minutes:approve'> =>
    unwrap(() => window.api.minutes.approve(request)),
  renderMinutes: (request: RequestOf<'minutes:render'>): Res<'minutes:render'> =>
    unwrap(() => window.api.minutes.render(request)),
  exportMinutes: (request: RequestOf<'minutes:export'>): Res<'minutes:export'> =>
    unwrap(() => window.api.minutes.export(request)),

  secretarySummary: (request: RequestOf<'summary:get'> = {}): Res<'summary:get'> =>
    unwrap(() => window.api.summary.get(request)),
};

/**
 * Subscribes to a main-process event. A page without the bridge, or with an older bridge that
 * has no on(), simply gets no events: progress is a nicety, the import's answer is what counts.
 */
export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventPayloadOf<E>) => void,
): () => void {
  const api = typeof window.api === 'undefined' ? undefined : window.api;
  if (!api || typeof api.on !== 'function') return () => undefined;
  return api.on(event, listener);
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal', error instanceof Error ? error.message : String(error));
}
