import { z } from 'zod';
import type { Channel, EventName } from './channels';
import type { ChannelRules, PathIn } from './channel-rules';
import {
  auditEntry,
  auditVerification,
  claimDetail,
  claimId,
  claimSummary,
  decisionDraft,
  decisionRecord,
  krw,
} from './schemas';
import { TIERS } from '../domain/tier';
import {
  batchSummary,
  importInspection,
  importProgress,
  importReport,
  importRequest,
  quarantineEntry,
  stats,
} from './import-schemas';
import { REVIEW_STATES } from '../domain/decision';
import {
  claimFlagDetail,
  evidenceFile,
  historyEvent,
  person,
  personName,
  policySummary,
  queueRow,
  supportCalculation,
  supportPolicy,
  supportPolicyBody,
} from './review-schemas';
import { queueQuery } from './queue-query';
import {
  addToAgendaRequest,
  agendaItemRequest,
  confirmDecisionRequest,
  meetingDetail,
  meetingId,
  meetingSummary,
  openMeetingRequest,
  setAttendanceRequest,
  voteRequest,
} from './meeting-schemas';
import {
  auditorChooseFileRequest,
  auditorReport,
  auditorSaveReportRequest,
  auditorVerifyRequest,
} from './auditor-schemas';
import { decisionFileContract } from './decision-file-schemas';
import { minutesContract } from './minutes-schemas';
import { ledgerContract } from './ledger-schemas';
import { summaryContract } from './summary-schemas';
import { recommendationContract } from './recommendation-schemas';
import { signingContract } from './signing-schemas';

/**
 * The one IPC contract: each channel once, with its schemas and its rules (channel-rules.ts).
 * The channel list, main's handler map, the preload and the renderer's client all derive from
 * this table; main parses every request (and its own responses) with it, and its router applies
 * the rules.
 */
