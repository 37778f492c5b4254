import type { z } from 'zod';
import { isChannel, type Channel } from '../../shared/ipc/channels';
import {
  contract,
  type IpcError,
  type IpcResult,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../shared/ipc/contract';
import { ServiceError } from '../services/errors';
import type { IpcSender } from './sender';

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

export interface Router {
  handle(sender: IpcSender, channel: unknown, payload: unknown): Promise<IpcResult<unknown>>;
}

export interface RouterOptions {
  isTrustedSender: (sender: IpcSender) => boolean;
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
 * its schema, runs the handler, and returns a typed result or a typed error. It knows nothing
 * of Electron; the adapter turns an IPC event into an IpcSender.
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
      const entry = contract[channel];
      const parsed = entry.request.safeParse(payload);
      if (!parsed.success) {
        return fail({
          code: 'invalid_payload',
          message: `the request to ${channel} does not fit its schema`,
          issues: issuesOf(parsed.error),
        });
      }
      try {
        const handler = handlers[channel] as (request: unknown) => unknown;
        const value = await handler(parsed.data);
        // Checking our own answer keeps main honest about the contract, not just the renderer.
        return { ok: true, value: entry.response.parse(value) };
      } catch (error) {
        if (error instanceof ServiceError) {
          return fail({ code: error.code, message: error.message, issues: error.issues });
        }
        options.logError?.(error, channel);
        return fail({ code: 'internal', message: `${channel} failed unexpectedly; see the log` });
      }
    },
  };
}
