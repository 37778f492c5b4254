import { CHANNELS, splitChannel, type Channel } from './channels';
import type { WindowApi } from './contract';

export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>;

/**
 * Builds window.api from the channel list: exactly one function per channel, nothing else.
 * The preload calls this with ipcRenderer.invoke; the browser tests with their binding.
 */
export function buildWindowApi(invoke: Invoke): WindowApi {
  const api: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [area, verb] = splitChannel(channel);
    const group = (api[area] ??= {});
    group[verb] = (request: unknown) => invoke(channel, request);
  }
  return api as unknown as WindowApi;
}
