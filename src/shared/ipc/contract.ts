import { z } from 'zod';
import type { Channel, EventName } from './channels';
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

/**
 * The one IPC contract: main's handlers, the preload and the renderer's client are all typed
 * from this table, and main parses every request (and its own responses) with it.
 */
export const contract = {
  'app:info': {
    request: z.undefined(),
    response: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      actor: z.string(),
    }),
  },
  'workspace:summary': {
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
    request: z.undefined(),
    response: z.object({ batchId: z.number().int().positive(), claims: z.number().int() }),
  },
  'batches:list': {
    request: z.undefined(),
    response: z.object({ batches: z.array(batchSummary) }),
  },
  'stats:get': {
    request: z.object({ batchId: z.number().int().positive().optional() }).strict(),
    response: stats,
  },
  'import:chooseFile': {
    request: z.object({ kind: z.enum(['batch', 'evidence-folder', 'evidence-zip']) }).strict(),
    response: z.object({ path: z.string().nullable() }),
  },
  'import:inspect': {
    request: z
      .object({
        file: z.string().min(1).max(4096),
        sheet: z.string().max(200).nullable().optional(),
      })
      .strict(),
    response: importInspection,
  },
  'import:start': {
    request: importRequest,
    response: importReport,
  },
  'import:cancel': {
    request: z.undefined(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'import:loadDemo': {
    request: z.undefined(),
    response: importReport,
  },
  'import:quarantine': {
    request: z.object({ batchId: z.number().int().positive() }).strict(),
    response: z.object({ entries: z.array(quarantineEntry) }),
  },
  'import:exportQuarantine': {
    request: z.object({ batchId: z.number().int().positive() }).strict(),
    /** path is null when the save dialog was closed without a choice. */
    response: z.object({ path: z.string().nullable(), rows: z.number().int().nonnegative() }),
  },
  'claims:list': {
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
    request: z.object({ claimId }).strict(),
    response: claimDetail,
  },
  'decisions:record': {
    request: decisionDraft.strict(),
    response: decisionRecord,
  },
  'audit:list': {
    request: z
      .object({
        subjectId: z.string().max(64).optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
    response: z.object({ entries: z.array(auditEntry) }),
  },
  'audit:verify': {
    request: z.undefined(),
    response: auditVerification,
  },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;

/** What main pushes to the renderer, each with its payload schema. */
export const events = {
  'import:progress': importProgress,
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