export const contract = {
  'app:info': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      actor: z.string(),
    }),
  },
  'workspace:counts': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({
      batches: z.number().int().nonnegative(),
      claims: z.number().int().nonnegative(),
      reviewQueue: z.number().int().nonnegative(),
      decided: z.number().int().nonnegative(),
      reviewQueueClaimedTotal: krw,
    }),
  },
  'workspace:loadSample': {
    lock: 'write',
    request: z.undefined(),
    response: z.object({ batchId: z.number().int().positive(), claims: z.number().int() }),
  },
  'intake:batches': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ batches: z.array(batchSummary) }),
  },
  'stats:get': {
    lock: 'none',
    request: z.object({ batchId: z.number().int().positive().optional() }).strict(),
    response: stats,
  },
  'intake:chooseFile': {
    lock: 'none',
    request: z.object({ kind: z.enum(['batch', 'evidence-folder', 'evidence-zip']) }).strict(),
    response: z.object({ path: z.string().nullable() }),
  },
  'intake:inspect': {
    lock: 'none',
    paths: ['file'],
    request: z
      .object({
        file: z.string().min(1).max(4096),
        sheet: z.string().max(200).nullable().optional(),
      })
      .strict(),
    response: importInspection,
  },
  'intake:start': {
    lock: 'import',
    paths: ['file', 'evidence'],
    request: importRequest,
    response: importReport,
  },
  'intake:cancel': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'intake:loadDemo': {
    lock: 'import',
    request: z.undefined(),
    response: importReport,
  },
  'intake:quarantine': {
    lock: 'none',
    request: z.object({ batchId: z.number().int().positive() }).strict(),
    response: z.object({ entries: z.array(quarantineEntry) }),
  },
  'intake:exportQuarantine': {
    lock: 'none',
    request: z.object({ batchId: z.number().int().positive() }).strict(),
    /** path is null when the save dialog was closed without a choice. */
    response: z.object({ path: z.string().nullable(), rows: z.number().int().nonnegative() }),
  },
  'claims:list': {
    lock: 'none',
    request: z
      .object({
        tier: z.enum(TIERS).optional(),
        reviewState: z.enum(REVIEW_STATES).optional(),
        limit: z.number().int().min(1).max(100_000).optional(),
      })
      .strict(),
    response: z.object({ claims: z.array(claimSummary), total: z.number().int() }),
  },
  'claims:get': {
    lock: 'none',
    request: z.object({ claimId }).strict(),
    response: claimDetail.extend({
      flags: z.array(claimFlagDetail),
      assignee: z.string().nullable(),
    }),
  },
  'claims:revealContact': {
    lock: 'write',
    request: z.object({ claimId }).strict(),
    /** The unmasked contact; the reveal is written to the audit log first. */
    response: z.object({ claimId, contact: z.string().nullable() }),
  },
  'claims:history': {
    lock: 'none',
    request: z.object({ claimId }).strict(),
    response: z.object({ events: z.array(historyEvent) }),
  },
  'queue:info': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({
      /** Identifies the workspace, so a grid layout is remembered per workspace. */
      workspaceId: z.string(),
      claims: z.number().int().nonnegative(),
      /** Claims assigned to the person at this machine: their default view when any. */
      assignedToMe: z.number().int().nonnegative(),
      policyVersion: z.number().int().positive().nullable(),
    }),
  },
  'queue:page': {
    lock: 'none',
    request: z
      .object({
        query: queueQuery,
        startRow: z.number().int().nonnegative(),
        endRow: z.number().int().positive(),
      })
      .strict()
      .refine((r) => r.endRow > r.startRow && r.endRow - r.startRow <= 1000, {
        message: 'a page is 1 to 1,000 rows',
      }),
    response: z.object({ rows: z.array(queueRow), total: z.number().int().nonnegative() }),
  },
  'queue:ids': {
    lock: 'none',
    request: z.object({ query: queueQuery }).strict(),
    response: z.object({ claimIds: z.array(z.string()) }),
  },
  'evidence:open': {
    lock: 'write',
    request: z.object({ claimId, position: z.number().int().nonnegative().max(1000) }).strict(),
    response: evidenceFile,
  },
  'policy:list': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ versions: z.array(policySummary) }),
  },
  'policy:get': {
    lock: 'none',
    /** No version: the latest. */
    request: z.object({ version: z.number().int().positive().optional() }).strict(),
    response: supportPolicy,
  },
  'policy:create': {
    lock: 'write',
    request: z
      .object({
        basedOn: z.number().int().positive(),
        note: z.string().trim().min(1).max(2000),
        body: supportPolicyBody,
      })
      .strict(),
    response: supportPolicy,
  },
  'support:calculate': {
    lock: 'write',
    request: z
      .object({ claimId, verifiedLoss: krw, policyVersion: z.number().int().positive() })
      .strict(),
    response: supportCalculation,
  },
  'people:list': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ people: z.array(person), current: person.nullable() }),
  },
  'people:add': {
    lock: 'write',
    request: person.strict(),
    response: person,
  },
  'people:setCurrent': {
    lock: 'write',
    request: z.object({ name: personName }).strict(),
    response: z.object({ current: person }),
  },
  'assignments:assign': {
    lock: 'write',
    request: z
      .object({
        claimIds: z.array(claimId).min(1).max(200_000),
        /** null takes the claims off anyone's list. */
        assignee: personName.nullable(),
      })
      .strict(),
    response: z.object({ assigned: z.number().int().nonnegative() }),
  },
  'decisions:record': {
    lock: 'write',
    request: decisionDraft.strict(),
    response: decisionRecord,
  },
  'auditLog:list': {
    lock: 'none',
    request: z
      .object({
        subjectId: z.string().max(64).optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
    response: z.object({ entries: z.array(auditEntry) }),
  },
  'auditLog:verify': {
    lock: 'none',
    request: z.undefined(),
    response: auditVerification,
  },
  'meetings:list': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ meetings: z.array(meetingSummary) }),
  },
  'meetings:get': {
    lock: 'none',
    request: z.object({ meetingId }).strict(),
    response: meetingDetail,
  },
  'meetings:open': { lock: 'write', request: openMeetingRequest, response: meetingDetail },
  'meetings:setAttendance': {
    lock: 'write',
    request: setAttendanceRequest,
    response: meetingDetail,
  },
  'meetings:addToAgenda': { lock: 'write', request: addToAgendaRequest, response: meetingDetail },
  'meetings:vote': { lock: 'write', request: voteRequest, response: meetingDetail },
  'meetings:closeVoting': { lock: 'write', request: agendaItemRequest, response: meetingDetail },
  'meetings:close': {
    lock: 'write',
    request: z.object({ meetingId }).strict(),
    response: meetingDetail,
  },
  /** Chair only: the item's frozen result becomes the claim's decision, sourced to the meeting. */
  'meetings:confirm': {
    lock: 'write',
    request: confirmDecisionRequest,
    response: z.object({
      decision: decisionRecord,
      meeting: meetingDetail,
    }),
  },
  /** Auditor mode is read-only: it reads files the person chose and writes only the saved report. */
  'auditor:chooseFile': {
    lock: 'none',
    request: auditorChooseFileRequest,
    response: z.object({ path: z.string().nullable() }),
  },
  'auditor:verify': {
    lock: 'none',
    paths: ['file', 'roster', 'evidence', 'previousFile'],
    request: auditorVerifyRequest,
    response: auditorReport,
  },
  'auditor:saveReport': {
    lock: 'none',
    request: auditorSaveReportRequest,
    /** path is null when the save dialog was closed without a choice. */
    response: z.object({ path: z.string().nullable() }),
  },
  ...decisionFileContract,
  ...minutesContract,
  ...ledgerContract,
  ...summaryContract,
  ...recommendationContract,
  ...signingContract,
} as const satisfies Record<string, ContractEntry>;

