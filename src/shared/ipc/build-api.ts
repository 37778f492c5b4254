import { CHANNELS, isEventName, splitChannel, type Channel, type EventName } from './channels';
import type { WindowApi } from './contract';

export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>;
/** Subscribes a listener to one event and returns its unsubscribe function. */
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds window.api from the channel list: exactly one function per channel, nothing else.
 * The preload calls this with ipcRenderer.invoke; the browser tests with their binding.
 */
export function buildWindowApi(invoke: Invoke, subscribe: Subscribe): WindowApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    const [area, verb] = splitChannel(channel);
    const group = (api[area] ??= {}) as Record<string, (request: unknown) => Promise<unknown>>;
    group[verb] = (request: unknown) => invoke(channel, request);
  }
  api.on = (event: unknown, listener: unknown) => {
    // The renderer is not trusted to name events: only the contract's may be subscribed.
    if (!isEventName(event) || typeof listener !== 'function') throw new TypeError('unknown event');
    return subscribe(event, listener as (payload: unknown) => void);
  };
  return api as unknown as WindowApi;
}
