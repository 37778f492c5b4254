import { CHANNELS, splitChannel, type Channel, type EventName } from '../../shared/ipc/channels';
import type {
  AreaOf,
  EventPayloadOf,
  IpcErrorCode,
  IpcResult,
  RequestOf,
  ResponseOf,
  VerbOf,
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

/** One channel's call: its request in, its response out; no argument when it takes none. */
type CallOf<C extends Channel> = [RequestOf<C>] extends [undefined]
  ? (request?: RequestOf<C>) => Promise<ResponseOf<C>>
  : (request: RequestOf<C>) => Promise<ResponseOf<C>>;

/** `api.area.verb(request)` for each contract channel "area:verb". */
export type Api = {
  [A in AreaOf<Channel>]: { [V in VerbOf<Channel, A>]: CallOf<Extract<Channel, `${A}:${V}`>> };
};

type BridgeCall = (request: unknown) => Promise<IpcResult<unknown>>;

/** window.api looked up at call time, so unwrap's bridge check runs first on every call. */
function bridgeCall(area: string, verb: string, request: unknown): Promise<IpcResult<unknown>> {
  const bridge = window.api as unknown as Record<string, Record<string, BridgeCall>>;
  const call = bridge[area]?.[verb];
  // An older bridge without this channel: unwrap turns the throw into an ApiError.
  if (call === undefined) throw new Error(`window.api has no ${area}.${verb}`);
  return call(request);
}

function buildApi(): Api {
  const built: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [area, verb] = splitChannel(channel);
    (built[area] ??= {})[verb] = (request?: unknown) =>
      unwrap(() => bridgeCall(area, verb, request));
  }
  return built as unknown as Api;
}

/**
 * The only way components reach main: channel "area:verb" is `api.area.verb(request)`, built
 * from the contract's channel list. It resolves to the channel's response or throws ApiError.
 * Each function is created once, so it is a stable `useApi` fetcher.
 */
export const api: Api = buildApi();

/**
 * Subscribes to a main-process event. A page without the bridge, or with an older bridge that
 * has no on(), simply gets no events: progress is a nicety, the import's answer is what counts.
 */
export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventPayloadOf<E>) => void,
): () => void {
  const bridge = typeof window.api === 'undefined' ? undefined : window.api;
  if (!bridge || typeof bridge.on !== 'function') return () => undefined;
  return bridge.on(event, listener);
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal', error instanceof Error ? error.message : String(error));
}