/** A channel's entry: what it takes, what it answers, and the rules the router applies. */
export type ContractEntry = { request: z.ZodType; response: z.ZodType } & ChannelRules;

export type Contract = typeof contract;

/** The `paths` of each channel that name no string field of its request: must be none. */
type UnknownPaths = {
  [C in Channel]: Contract[C] extends { paths: readonly (infer P)[] }
    ? Exclude<P, PathIn<RequestOf<C>>>
    : never;
}[Channel];
type MustBeNone<T extends never> = T;
/** A compile error naming the path when a `paths` entry does not fit its request. */
export type PathsFitTheirRequests = MustBeNone<UnknownPaths>;

/** What main pushes to the renderer, each with its payload schema. */
export const events = {
  'intake:progress': importProgress,
} as const satisfies Record<EventName, z.ZodType>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;
/** What a caller passes (before defaults and trimming). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives, after parsing. */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const IPC_ERROR_CODES = [
  'unknown_channel',
  'untrusted_sender',
  'invalid_payload',
  'validation_failed',
  'not_found',
  'conflict',
  'forbidden',
  'internal',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcError {
  code: IpcErrorCode;
  message: string;
  /** Where the problem is: zod issue paths, or domain issues with field and code. */
  issues?: { path: string; code: string; message: string }[];
}

/** Errors cross IPC as values: Electron drops custom properties of thrown errors. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

type AreaOf<C extends string> = C extends `${infer A}:${string}` ? A : never;
type VerbOf<C extends string, A extends string> = C extends `${A}:${infer V}` ? V : never;

/** window.api: one function per channel, grouped by area (window.api.claims.list(...)), plus on(). */
export type WindowApi = ChannelApi & {
  /** Subscribes to a main-process event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
};

type ChannelApi = {
  [A in AreaOf<Channel>]: {
    [V in VerbOf<Channel, A>]: (
      request: RequestOf<Extract<Channel, `${A}:${V}`>>,
    ) => Promise<IpcResult<ResponseOf<Extract<Channel, `${A}:${V}`>>>>;
  };
};
