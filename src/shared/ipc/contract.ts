import type { z } from 'zod';
import type { Channel, EventName } from './channels';
import type { ChannelRules, PathIn } from './channel-rules';
import { appContract } from './app-schemas';
import { workspaceContract } from './workspace-schemas';
import { importProgress, intakeContract } from './intake-schemas';
import { supplementsContract } from './supplements-schemas';
import { appealsContract } from './appeals-schemas';
import { correctionsContract } from './corrections-schemas';
import { samplingContract } from './sampling-schemas';
import { statsContract } from './stats-schemas';
import { claimsContract } from './claims-schemas';
import { queueContract } from './queue-schemas';
import { evidenceContract } from './evidence-schemas';
import { policyContract } from './policy-schemas';
import { supportContract } from './support-schemas';
import { peopleContract } from './people-schemas';
import { assignmentsContract } from './assignments-schemas';
import { decisionsContract } from './decisions-schemas';
import { amendmentsContract } from './amendments-schemas';
import { auditLogContract } from './audit-log-schemas';
import { meetingsContract } from './meeting-schemas';
import { auditorContract } from './auditor-schemas';
import { decisionFileContract } from './decision-file-schemas';
import { minutesContract } from './minutes-schemas';
import { ledgerContract } from './ledger-schemas';
import { payoutsContract } from './payouts-schemas';
import { recommendationContract } from './recommendation-schemas';
import { signingContract } from './signing-schemas';
import { vaultContract, vaultLocked } from './vault-schemas';
import { backupContract, backupProgressEvent, backupRequested } from './backup-schemas';

/**
 * The one IPC contract: each channel once, with its schemas and its rules (channel-rules.ts).
 * The channel list, main's handler map, the preload and the renderer's client all derive from
 * this table; main parses every request (and its own responses) with it, and its router applies
 * the rules.
 */
export const contract = {
  ...vaultContract,
  ...backupContract,
  ...appContract,
  ...workspaceContract,
  ...intakeContract,
  ...supplementsContract,
  ...appealsContract,
  ...correctionsContract,
  ...samplingContract,
  ...statsContract,
  ...claimsContract,
  ...queueContract,
  ...evidenceContract,
  ...policyContract,
  ...supportContract,
  ...peopleContract,
  ...assignmentsContract,
  ...decisionsContract,
  ...amendmentsContract,
  ...auditLogContract,
  ...meetingsContract,
  ...auditorContract,
  ...decisionFileContract,
  ...minutesContract,
  ...ledgerContract,
  ...payoutsContract,
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
  'vault:locked': vaultLocked,
  'backup:progress': backupProgressEvent,
  'backup:requested': backupRequested,
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
  'locked',
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

/** "claims:list" -> "claims": the areas of a set of channels. */
export type AreaOf<C extends string> = C extends `${infer A}:${string}` ? A : never;
/** The verbs of area A among channels C: "claims:list" -> "list". */
export type VerbOf<C extends string, A extends string> = C extends `${A}:${infer V}` ? V : never;

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
