import type { z } from 'zod';
import { isChannel, type Channel } from '../../shared/ipc/channels';
import {
  contract,
  type ContractEntry,
  type IpcError,
  type IpcResult,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../shared/ipc/contract';
import { valuesAtPath } from '../../shared/ipc/channel-rules';
import { actRefusalIssue } from '../../shared/domain/acts';
import type { PersonRole } from '../../shared/ipc/review-schemas';
import { ActNotPermittedError } from '../db/errors';
import { ServiceError } from '../services/errors';
import type { ImportRunner } from '../services/intake/runner';
import type { PathGrants } from './path-grants';
import type { IpcSender } from './sender';

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

export interface Router {
  handle(sender: IpcSender, channel: unknown, payload: unknown): Promise<IpcResult<unknown>>;
}

export interface RouterOptions {
  isTrustedSender: (sender: IpcSender) => boolean;
  /** The paths the person chose in main's dialogs or dropped: the only files a request may name. */
  grants: PathGrants;
  /** The workspace's write lock, shared with imports: `write` channels run through it. */
  writeLock: Pick<ImportRunner, 'write' | 'importRunning'>;
  /** The roster role of the person acting at this machine (their unlocked key), or null. */
  actingRole: () => PersonRole | null;
  /** Whether the workspace is open; while it is locked only `whileLocked` channels answer. */
  workspaceOpen: () => boolean;
  /** Where unexpected errors go; the renderer only ever sees a generic message. */
  logError?: (error: unknown, channel: Channel) => void;
}

function issuesOf(error: z.ZodError): IpcError['issues'] {
  return error.issues.map((issue) => ({
    path: issue.path.join('.') || '(payload)',
    code: issue.code,
    message: issue.message,
  }));
}

function fail(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}

/**
 * The one door into main: checks who is asking, that the channel exists and the payload fits
 * its schema, applies the channel's rules from the contract (the acting person's roster role is
 * one the channel allows; every path it names was granted; a write goes through the write lock,
 * refused while an import runs), runs the handler, and
 * returns a typed result or a typed error. It knows nothing of Electron; the adapter turns an
 * IPC event into an IpcSender.
 */
export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  return {
    async handle(sender, channel, payload) {
      if (!options.isTrustedSender(sender)) {
        return fail({
          code: 'untrusted_sender',
          message: `refused a request from ${sender.frameUrl}`,
        });
      }
      if (!isChannel(channel)) {
        return fail({
          code: 'unknown_channel',
          message: `there is no IPC channel "${String(channel)}"`,
        });
      }
      const entry: ContractEntry = contract[channel];
      if (!entry.whileLocked && !options.workspaceOpen())
        return fail({
          code: 'locked',
          message: `the workspace is locked; ${channel} answers once it is opened`,
        });
      // Up front, before anything else is looked at: a write would only wait on the import.
      if (entry.lock === 'write' && options.writeLock.importRunning)
        return fail({
          code: 'conflict',
          message: `an import is running; ${channel} changes the workspace: try again when it has finished`,
        });
      const parsed = entry.request.safeParse(payload);
      if (!parsed.success) {
        return fail({
          code: 'invalid_payload',
          message: `the request to ${channel} does not fit its schema`,
          issues: issuesOf(parsed.error),
        });
      }
      const roles = entry.roles;
      if (roles !== undefined && roles !== 'anyone') {
        const role = options.actingRole();
        if (role === null || !roles.includes(role)) {
          const message = `${channel} is for a ${roles.join(' or ')}: ${role === null ? 'unlock your key first' : `the person acting here is the ${role}`}`;
          return fail({
            code: 'forbidden',
            message,
            issues: [actRefusalIssue(roles, role !== null, message)],
          });
        }
      }
      try {
        for (const field of entry.paths ?? [])
          for (const path of valuesAtPath(parsed.data, field)) options.grants.check(path, field);
        const handler = handlers[channel] as (request: unknown) => unknown;
        const run = () => handler(parsed.data);
        const value = await (entry.lock === 'write' ? options.writeLock.write(run) : run());
        // Checking our own answer keeps main honest about the contract, not just the renderer.
        return { ok: true, value: entry.response.parse(value) };
      } catch (error) {
        if (error instanceof ServiceError) {
          return fail({ code: error.code, message: error.message, issues: error.issues });
        }
        if (error instanceof ActNotPermittedError)
          return fail({
            code: 'forbidden',
            message: error.message,
            issues: [actRefusalIssue(error.roles, error.by !== null, error.message)],
          });
        options.logError?.(error, channel);
        return fail({ code: 'internal', message: `${channel} failed unexpectedly; see the log` });
      }
    },
  };
}
